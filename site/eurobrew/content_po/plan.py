"""What a translated file would change, item by item, before anything is written.

A file with a problem (check.py) changes nothing. Otherwise each entry is a change, the same
as saved, or skipped with its reason: marked for review (fuzzy), empty, its source changed
since the export, or a conflict: its translation was edited in the admin after the export.
"""

from __future__ import annotations

from collections import defaultdict

from babel.messages.catalog import Message
from flask_babel import gettext

from .check import Problem, entry_problems, parse_path, read_file
from .export import VERSION_NOTE
from .outcome import FileEntry, Plan
from .readers import all_items
from .rules import plan_item


def _file_entry(message: Message) -> FileEntry | str:
    where = parse_path(message.context)
    if where is None:
        return message.context or ""
    version = None
    for note in message.auto_comments:
        found = VERSION_NOTE.match(note.strip())
        if found and found[1] == where.prefix:
            version = int(found[2])
    text = message.string if isinstance(message.string, str) else ""
    return FileEntry(message.context, where, message.id, text, message.fuzzy, version)


def _read_entries(catalog) -> tuple[list[FileEntry], list[Problem]]:
    entries, problems = [], []
    for message in catalog:
        if not message.id:
            continue
        found = _file_entry(message)
        if isinstance(found, str):
            reason = gettext("This site has no such text (unknown msgctxt).")
            problems.append(Problem(found or message.id[:40], reason))
        else:
            entries.append(found)
    return entries, problems


def _checked(entries: list[FileEntry], items: dict) -> list[Problem]:
    problems = []
    for entry in entries:
        if (entry.where.kind, entry.where.key) not in items:
            reason = gettext("No such item on the site: it was deleted, or never existed.")
            problems.append(Problem(entry.where.prefix, reason))
            continue
        if entry.translation and not entry.fuzzy:
            block = entry.where.block is not None
            for reason in entry_problems(entry.source, entry.translation, block):
                problems.append(Problem(entry.path, reason))
    return problems


def make_plan(data: bytes) -> Plan:
    """Read and check ``data`` (a .po file) and say what importing it would do."""
    catalog, problems = read_file(data)
    if catalog is None:
        return Plan(problems=problems)
    plan = Plan(lang=str(catalog.locale).split("_")[0])
    entries, plan.problems = _read_entries(catalog)
    wanted = defaultdict(set)
    for entry in entries:
        wanted[entry.where.kind].add(entry.where.key)
    items = {(i.kind, i.key): i for i in all_items(plan.lang, wanted)} if entries else {}
    plan.problems += _checked(entries, items)
    if plan.problems:
        return plan
    grouped = defaultdict(list)
    for entry in entries:
        grouped[entry.where.kind, entry.where.key].append(entry)
    for key, group in grouped.items():
        plan_item(plan, items[key], group)
    return plan
