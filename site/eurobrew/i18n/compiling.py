"""A saved catalog compiled into the .mo the site loads, or every reason it cannot be.

Each reason is one line, ``file:line: problem``: a broken quote (Babel would read it
silently), Babel's parse errors, the header's Plural-Forms, plural forms and placeholders,
Babel's checks, and GNU ``msgfmt --check`` where gettext is installed. A catalog with a
problem is not compiled, so the site keeps loading the last .mo that was good.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from . import catalogs, checks
from .problems import (
    Problem,
    babel_problems,
    entry_errors,
    entry_name,
    forms,
    msgstr_line,
    not_yet_said,
)

BROKEN_QUOTE = (
    'is not a quoted string: it needs a closing ", and a " inside the text is written \\"'
)
FUZZY = "is marked fuzzy, so the English text shows: check it, then remove `#, fuzzy`"


class CatalogNotCompiled(catalogs.CatalogError):
    """A catalog with problems: ``problems`` stop it, ``notes`` are its fuzzy entries."""

    def __init__(self, problems: list[Problem], notes: list[Problem]) -> None:
        super().__init__("\n".join(map(str, [*problems, *notes])))
        self.problems = problems
        self.notes = notes


@dataclass(frozen=True)
class Compiled:
    """A compiled catalog's counts, and its fuzzy entries (left out of the .mo)."""

    stats: catalogs.CatalogStats
    notes: list[Problem] = field(default_factory=list)


def parse(po: Path, lang: str) -> tuple[Catalog | None, list[str], list[Problem]]:
    """(catalog, the file's lines, its syntax problems): no catalog when Babel cannot read it.

    A line with a broken quote is a problem, yet Babel reads the rest of the file, so the
    other entries are checked too.
    """
    name = checks.relative(po)
    raw = Path(po).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [], [Problem(name, "", "is not UTF-8: save the file as UTF-8", line)]
    lines = text.split("\n")
    broken = [
        Problem(name, "", f"{line[:60]!r} {BROKEN_QUOTE}", n)
        for n, line in catalogs.broken_lines(text)
    ]
    try:
        catalog = read_po(io.BytesIO(raw), locale=lang, abort_invalid=True)
    except PoFileError as error:
        # Babel counts lines from 0 and appends " on <that number>" to its message.
        what = re.sub(r" on \d+$", "", str(error))
        unread = Problem(name, "", f"cannot be read: {what}", error.lineno + 1)
        return None, lines, broken + not_yet_said([unread], broken, lines)
    except ValueError as error:
        return None, lines, [*broken, Problem(name, "", f"cannot be read: {error}")]
    return catalog, lines, broken


def catalog_problems(po: Path, lang: str) -> tuple[Catalog | None, list[Problem], list[Problem]]:
    """(catalog, the problems that stop it in file order, its fuzzy entries) of a saved .po."""
    catalog, lines, broken = parse(po, lang)
    if catalog is None:
        return None, broken, []
    name = checks.relative(po)
    found, notes = _entry_problems(name, catalog, lines)
    problems = checks.header_problems(name, po, lang) + broken + not_yet_said(found, broken, lines)
    problems += not_yet_said(babel_problems(name, catalog, lines), problems, lines)
    # msgfmt would only repeat a broken quote, a line further down.
    if not broken and checks.msgfmt_available():
        problems += not_yet_said(checks.msgfmt_problems(po), problems, lines)
    return catalog, sorted(problems, key=lambda problem: problem.line or 0), notes


def _entry_problems(name: str, catalog: Catalog, lines: list[str]):
    """(errors, fuzzy notes) of the catalog's entries; an untranslated one is no error."""
    problems, notes = [], []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            key = catalogs.message_key(message)
            notes.append(Problem(name, entry_name(key), FUZZY, message.lineno))
        elif all(forms(message.string)):
            problems.extend(entry_errors(name, message, catalog.num_plurals, lines))
        elif any(forms(message.string)):
            problems.append(_empty_form(name, message, lines))
    return problems, notes


def _empty_form(name: str, message, lines: list[str]) -> Problem:
    # gettext would show the empty form as an empty text for those numbers.
    form = forms(message.string).index("")
    return Problem(
        name,
        entry_name(catalogs.message_key(message)),
        f"has an empty plural form {form}: fill in every form, or leave them all empty",
        msgstr_line(lines, message, form),
    )


def compile_catalog(po: Path, mo: Path, lang: str) -> Compiled:
    """Compile one .po into .mo; fuzzy entries are left out, as gettext does.

    Raises CatalogNotCompiled, and leaves any previous .mo in place, when the catalog has
    a problem; CatalogError when it cannot be opened.
    """
    try:
        catalog, problems, notes = catalog_problems(Path(po), lang)
    except OSError as error:
        raise catalogs.CatalogError(f"{po}: {error}") from error
    if catalog is None or problems:
        raise CatalogNotCompiled(problems, notes)
    catalogs.write_atomically(Path(mo), lambda handle: write_mo(handle, catalog, use_fuzzy=False))
    return Compiled(catalogs.catalog_stats(catalog, lang), notes)


def compile_catalogs(
    directory: Path = catalogs.TRANSLATIONS_DIR, languages: list[str] | None = None
) -> list[Compiled]:
    """Compile every catalog in ``directory`` next to its .po file."""
    langs = catalogs.catalog_languages(directory) if languages is None else list(languages)
    return [
        compile_catalog(catalogs.po_path(lang, directory), catalogs.mo_path(lang, directory), lang)
        for lang in langs
    ]
