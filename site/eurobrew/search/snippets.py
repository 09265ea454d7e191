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
    hits = [i for i, m in enumerate(spans) if set(terms_of(m.group().lower(), lang)) & wanted]
    start, end = 0, len(text)
    if limit is not None and len(spans) > limit:
        first = max(0, (hits[0] if hits else 0) - CONTEXT_BEFORE)
        last = min(len(spans), first + limit) - 1
        start, end = spans[first].start(), spans[last].end()
    out, position = [], start
    for i in hits:
        match = spans[i]
        if match.start() < start or match.end() > end:
            continue
        out.append(escape(text[position : match.start()]))
        out.append(Markup("<mark>%s</mark>") % match.group())
        position = match.end()
    out.append(escape(text[position:end]))
    if start > 0:
        out.insert(0, escape("… "))
    if end < len(text):
        out.append(escape(" …"))
    return Markup("").join(out)
