"""Showing why a text matched: its words that match the query wrapped in <mark>."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from .query import Query, alternatives
from .terms import WORD, terms_of

CONTEXT_BEFORE = 8  # words shown before the first match
SNIPPET_WORDS = 32


def query_terms(query: Query, lang: str) -> set[str]:
    """Every term a word of the query matches."""
    return {t for word in query.typed_words for t in alternatives(word, (lang,))}


def marked(text: str, is_wanted: Callable[[str], bool], limit: int | None = None) -> Markup:
    """``text`` (plain) with its matching words marked; cut to about ``limit`` words around
    the first match when a limit is given.

    The words are read only as far as the snippet needs (up to the first match and the
    ``limit`` words around it), each judged once. ``is_wanted``: from ``wanted_words``, one
    for a page of results, so that each distinct word is looked up once.
    """
    spans, verdicts, first, last = _shown_words(text, is_wanted, limit)
    start = spans[first].start() if first else 0
    end = spans[last].end() if last < len(spans) - 1 else len(text)
    out, position = [], start
    for index in range(first, last + 1):
        if verdicts[index]:
            match = spans[index]
            # A word is letters and digits only: nothing in it to escape.
            out += (escape(text[position : match.start()]), "<mark>", match.group(), "</mark>")
            position = match.end()
    out.append(escape(text[position:end]))
    if start > 0:
        out.insert(0, "… ")
    if end < len(text):
        out.append(" …")
    return Markup("".join(out))  # noqa: S704 - the text between the marks is escaped


def _shown_words(text: str, is_wanted, limit: int | None) -> tuple[list, list, int, int]:
    """The words read (one past the last shown when there are more), whether each is
    wanted, and the indexes of the first and last shown: about ``limit`` words from a
    little before the first match."""
    spans, verdicts, stop = [], [], None
    for match in WORD.finditer(text):
        spans.append(match)
        if stop is not None and len(spans) > stop:
            break  # one word past the snippet: the text goes on
        wanted = is_wanted(match.group())
        verdicts.append(wanted)
        if wanted and stop is None and limit is not None:
            stop = max(0, len(spans) - 1 - CONTEXT_BEFORE) + limit
    if limit is None or len(spans) <= limit:
        return spans, verdicts, 0, len(spans) - 1
    first = 0 if stop is None else stop - limit
    return spans, verdicts, first, min(len(spans), first + limit) - 1


def wanted_words(query: Query, lang: str) -> Callable[[str], bool]:
    """A test of whether a word of a text has a term the query wants, each word looked up
    once."""
    wanted, verdicts = query_terms(query, lang), {}

    def is_wanted(word: str) -> bool:
        known = verdicts.get(word)  # by the word as written: no lower() for a known one
        if known is None:
            known = verdicts[word] = not wanted.isdisjoint(terms_of(word.lower(), lang))
        return known

    return is_wanted
