"""Writing a language's content as one .po file (Babel's writer, checked by msgfmt).

``msgctxt`` is the field's path, ``msgid`` the source text, ``msgstr`` the translation now.
Each entry's ``#.`` notes give the public address and the item's version the export saw
(the import compares it, so a later edit in the admin is never overwritten unseen).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import BinaryIO

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..i18n.catalogs import WIDTH
from .entries import Entry, item_entries
from .history import sources_then
from .items import KINDS, Item
from .memory import fill_from_memory
from .readers import all_items

# "#. article/42 version 5 (from sk)": the note the import reads back.
VERSION_NOTE = re.compile(r"^(\S+) version (\d+) \(from (\w+)\)$")
ONLY = ("missing", "outdated")
HEADER = """\
# The Euro-Brew website's content to translate into {lang}.
# Exported {when} UTC; TRANSLATING.md explains the file.
# msgctxt: where the text is on the site; msgid: the text to translate.
# Keep every "#." note: the import needs them."""


def collect_entries(target: str) -> list[Entry]:
    """Every entry of every item, outdated ones marked and the memory's suggestions in."""
    items: dict[str, list[Item]] = {kind: [] for kind in KINDS}
    for item in all_items(target):
        items[item.kind].append(item)
    entries = []
    for kind, group in items.items():
        then = sources_then(kind, group, target)
        for item in group:
            entries += item_entries(item, then.get(item.id, {}))
    fill_from_memory(entries)
    return entries


def wanted(entry: Entry, only: str | None) -> bool:
    """Whether ``--only-missing`` / ``--only-outdated`` keep the entry."""
    if only == "missing":
        return not entry.translation or entry.suggested_from is not None
    if only == "outdated":
        return entry.outdated
    return True


def notes(entry: Entry) -> list[str]:
    """The ``#.`` lines of an entry: where it is seen, what the export saw, suggestions."""
    item = entry.item
    lines = [item.url, f"{item.prefix} version {item.version} (from {item.source_lang})"]
    if entry.suggested_from:
        lines.append(
            f"Suggested: the same text is translated in {entry.suggested_from}. Check it, "
            "then remove the fuzzy mark."
        )
    if entry.rearranged:
        lines.append(
            "The current translation has other paragraphs than the source: it is replaced "
            "as a whole once every block of the text is translated."
        )
    return lines


def build_catalog(target: str, entries: Iterable[Entry]) -> Catalog:
    """A catalog of ``entries`` for ``target``, in the order given."""
    when = datetime.now(UTC)
    catalog = Catalog(
        locale=target,
        domain="content",
        project="Euro-Brew website content",
        version=f"{when:%Y-%m-%d}",
        last_translator="Euro-Brew website",
        language_team=target,
        header_comment=HEADER.format(lang=target, when=f"{when:%Y-%m-%d %H:%M}"),
        creation_date=when,
        revision_date=when,
        fuzzy=False,
    )
    for entry in entries:
        message = catalog.add(
            entry.source,
            entry.translation,
            context=entry.path,
            auto_comments=notes(entry),
            flags=("fuzzy",) if entry.outdated or entry.suggested_from else (),
            previous_id=entry.previous,
        )
        # Babel guesses "python-format" from any "%" ("85%"); these texts are not format
        # strings, and msgfmt would refuse such a guess.
        message.flags.discard("python-format")
    return catalog


def export_content(target: str, handle: BinaryIO, only: str | None = None) -> int:
    """Write the .po file of ``target`` to ``handle``; returns how many entries it has."""
    entries = [entry for entry in collect_entries(target) if wanted(entry, only)]
    catalog = build_catalog(target, entries)
    write_po(handle, catalog, width=WIDTH, no_location=True, include_previous=True)
    return len(entries)
