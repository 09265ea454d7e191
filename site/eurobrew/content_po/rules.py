"""The rules for one item's entries: which become its new texts, which are skipped and why.

A body is saved whole, so its blocks go together: every block must be translated (in the
file, or already, when the saved translation has the source's blocks), and none may come
from an older source. A translation saved in the admin after the export is a conflict.
"""

from __future__ import annotations

from flask_babel import gettext

from .blocks import aligned, join, split
from .history import target_at_version
from .items import FIELDS, Item
from .outcome import FileEntry, ItemChange, Plan, Skipped, same


def skip_reason(entry: FileEntry, source: str | None) -> str | None:
    """Why an entry is not imported, or None when it may be."""
    if entry.version is None:
        return gettext("The note with the item's version was removed; export the file again.")
    if entry.fuzzy:
        return gettext("Marked for review (fuzzy): check it, remove the mark, import again.")
    if not entry.translation.strip():
        return gettext("Not translated.")
    if source is None or entry.source != source:
        return gettext("The source text changed after the export; export the file again.")
    return None


def _skip(plan: Plan, entries: list[FileEntry], reason: str) -> None:
    plan.skipped.extend(Skipped(e.path, reason, e.translation) for e in entries)


def _body(plan: Plan, item: Item, entries: list[FileEntry]) -> str | None:
    """The new body from its blocks' entries, or None (the entries skipped with reasons)."""
    blocks = split(item.sources.get("body", ""))
    texts, usable, stale = {}, [], False
    for entry in entries:
        number = entry.where.block
        source = blocks[number - 1].text if 0 < number <= len(blocks) else None
        reason = skip_reason(entry, source)
        stale = stale or (reason is not None and entry.source != source)
        if reason:
            _skip(plan, [entry], reason)
        else:
            texts[number] = entry.translation.strip()
            usable.append(entry)
    if stale:
        _skip(plan, usable, gettext("Other paragraphs of this text changed after the export."))
        return None
    saved = split((item.targets or {}).get("body", ""))
    if aligned(blocks, saved):
        for number, block in enumerate(saved, start=1):
            texts.setdefault(number, block.text)
    missing = [n for n, b in enumerate(blocks, start=1) if b.translatable and n not in texts]
    if missing or not usable:
        reason = gettext(
            "The text is saved only when all its paragraphs are translated; %(num)d are not.",
            num=len(missing),
        )
        _skip(plan, usable, reason)
        return None
    return join(blocks, texts)


def _edited_since(item: Item, version: int, lang: str, field: str) -> bool:
    """True when the translation of ``field`` changed after the export saw ``version``."""
    if version == item.version:
        return False
    then = target_at_version(item, version, lang, field)
    # No revision of that version: the history cannot tell, so it counts as edited.
    return then is None or not same(then, (item.targets or {}).get(field, ""))


def _new_texts(plan: Plan, item: Item, entries: list[FileEntry]) -> dict[str, str]:
    """Field -> text for every field the entries translate (skipped ones left out)."""
    texts = {}
    for entry in entries:
        if entry.where.field == "body":
            continue
        reason = skip_reason(entry, item.sources.get(entry.where.field))
        if reason:
            _skip(plan, [entry], reason)
        else:
            texts[entry.where.field] = entry.translation.strip()
    body = [entry for entry in entries if entry.where.field == "body"]
    if body:
        text = _body(plan, item, body)
        if text is not None:
            texts["body"] = text
    return texts


def plan_item(plan: Plan, item: Item, entries: list[FileEntry]) -> None:
    """Add what ``entries`` would change in ``item`` to ``plan``."""
    by_field = {}
    for entry in entries:
        by_field.setdefault(entry.where.field, []).append(entry)
    version = min((e.version for e in entries if e.version is not None), default=item.version)
    saved = item.targets or {}
    after = {}
    for field, text in _new_texts(plan, item, entries).items():
        if same(text, saved.get(field, "")):
            plan.unchanged += len(by_field[field])
        elif _edited_since(item, version, plan.lang, field):
            reason = gettext("Changed in the admin after the export; not overwritten.")
            path = f"{item.prefix}/{field}"
            plan.skipped.append(Skipped(path, reason, text, True, saved.get(field, "")))
        else:
            after[field] = text
    needed = [f for f in FIELDS[item.kind] if item.sources.get(f, "").strip()]
    if item.targets is None and any(f not in after for f in needed):
        reason = gettext("A new translation is saved only with all of the item's texts.")
        _skip(plan, [e for e in entries if e.where.field in after], reason)
        return
    if after:
        plan.changes.append(ItemChange(item, {f: saved.get(f, "") for f in after}, after))
