"""Showing why a text matched: its words that match the query wrapped in <mark>."""

from __future__ import annotations

from markupsafe import Markup, escape

from .query import Query, alternatives
from .terms import WORD, terms_of

CONTEXT_BEFORE = 8  # words shown before the first match
SNIPPET_WORDS = 32


def query_terms(query: Query, lang: str) -> set[str]:
    """Every term a word of the query matches."""
    return {t for word in query.typed_words for t in alternatives(word, (lang,))}


def marked(text: str, wanted: set[str], lang: str, limit: int | None = None) -> Markup:
    """``text`` (plain) with its matching words marked; cut to about ``limit`` words around
    the first match when a limit is given."""
    spans = list(WORD.finditer(text))
    first, last = 0, len(spans) - 1
    if limit is not None and len(spans) > limit:
        # Only the words shown are looked up: a long body's first match may come early.
        first_hit = next((i for i, m in enumerate(spans) if _matches(m, wanted, lang)), 0)
        first = max(0, first_hit - CONTEXT_BEFORE)
        last = min(len(spans), first + limit) - 1
    hits = [spans[i] for i in range(first, last + 1) if _matches(spans[i], wanted, lang)]
    start = spans[first].start() if first else 0
    end = spans[last].end() if last < len(spans) - 1 else len(text)
    out, position = [], start
    for match in hits:
        out.append(escape(text[position : match.start()]))
        out.append(Markup("<mark>%s</mark>") % match.group())
        position = match.end()
    out.append(escape(text[position:end]))
    if start > 0:
        out.insert(0, escape("… "))
    if end < len(text):
        out.append(escape(" …"))
    return Markup("").join(out)


def _matches(word, wanted: set[str], lang: str) -> bool:
    """True when the matched ``word`` has a term the query wants."""
    return not wanted.isdisjoint(terms_of(word.group().lower(), lang))
