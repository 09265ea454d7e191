"""Gettext catalogs: where they are, reading, writing, compiling and counting them.

Babel's Python API throughout. Used by the ``flask translations`` commands, the debug-mode
catalog reload, the tests and the admin's translations overview; ``compiling`` turns a .po
into the .mo the site loads. Every function takes the
translations folder as an argument, so the same code works on a temporary copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from ..config import PROJECT_ROOT
from ..files import atomic_write

TRANSLATIONS_DIR = PROJECT_ROOT / "translations"
DOMAIN = "messages"
POT_NAME = f"{DOMAIN}.pot"
# A keyword and its quoted string, or a string continuing the previous line.
PO_LINE = re.compile(
    r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$'
)
# Babel's default line width, so files written here and by pybabel look the same.
WIDTH = 76


class CatalogError(Exception):
    """A catalog that cannot be read or compiled; the message says where and why."""


@dataclass(frozen=True)
class CatalogStats:
    """How complete one language's catalog is (the header entry is not counted)."""

    lang: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def complete(self) -> bool:
        """True when every entry is translated and none waits for review."""
        return self.translated == self.total


def pot_path(directory: Path = TRANSLATIONS_DIR) -> Path:
    """The template every catalog is updated from."""
    return Path(directory) / POT_NAME


def po_path(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The catalog translators edit for ``lang``."""
    return Path(directory) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The compiled catalog the site loads for ``lang``."""
    return po_path(lang, directory).with_suffix(".mo")


def catalog_languages(directory: Path = TRANSLATIONS_DIR) -> list[str]:
    """The languages that have a catalog in ``directory``, sorted."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(
        child.name for child in directory.iterdir() if po_path(child.name, directory).is_file()
    )


def broken_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of each line that is neither a comment, a keyword with a quoted
    string, nor a quoted string.

    Babel's parser quietly drops the last character of a string that lost its closing
    quote; a translator's typo must stop the catalog instead.
    """
    return [
        (number, line.strip())
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip() and not line.lstrip().startswith("#") and not PO_LINE.match(line)
    ]


def syntax_errors(text: str) -> list[str]:
    """The broken lines of a catalog, each said with its number."""
    return [
        f"line {number}: {line[:60]!r} is not a quoted string"
        for number, line in broken_lines(text)
    ]


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """Parse a .po or .pot file; a syntax error raises CatalogError naming file and line."""
    try:
        errors = syntax_errors(Path(path).read_text(encoding="utf-8"))
        if errors:
            raise CatalogError(f"{path}: " + "; ".join(errors))
        with Path(path).open("rb") as handle:
            return read_po(handle, locale=lang, abort_invalid=True)
    except (OSError, ValueError, PoFileError) as error:
        raise CatalogError(f"{path}: {error}") from error


def write_atomically(path: Path, write) -> None:
    """Write through a temporary file, so a reader never sees half a catalog."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, write, 0o644)


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write a .po or .pot file the way this project keeps them: sorted, without locations."""

    def write(handle):
        write_po(
            handle,
            catalog,
            width=WIDTH,
            no_location=True,
            sort_output=True,
            ignore_obsolete=True,
            include_previous=True,
        )

    write_atomically(Path(path), write)


def message_key(message: Message) -> tuple[str | None, str, str | None]:
    """(context, msgid, plural msgid): what identifies an entry for the translators."""
    if isinstance(message.id, tuple | list):
        return message.context, message.id[0], message.id[1]
    return message.context, message.id, None


def catalog_stats(catalog: Catalog, lang: str) -> CatalogStats:
    """Count translated, fuzzy and untranslated entries (fuzzy ones are not translated)."""
    translated = fuzzy = untranslated = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy:
            fuzzy += 1
        elif all(strings):
            translated += 1
        else:
            untranslated += 1
    return CatalogStats(lang, translated + fuzzy + untranslated, translated, fuzzy, untranslated)


def catalog_statuses(directory: Path = TRANSLATIONS_DIR) -> list[CatalogStats]:
    """Per language: translated / fuzzy / untranslated counts of its catalog."""
    return [
        catalog_stats(read_catalog(po_path(lang, directory), lang), lang)
        for lang in catalog_languages(directory)
    ]
