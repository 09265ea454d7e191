"""An item of the site's content as a translator works on it: per item its source texts,
its current translation, its version and its public address (readers.py reads them).

``prefix`` is how an item's field paths start: ``article/42``, ``page/about``, ``contact``,
``image/7``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES

# The fields translated, in the order a file lists them; "body" is cut into blocks.
FIELDS = {
    "article": ("title", "place", "note", "body"),
    "page": ("title", "body"),
    "contact": ("name", "country"),
    "image": ("alt", "caption"),
}
KINDS = tuple(FIELDS)
# Below this many items, read only those a file names; above, reading all is quicker.
FEW = 500


@dataclass
class Item:
    """One article, page, image or the contact data, as a translator works on it."""

    kind: str
    key: str  # the path's second part: the id, a page's key, "" for the contact data
    id: int
    version: int
    source_lang: str
    sources: dict[str, str]
    targets: dict[str, str] | None  # None: no translation in the target language yet
    url: str
    title: str

    @property
    def prefix(self) -> str:
        """``article/42``: how the paths of this item's fields start."""
        return f"{self.kind}/{self.key}" if self.key else self.kind


def source_language(present: Iterable[str], target: str) -> str | None:
    """The language an item is translated from into ``target``: the default language when
    the item has it, else the first other language it has; None when it has no other."""
    present = set(present) - {target}
    if DEFAULT_LANGUAGE in present:
        return DEFAULT_LANGUAGE
    return next((lang for lang in LANGUAGES if lang in present), None)
