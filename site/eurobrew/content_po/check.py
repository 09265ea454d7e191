"""Reading a translated file back, and what it must keep: a valid PO file (msgfmt agrees),
known field paths, and in every translation the source's placeholders, contact codes,
library images and link addresses."""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po
from flask_babel import gettext

from ..i18n import LANGUAGES, checks
from ..i18n.catalogs import syntax_errors
from ..i18n.problems import placeholders
from ..markup import CONTACT_TOKEN, media_ids
from .items import FIELDS

PATH = re.compile(r"^(article|page|image)/([\w-]+)/(\w+)(?:/(\d+))?$|^(contact)/(\w+)$")
LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]+)")
BARE_URL = re.compile(r"(?:https?://|mailto:|tel:)[^\s()<>\[\]\"']+")


@dataclass(frozen=True)
class Problem:
    """Why a file cannot be imported: where (a field path or a line) and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class FieldPath:
    """A ``msgctxt`` read: ``article/42/body/3`` is ("article", "42", "body", 3)."""

    kind: str
    key: str
    field: str
    block: int | None

    @property
    def prefix(self) -> str:
        """The item's part of the path: ``article/42``, ``page/about``, ``contact``."""
        return f"{self.kind}/{self.key}" if self.key else self.kind


def parse_path(path: str | None) -> FieldPath | None:
    """The field a ``msgctxt`` names, or None when it names none this site has."""
    match = PATH.match(path or "")
    if match is None:
        return None
    kind, key, field, block = match.groups()[:4]
    if match.group(5):
        kind, key, field, block = "contact", "", match.group(6), None
    if field not in FIELDS[kind] or (block is not None) != (field == "body"):
        return None
    if kind in ("article", "image") and not key.isdigit():
        return None
    return FieldPath(kind, key, field, None if block is None else int(block))


@contextmanager
def _msgfmt_beside(data: bytes) -> Iterator[Callable[[], list[Problem]]]:
    """``msgfmt --check`` on ``data``, run while Python reads the file itself: on a whole
    site's content (92 MB at 100,000 articles) each takes seconds, and a second core is
    there. Yields what waits for msgfmt and returns its problems."""
    if not checks.msgfmt_available():
        # As for the catalogs: skipped where gettext is not installed, required in CI.
        missing = Problem("msgfmt", gettext("GNU gettext's msgfmt is missing."))
        yield lambda: [missing] if checks.in_ci() else []
        return
    handle, name = tempfile.mkstemp(suffix=".po")
    running = None
    try:
        with os.fdopen(handle, "wb") as temporary:
            temporary.write(data)
        running = checks.start_msgfmt(Path(name))
        yield lambda: [
            Problem("", f"line {p.line}: {p.what}" if p.line else p.what)
            for p in checks.msgfmt_outcome(Path(name), running)
        ]
    finally:
        if running is not None and running.returncode is None:
            running.kill()  # the file was refused before msgfmt's answer was needed
            running.communicate()
        os.unlink(name)


def _read_po(data: bytes, text: str) -> tuple[Catalog | None, list[Problem]]:
    problems = [Problem("", error) for error in syntax_errors(text)]
    if problems:
        return None, problems
    try:
        return read_po(io.BytesIO(data), abort_invalid=True), []
    except (PoFileError, ValueError) as error:
        return None, [Problem("", gettext("Not a valid .po file: %(error)s", error=str(error)))]


def read_file(data: bytes) -> tuple[Catalog | None, list[Problem]]:
    """The catalog in ``data``, or the problems that keep it from being read."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem("", gettext("The file is not a text file in UTF-8."))]
    with _msgfmt_beside(data) as msgfmt_problems:
        catalog, problems = _read_po(data, text)
        if catalog is None:
            return None, problems
        problems = msgfmt_problems()
    lang = str(catalog.locale or "").split("_")[0]
    if lang not in LANGUAGES:
        message = gettext("The file's header names no language of this site (Language: ...).")
        problems.append(Problem("", message))
    return (None if problems else catalog), problems


def links(text: str) -> tuple[set[str], int]:
    """The link addresses in a text (Markdown targets and bare web, mail and phone ones),
    and how many Markdown links lead to the site's own pages (``/sk/varne``): those may
    lead to the same page in the translation's language, under its own address."""
    targets = LINK_TARGET.findall(text)
    own = [target for target in targets if target.startswith("/")]
    return (set(targets) - set(own)) | set(BARE_URL.findall(text)), len(own)


def entry_problems(source: str, translation: str, block: bool) -> list[str]:
    """What a translation lost or broke of its source, in the reader's language."""
    found = []
    if placeholders(source) != placeholders(translation):
        found.append(gettext("Keep the placeholders such as %(name)s exactly as in the source."))
    if sorted(CONTACT_TOKEN.findall(source)) != sorted(CONTACT_TOKEN.findall(translation)):
        found.append(gettext("Keep the contact codes such as {contact:phone} as in the source."))
    if sorted(media_ids(source)) != sorted(media_ids(translation)):
        wanted = ", ".join(f"media:{n}" for n in media_ids(source)) or "-"
        found.append(gettext("Keep the library images as in the source: %(ids)s.", ids=wanted))
    (external, own), (kept, own_kept) = links(source), links(translation)
    lost = sorted(external - kept)
    if lost:
        urls = ", ".join(lost)
        found.append(gettext("Keep the link addresses of the source: %(urls)s.", urls=urls))
    if own_kept < own:
        found.append(gettext("Keep every link to the site's own pages (%(num)d).", num=own))
    if block and re.search(r"\n[ \t]*\n", translation):
        found.append(gettext("A paragraph's translation may not contain an empty line."))
    return found
