"""A catalog's Plural-Forms header, compared by what it means rather than how it is spelled.

Babel 2.18 writes Slovak as ``plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2)`` and Babel 2.19 as
``plural=(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2)``: the same rule. The header is parsed and
both rules are evaluated for every count a page may show, so any spelling of the right rule
passes and a wrong rule fails, naming the first count where it goes astray.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Callable

from babel.messages.plurals import get_plural

# Every n up to here must pick the same form; past it rules only repeat (n % 10, n % 100).
CHECKED_UP_TO = 1000
_HEADER_LINE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*$')
_NPLURALS = re.compile(r"\bnplurals\s*=\s*(\d+)")
_PLURAL = re.compile(r"\bplural\s*=\s*(.+?)\s*;?\s*$", re.DOTALL)


def header_text(po_text: str) -> str:
    """The header entry's msgstr (the file's first entry, ``msgid ""``), unquoted."""
    lines = po_text.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if stripped != 'msgid ""' or not following.startswith("msgstr"):
            return ""  # the first entry is not a header
        parts = [following.removeprefix("msgstr")]
        for continued in lines[index + 2 :]:
            if not continued.strip().startswith('"'):
                break
            parts.append(continued)
        return "".join(_unquote(part) for part in parts)
    return ""


def _unquote(part: str) -> str:
    match = _HEADER_LINE.match(part)
    if match is None:
        return ""
    return ast.literal_eval(f'"{match.group(1)}"')


def header_field(po_text: str, name: str) -> str | None:
    """One field of the header (``Plural-Forms``), or None when the header lacks it."""
    for line in header_text(po_text).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == name.lower():
            return value.strip()
    return None


def parse_plural_forms(value: str) -> tuple[int, Callable[[int], int]]:
    """``nplurals=3; plural=...`` as (number of forms, n -> form); ValueError if unreadable."""
    count = _NPLURALS.search(value)
    rule = _PLURAL.search(value.split(";", 1)[1] if ";" in value else "")
    if count is None or rule is None:
        raise ValueError("it needs nplurals=N; plural=EXPRESSION")
    try:
        return int(count.group(1)), gettext.c2py(rule.group(1).rstrip(";"))
    except (ValueError, SyntaxError, RecursionError) as error:
        raise ValueError(f"its plural expression cannot be read ({error})") from error


def plural_forms_problem(po_text: str, lang: str) -> str | None:
    """Why the catalog's Plural-Forms do not mean ``lang``'s rule, or None when they do."""
    expected = get_plural(lang)
    wanted = f"`Plural-Forms: {expected.plural_forms}` or the same rule spelled otherwise"
    value = header_field(po_text, "Plural-Forms")
    if value is None:
        return f"header has no Plural-Forms; it needs {wanted}"
    try:
        count, rule = parse_plural_forms(value)
    except ValueError as error:
        return f"header's Plural-Forms cannot be used: {error}; it needs {wanted}"
    if count != expected.num_plurals:
        return f"header says nplurals={count}, {lang} has {expected.num_plurals} plural forms"
    correct = gettext.c2py(expected.plural_expr)
    for n in range(CHECKED_UP_TO + 1):
        got, right = _safe(rule, n), correct(n)
        if got != right:
            return (
                f"header's plural rule differs from {lang}'s at n={n}: it picks form {got}, "
                f"{lang} uses form {right}; it needs {wanted}"
            )
    return None


def _safe(rule: Callable[[int], int], n: int) -> int | str:
    try:
        return rule(n)
    except (ZeroDivisionError, ValueError, TypeError):
        return "none (the expression fails)"
