"""An item's fields as a translation file's entries: one per short field, one per block of a
body, each with its current translation and, where the source changed since that
translation was saved, the source it was made from (gettext's fuzzy with ``#| msgid``)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .blocks import Block, aligned, split
from .items import FIELDS, Item


@dataclass
class Entry:
    """One text to translate."""

    path: str  # "article/42/title", "page/about/body/3"
    source: str
    item: Item
    translation: str = ""
    previous: str | None = None  # the source the translation was made from, if it changed
    suggested_from: str | None = None  # the path whose translation the memory offers
    rearranged: bool = False  # the item's translation has other blocks than its source

    @property
    def outdated(self) -> bool:
        """True when the source changed after the translation was last saved."""
        return self.previous is not None


def item_entries(item: Item, then: dict[str, str]) -> list[Entry]:
    """``item``'s entries; ``then`` holds per field the source its translation was made
    from (history.sources_then)."""
    found = []
    targets = item.targets or {}
    for field in FIELDS[item.kind]:
        source, target = item.sources.get(field, ""), targets.get(field, "")
        if field == "body":
            found += body_entries(item, source, target, then.get(field))
        elif source.strip():
            entry = Entry(f"{item.prefix}/{field}", source, item, target)
            if target and field in then and then[field] != source:
                entry.previous = then[field]
            found.append(entry)
    return found


def _pairs_through_history(old: list[Block], current: list[Block], target: list[Block]):
    """Current block number -> (its translation, the old source when it changed), pairing
    the translation with the source it was made from, then that source with today's."""
    pairs = {}
    matcher = difflib.SequenceMatcher(
        a=[b.text for b in old], b=[b.text for b in current], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                previous = None if op == "equal" else old[i1 + k].text
                pairs[j1 + k + 1] = (target[i1 + k].text, previous)
    return pairs


def body_entries(item: Item, source: str, target: str, source_then: str | None) -> list[Entry]:
    """One entry per block of the body that has words."""
    current, translated = split(source), split(target)
    old = split(source_then) if source_then is not None else None
    pairs = {}
    if old is not None and translated and aligned(old, translated):
        pairs = _pairs_through_history(old, current, translated)
    elif translated and aligned(current, translated):
        pairs = {n: (block.text, None) for n, block in enumerate(translated, start=1)}
    found = []
    for number, block in enumerate(current, start=1):
        if not block.translatable:
            continue
        text, previous = pairs.get(number, ("", None))
        entry = Entry(f"{item.prefix}/body/{number}", block.text, item, text, previous)
        entry.rearranged = bool(translated) and not pairs
        found.append(entry)
    return found
