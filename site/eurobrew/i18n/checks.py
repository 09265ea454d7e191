"""What must hold before a catalog ships, each failure said in words a translator can act on.

The template must match the code; every catalog must hold exactly the template's entries,
all translated and none fuzzy, with the same placeholders as the English text, the right
plural forms, and must pass GNU ``msgfmt --check`` where gettext is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess  # noqa: S404 - msgfmt is run with a fixed argument list
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from ..config import PROJECT_ROOT
from . import catalogs, extract
from .plurals import plural_forms_problem

# %(name)s style placeholders, with the flags, width and precision Python allows.
NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa])")
# A bare %s or %d: the translator cannot move it, so the house rule is names only.
POSITIONAL_PLACEHOLDER = re.compile(r"%(?!\(|%)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog or the template."""

    file: str
    msgid: str
    what: str

    def __str__(self) -> str:
        where = f" {self.msgid!r}" if self.msgid else ""
        return f"{self.file}:{where} {self.what}"


def entry_name(key: tuple[str | None, str, str | None]) -> str:
    """An entry as a translator finds it in Poedit: its English text, and context if any."""
    return f"{key[1]} (context {key[0]!r})" if key[0] else key[1]


def placeholders(text: str) -> set[tuple[str, str]]:
    """The named placeholders of a string as (name, conversion) pairs."""
    return set(NAMED_PLACEHOLDER.findall(text or ""))


def _relative(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _forms(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def template_problems(
    directory: Path = catalogs.TRANSLATIONS_DIR, root: Path = PROJECT_ROOT
) -> list[Problem]:
    """Differences between the committed ``messages.pot`` and what the code asks for."""
    pot = catalogs.pot_path(directory)
    name = _relative(pot)
    if not pot.is_file():
        return [Problem(name, "", "is missing; run `make messages`")]
    committed = extract.template_signature(catalogs.read_catalog(pot))
    current = extract.template_signature(extract.extract_messages(root))
    problems = []
    for key in sorted(current.keys() - committed.keys(), key=str):
        problems.append(Problem(name, entry_name(key), "is in the code but not in the template"))
    for key in sorted(committed.keys() - current.keys(), key=str):
        problems.append(
            Problem(name, entry_name(key), "is in the template but no longer in the code")
        )
    for key in sorted(current.keys() & committed.keys(), key=str):
        if current[key] != committed[key]:
            problems.append(Problem(name, entry_name(key), "has a changed comment or format flag"))
    if problems:
        problems.append(Problem(name, "", "is out of date; run `make messages`"))
    return problems


def _message_problems(name: str, message: Message, nplurals: int) -> list[Problem]:
    msgid = entry_name(catalogs.message_key(message))
    strings = _forms(message.string)
    if message.fuzzy:
        return [
            Problem(name, msgid, "is marked fuzzy: check the translation, then remove `#, fuzzy`")
        ]
    if not all(strings):
        return [Problem(name, msgid, "is not translated")]
    problems = []
    if message.pluralizable and len(strings) != nplurals:
        problems.append(Problem(name, msgid, f"has {len(strings)} plural forms, not {nplurals}"))
    expected = set().union(*(placeholders(text) for text in _forms(message.id)))
    for index, text in enumerate(strings):
        found = placeholders(text)
        if found != expected:
            form = f" (plural form {index})" if message.pluralizable else ""
            problems.append(
                Problem(
                    name,
                    msgid,
                    f"translation{form} has placeholders {_names(found)}, "
                    f"the English text {_names(expected)}",
                )
            )
    texts = _forms(message.id) + strings
    if "python-format" in message.flags and any(POSITIONAL_PLACEHOLDER.search(t) for t in texts):
        problems.append(Problem(name, msgid, "uses an unnamed placeholder; use %(name)s"))
    return problems


def _names(found: set[tuple[str, str]]) -> str:
    return ", ".join(f"%({n}){c}" for n, c in sorted(found)) or "none"


def catalog_problems(lang: str, directory: Path = catalogs.TRANSLATIONS_DIR) -> list[Problem]:
    """Everything that keeps one language's catalog from shipping."""
    path = catalogs.po_path(lang, directory)
    name = _relative(path)
    problems = _header_problems(name, path, lang)
    try:
        catalog = catalogs.read_catalog(path, lang)
        template = catalogs.read_catalog(catalogs.pot_path(directory))
    except catalogs.CatalogError as error:
        return [*problems, Problem(name, "", f"cannot be read: {error}")]
    wanted = {catalogs.message_key(m) for m in template if m.id}
    present = {catalogs.message_key(m) for m in catalog if m.id}
    for key in sorted(wanted - present, key=str):
        problems.append(Problem(name, entry_name(key), "is missing; run `make messages`"))
    for key in sorted(present - wanted, key=str):
        problems.append(
            Problem(name, entry_name(key), "is not in the template; run `make messages`")
        )
    for message in catalog.obsolete.values():
        problems.append(
            Problem(name, entry_name(catalogs.message_key(message)), "is obsolete (#~)")
        )
    for message in catalog:
        if message.id:
            problems.extend(_message_problems(name, message, catalog.num_plurals))
    problems.extend(Problem(name, "", error) for error in catalogs.check_errors(catalog))
    return problems


def _header_problems(name: str, path: Path, lang: str) -> list[Problem]:
    # Read the header as written: Babel would quietly fill in a missing Plural-Forms.
    problem = plural_forms_problem(Path(path).read_text(encoding="utf-8"), lang)
    return [Problem(name, "", problem)] if problem else []


def msgfmt_available() -> bool:
    """True when GNU gettext's msgfmt is on the PATH."""
    return shutil.which("msgfmt") is not None


def msgfmt_problems(path: Path) -> list[Problem]:
    """GNU ``msgfmt --check`` on one catalog (format strings, header, plural forms)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise FileNotFoundError("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [msgfmt, "--check", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return []
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return [Problem(_relative(path), "", f"msgfmt --check: {line}") for line in lines] or [
        Problem(_relative(path), "", f"msgfmt --check failed with status {result.returncode}")
    ]


def in_ci() -> bool:
    """True on the build server, where a missing tool must fail the checks."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def all_problems(directory: Path = catalogs.TRANSLATIONS_DIR) -> list[Problem]:
    """Template, every catalog and msgfmt (required in CI, skipped elsewhere when missing)."""
    problems = template_problems(directory)
    for lang in catalogs.catalog_languages(directory):
        problems.extend(catalog_problems(lang, directory))
        if msgfmt_available():
            problems.extend(msgfmt_problems(catalogs.po_path(lang, directory)))
    if not msgfmt_available() and in_ci():
        problems.append(Problem("msgfmt", "", "GNU gettext's msgfmt is required in CI"))
    return problems
