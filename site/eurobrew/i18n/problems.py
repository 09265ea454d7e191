"""One problem in a catalog, said as a compiler says it: ``file:line: problem``.

Editors and terminals turn ``file:line`` into a link, and a translator with a plain text
editor finds the line by its number. The line of an entry's problem is the line to change:
its ``msgstr`` (or ``msgstr[N]``) for a translation, its ``msgid`` for a fuzzy mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from . import catalogs

# %(name)s style placeholders, with the flags, width and precision Python allows.
NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa])")
# A bare %s or %d: the translator cannot move it, so the house rule is names only.
POSITIONAL_PLACEHOLDER = re.compile(r"%(?!\(|%)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog or the template, at a line of the file when known."""

    file: str
    msgid: str
    what: str
    line: int | None = None

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}:" if self.line else f"{self.file}:"
        where = f" {self.msgid!r}" if self.msgid else ""
        return f"{place}{where} {self.what}"


def entry_name(key: tuple[str | None, str, str | None]) -> str:
    """An entry as a translator finds it in Poedit: its English text, and context if any."""
    return f"{key[1]} (context {key[0]!r})" if key[0] else key[1]


def placeholders(text: str) -> set[tuple[str, str]]:
    """The named placeholders of a string as (name, conversion) pairs."""
    return set(NAMED_PLACEHOLDER.findall(text or ""))


def forms(value) -> tuple[str, ...]:
    """A message's id or string as a tuple, one item per plural form."""
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def msgstr_line(lines: list[str], message: Message, form: int = 0) -> int | None:
    """The line of the entry's ``msgstr`` (``msgstr[form]``), else of its ``msgid``.

    ``message.lineno`` is Babel's line of the ``msgid``; the translation follows it within
    the same block of lines.
    """
    start = message.lineno
    if not start:
        return None
    keyword = f"msgstr[{form}]" if message.pluralizable else "msgstr"
    for number in range(start, len(lines) + 1):
        line = lines[number - 1].strip()
        if not line:
            break
        if line.split(" ", 1)[0] == keyword:
            return number
    return start


def entry_errors(name: str, message: Message, nplurals: int, lines: list[str]) -> list[Problem]:
    """What is wrong with a translated entry: its plural forms and placeholders."""
    msgid = entry_name(catalogs.message_key(message))
    strings = forms(message.string)
    problems = []
    if message.pluralizable and len(strings) != nplurals:
        problems.append(
            Problem(
                name,
                msgid,
                f"has {len(strings)} plural forms, not {nplurals}",
                msgstr_line(lines, message),
            )
        )
    expected = set().union(*(placeholders(text) for text in forms(message.id)))
    for index, text in enumerate(strings):
        form = f" (plural form {index})" if message.pluralizable else ""
        line = msgstr_line(lines, message, index)
        for what in placeholder_faults(expected, placeholders(text)):
            problems.append(Problem(name, msgid, f"is translated{form} {what}", line))
    texts = forms(message.id) + strings
    if "python-format" in message.flags and any(POSITIONAL_PLACEHOLDER.search(t) for t in texts):
        problems.append(
            Problem(
                name,
                msgid,
                "uses an unnamed placeholder; use %(name)s",
                msgstr_line(lines, message),
            )
        )
    return problems


def placeholder_faults(expected: set, found: set) -> list[str]:
    """How a translation's placeholders differ from the English text's, one fault a line."""
    missing, extra = sorted(expected - found), sorted(found - expected)
    if len(missing) == len(extra) == 1:  # a misspelt one is one fault, not two
        return [f"with the placeholder {_name(extra[0])} instead of {_name(missing[0])}"]
    return [f"without the placeholder {_name(each)}" for each in missing] + [
        f"with the placeholder {_name(each)}, which the English text does not have"
        for each in extra
    ]


def _name(placeholder: tuple[str, str]) -> str:
    return f"%({placeholder[0]}){placeholder[1]}"


def entry_problems(name: str, message: Message, nplurals: int, lines: list[str]) -> list[Problem]:
    """What keeps an entry from shipping: a fuzzy mark, a missing translation, an error."""
    msgid = entry_name(catalogs.message_key(message))
    if message.fuzzy:
        what = "is marked fuzzy: check the translation, then remove `#, fuzzy`"
        return [Problem(name, msgid, what, message.lineno or None)]
    if not all(forms(message.string)):
        return [Problem(name, msgid, "is not translated", msgstr_line(lines, message))]
    return entry_errors(name, message, nplurals, lines)


def babel_problems(name: str, catalog: Catalog, lines: list[str]) -> list[Problem]:
    """Babel's own checks (placeholders against the msgid, number of plural forms).

    Fuzzy entries are left out: they are not compiled, so they cannot break a page.
    """
    return [
        Problem(
            name,
            entry_name(catalogs.message_key(message)),
            f"fails Babel's check: {error}",
            msgstr_line(lines, message),
        )
        for message, errors in catalog.check()
        if not message.fuzzy
        for error in errors
    ]


def header_line(lines: list[str]) -> int | None:
    """The line of the header's ``Plural-Forms``, else of the header itself."""
    for number, line in enumerate(lines, start=1):
        if '"Plural-Forms:' in line:
            return number
    for number, line in enumerate(lines, start=1):
        if line.strip() == 'msgid ""':
            return number
    return None


def entry_block(lines: list[str], number: int) -> range:
    """The line numbers of the entry around line ``number``: between two blank lines."""
    start = end = number
    while start > 1 and lines[start - 2].strip():
        start -= 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return range(start, end + 1)


def not_yet_said(found: list[Problem], said: list[Problem], lines: list[str]) -> list[Problem]:
    """The problems of ``found`` in entries ``said`` names no problem in.

    Babel and msgfmt repeat, in their own words, a placeholder error the project's check
    already names; a translator needs one line per fault.
    """
    taken = {n for problem in said if problem.line for n in entry_block(lines, problem.line)}
    return [problem for problem in found if problem.line not in taken]
