"""What reading a translated file found: its entries, and the plan an import follows."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models.translated import normal_text
from .check import FieldPath, Problem
from .items import Item


@dataclass
class FileEntry:
    """One entry of the file, read."""

    path: str
    where: FieldPath
    source: str
    translation: str
    fuzzy: bool
    version: int | None  # what the export saw; None when its note is gone


@dataclass(frozen=True)
class Skipped:
    """An entry left alone, and why (in the reader's language)."""

    path: str
    reason: str
    translation: str
    conflict: bool = False
    saved: str = ""  # for a conflict: the translation saved in the admin since the export


@dataclass
class ItemChange:
    """The new texts of one item (field -> text), beside the ones saved now."""

    item: Item
    before: dict[str, str]
    after: dict[str, str]

    @property
    def new(self) -> bool:
        """True when the item gets its first text in the language."""
        return self.item.targets is None


@dataclass
class Plan:
    """Everything an import would do in one language, or why it cannot."""

    lang: str = ""
    problems: list[Problem] = field(default_factory=list)
    changes: list[ItemChange] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unchanged: int = 0

    @property
    def conflicts(self) -> list[Skipped]:
        """Skipped entries whose translation was edited in the admin after the export."""
        return [entry for entry in self.skipped if entry.conflict]


def same(first: str, second: str) -> bool:
    """Equal as saved (line ends and surrounding spaces aside)."""
    return normal_text(first or "") == normal_text(second or "")
