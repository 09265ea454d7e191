"""Translation memory: a text the site already has translated elsewhere is offered where the
same source text waits for a translation, marked for the translator to confirm."""

from __future__ import annotations

from .entries import Entry


def fill_from_memory(entries: list[Entry]) -> int:
    """Fill each untranslated entry whose source text has a current translation in another
    entry (same source language); returns how many were filled."""
    known: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        if entry.translation and not entry.outdated:
            known.setdefault((entry.item.source_lang, entry.source), entry)
    filled = 0
    for entry in entries:
        if entry.translation:
            continue
        match = known.get((entry.item.source_lang, entry.source))
        if match is not None:
            entry.translation, entry.suggested_from = match.translation, match.path
            filled += 1
    return filled
