"""How much of the content is translated, per language and kind: missing, outdated (the
source changed after the translation was saved) and complete, with the items left to do.

Articles and pages are counted from the translators' overview (i18n/status.py: one query
each, fine at 100,000 articles); the image library and the contact data item by item, with
the export's own test of an outdated text (the source its translation was made from, as the
revisions tell, differs from the source now).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..i18n import LANGUAGES
from ..i18n.status import ContentStatus
from ..models import Article, Page
from .entries import item_entries
from .history import sources_then
from .items import Item
from .readers import all_items

COUNTED = {"article": Article, "page": Page}


@dataclass(frozen=True)
class KindCount:
    """One kind of content in one language."""

    kind: str
    missing: int
    outdated: int
    complete: int


@dataclass(frozen=True)
class ToDo:
    """An image or the contact data whose text in ``lang`` is missing or outdated."""

    kind: str
    id: int
    title: str
    lang: str
    state: str = "missing"  # or "outdated"


@dataclass(frozen=True)
class LanguageCounts:
    """Every kind's counts in one language, and the images and contact texts to do."""

    lang: str
    kinds: list[KindCount]
    to_do: list[ToDo]

    @property
    def missing(self) -> int:
        """Items lacking a text in this language."""
        return sum(kind.missing for kind in self.kinds)

    @property
    def outdated(self) -> int:
        """Items whose text in this language is older than their source's."""
        return sum(kind.outdated for kind in self.kinds)


def incomplete(item: Item) -> bool:
    """True when a text with a source has no translation."""
    targets = item.targets or {}
    return any(text.strip() and not targets.get(name) for name, text in item.sources.items())


def _counted(content: ContentStatus, lang: str) -> list[KindCount]:
    counts = []
    for kind, model in COUNTED.items():
        total = db.session.scalar(select(func.count()).select_from(model)) or 0
        missing = sum(1 for m in content.missing if m.kind == kind and m.lang == lang)
        outdated = sum(1 for o in content.outdated if o.kind == kind and o.lang == lang)
        counts.append(KindCount(kind, missing, outdated, max(total - missing - outdated, 0)))
    return counts


def language_counts(content: ContentStatus) -> list[LanguageCounts]:
    """Per language: missing, outdated and complete per kind, and the images and contact
    texts still to translate."""
    found = []
    for lang in LANGUAGES:
        kinds = _counted(content, lang)
        to_do = []
        for kind in ("contact", "image"):
            items = list(all_items(lang, {kind: None}))
            todo = [ToDo(kind, i.id, i.title, lang, st) for i, st in _states(kind, items, lang)]
            missing = sum(1 for item in todo if item.state == "missing")
            kinds.append(KindCount(kind, missing, len(todo) - missing, len(items) - len(todo)))
            to_do += todo
        found.append(LanguageCounts(lang, kinds, to_do))
    return found


def _states(kind: str, items: list[Item], lang: str):
    """(item, "missing" or "outdated") for each item not complete in ``lang``."""
    then = sources_then(kind, items, lang)
    for item in items:
        if incomplete(item):
            yield item, "missing"
        elif any(entry.outdated for entry in item_entries(item, then.get(item.id, {}))):
            yield item, "outdated"
