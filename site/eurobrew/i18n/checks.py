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
from pathlib import Path

from ..config import PROJECT_ROOT
from . import catalogs, extract
from .plurals import plural_forms_problem
from .problems import (
    Problem,
    babel_problems,
    entry_name,
    entry_problems,
    header_line,
    not_yet_said,
)

# msgfmt's own lines: "path:123: what is wrong".
MSGFMT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<what>.+)$")


def relative(path: Path) -> str:
    """A catalog's path as the translator sees it: from the project's folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def template_problems(
    directory: Path = catalogs.TRANSLATIONS_DIR, root: Path = PROJECT_ROOT
) -> list[Problem]:
    """Differences between the committed ``messages.pot`` and what the code asks for."""
    pot = catalogs.pot_path(directory)
    name = relative(pot)
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


def catalog_problems(lang: str, directory: Path = catalogs.TRANSLATIONS_DIR) -> list[Problem]:
    """Everything that keeps one language's catalog from shipping."""
    path = catalogs.po_path(lang, directory)
    name = relative(path)
    problems = header_problems(name, path, lang)
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
    lines = path.read_text(encoding="utf-8").split("\n")
    for message in catalog:
        if message.id:
            problems.extend(entry_problems(name, message, catalog.num_plurals, lines))
    problems.extend(not_yet_said(babel_problems(name, catalog, lines), problems, lines))
    return problems


def header_problems(name: str, path: Path, lang: str) -> list[Problem]:
    """The header's Plural-Forms against the language's rule, at the header's line."""
    # Read the header as written: Babel would quietly fill in a missing Plural-Forms.
    text = Path(path).read_text(encoding="utf-8")
    problem = plural_forms_problem(text, lang)
    return [Problem(name, "", problem, header_line(text.split("\n")))] if problem else []


def msgfmt_available() -> bool:
    """True when GNU gettext's msgfmt is on the PATH."""
    return shutil.which("msgfmt") is not None


def start_msgfmt(path: Path) -> subprocess.Popen:
    """GNU ``msgfmt --check`` on one catalog, started in the background; its problems come
    from ``msgfmt_outcome``. A large file's check can so run beside other work on it."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise FileNotFoundError("msgfmt (GNU gettext) is not installed")
    return subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
        [msgfmt, "--check", "-o", os.devnull, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def msgfmt_outcome(path: Path, running: subprocess.Popen) -> list[Problem]:
    """What the ``msgfmt --check`` that ``start_msgfmt`` began on ``path`` found."""
    stderr = running.communicate()[1]
    if running.returncode == 0:
        return []
    name = relative(path)
    said = [line for line in stderr.splitlines() if line.strip()]
    located = msgfmt_lines(said)
    if located:
        return [Problem(name, "", f"msgfmt --check: {what}", line) for line, what in located]
    return [Problem(name, "", f"msgfmt --check: {line}") for line in said] or [
        Problem(name, "", f"msgfmt --check failed with status {running.returncode}")
    ]


def msgfmt_problems(path: Path) -> list[Problem]:
    """GNU ``msgfmt --check`` on one catalog (format strings, header, plural forms)."""
    return msgfmt_outcome(path, start_msgfmt(path))


def msgfmt_lines(said: list[str]) -> list[tuple[int, str]]:
    """(line, what) of each ``file:line: what`` msgfmt printed.

    msgfmt splits one fault over two places ("5: nplurals = 3..." and "83: ...but some
    messages have only 2 plural forms"): they become one, at the entry's line. Its closing
    "msgfmt: found 2 fatal errors" adds nothing to the lines above it.
    """
    located: list[tuple[int, str]] = []
    for match in filter(None, map(MSGFMT_LINE.match, said)):
        line, what = int(match["line"]), match["what"]
        if located and located[-1][1].endswith("...") and what.startswith("..."):
            what = f"{located.pop()[1].removesuffix('...')} {what.removeprefix('...')}"
        located.append((line, what))
    return located


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
