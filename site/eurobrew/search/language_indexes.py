"""The search index of each language, and (PostgreSQL) when a search's words are frequent.

One index of every language's texts made a word frequent in Slovak, searched on the English
page, hand out all its Slovak matches (16,661 at 100,000 articles), each read to be dropped:
22 ms on SQLite, 72 ms on PostgreSQL. Each language's texts have an index of their own:
SQLite an FTS5 table (models/search.py: ``sqlite_language_index``), PostgreSQL a GIN index
of ``terms_in`` beside the one of all terms (which the admin's search reads), where that
search finds nothing at once, and the planner keeps statistics of each language's terms.

A search's best plan on PostgreSQL depends on how many texts match: a few are read through
the index; of thousands, the newest are found sooner by reading the rows newest first until
enough match. psycopg prepares a statement once it has run five times, and PostgreSQL may
then keep one plan for any words: the plan for a few matches read all 16,000 matches of a
word in a sixth of 100,000 articles (115 ms). A search whose every word the statistics
find frequent (``may_match_many``) therefore runs a statement of its own, whose match no
index can serve (search/match_conditions.py: ``ts_match``), so that its plan reads the rows
newest first, in an index of the language's rows alone (``newest_index_statement``): 1.6 ms
at 100,000 articles, prepared, where reading every language's rows took 2.4 ms. Planning
each frequent search for its words instead took 0.5-2 ms more, and a rare word's search
keeps its prepared plan (0.15 ms).

Which terms are frequent is read again when the content changes (and every ten minutes, for
an ANALYZE that autovacuum runs later): a worker that kept the terms of 1,000 articles for
ten minutes while 99,000 more were added ran the plan for a few matches over a word then in
16,000 texts (112 ms instead of 2-4 ms).
"""

from __future__ import annotations

import time

from flask import Flask
from sqlalchemy import DDL, event

from ..contexts import running_app
from ..i18n import LANGUAGES
from ..models.kept_connection import kept_connection
from ..models.search import (
    LANGUAGE_INDEX_PREFIX,
    NEWEST_INDEX_PREFIX,
    SearchDocument,
    sqlite_drop_language_index,
    sqlite_language_index,
)
from ..web.memo import memoize_per_content
from .query import Query, alternatives

LANGUAGE_INDEXES = {lang: f"{LANGUAGE_INDEX_PREFIX}{lang}" for lang in LANGUAGES}
NEWEST_INDEXES = {lang: f"{NEWEST_INDEX_PREFIX}{lang}" for lang in LANGUAGES}
# Matches the index hands out in about the time planning takes.
MANY_MATCHES = 200
# Statistics change with ANALYZE, which autovacuum runs some time after edits: a worker reads
# them again after this even when the content has not changed since.
KEPT_SECONDS = 600
STATISTICS = """
SELECT (s.most_common_elems::text)::text[], s.most_common_elem_freqs,
       (1 - s.null_frac) * c.reltuples
FROM pg_stats s, pg_class c
WHERE s.tablename = %(index)s AND c.relname = 'search_documents'
"""


def of_language(lang: str, table: str = "search_documents.") -> str:
    """PostgreSQL: the condition that a row is in ``lang``, its language written out (not
    bound), so that any plan may read that language's indexes."""
    if lang not in LANGUAGE_INDEXES:  # the name goes into SQL: only the site's own
        raise ValueError(f"not a language of the site: {lang!r}")
    return f"{table}lang = '{lang}'"


def terms_in(lang: str, table: str = "search_documents.") -> str:
    """PostgreSQL: the terms of ``lang``'s rows, NULL for other languages': searched as
    written here, the planner uses that language's index."""
    return f"(CASE WHEN {of_language(lang, table)} THEN {table}terms END)"


def index_statement(lang: str) -> str:
    """PostgreSQL: CREATE INDEX of ``lang``'s terms."""
    name = LANGUAGE_INDEXES[lang]
    return f"CREATE INDEX IF NOT EXISTS {name} ON search_documents USING gin ({terms_in(lang, '')})"


def newest_index_statement(lang: str) -> str:
    """PostgreSQL: CREATE INDEX of ``lang``'s rows by id (a frequent word's search reads
    them newest first, not the other languages' rows between them)."""
    name, rows = NEWEST_INDEXES[lang], of_language(lang, "")
    return f"CREATE INDEX IF NOT EXISTS {name} ON search_documents (id) WHERE {rows}"


def _made_with_the_table() -> None:
    """Each language's index is made with the table (the migrations make them on their own)
    and SQLite's tables go with it."""
    table = SearchDocument.__table__
    for lang in LANGUAGES:
        made = [(index_statement(lang), "postgresql"), (newest_index_statement(lang), "postgresql")]
        made += [(statement, "sqlite") for statement in sqlite_language_index(lang)]
        for statement, dialect in made:
            event.listen(table, "after_create", DDL(statement).execute_if(dialect=dialect))
        for statement in sqlite_drop_language_index(lang):
            event.listen(table, "before_drop", DDL(statement).execute_if(dialect="sqlite"))


_made_with_the_table()


def frequent_terms(lang: str) -> frozenset[str]:
    """The terms of ``lang``'s texts that the statistics expect in more than MANY_MATCHES,
    kept per content version and for at most KEPT_SECONDS."""
    app, period = running_app(), int(time.monotonic() // KEPT_SECONDS)
    return memoize_per_content(("frequent terms", lang, period), lambda: _read_frequent(app, lang))


def _read_frequent(app: Flask, lang: str) -> frozenset[str]:
    rows = kept_connection(app).fetch(STATISTICS, {"index": LANGUAGE_INDEXES[lang]})
    if not rows or rows[0][0] is None:  # not analysed yet: no term known to be frequent
        return frozenset()
    terms, frequencies, rows_of_lang = rows[0]
    return frozenset(
        term
        for term, share in zip(terms, frequencies, strict=False)  # freqs end with 3 summaries
        if share * (rows_of_lang or 0) > MANY_MATCHES
    )


def may_match_many(query: Query, lang: str) -> bool:
    """Whether every word of ``query`` is frequent in ``lang`` (one of the terms it matches
    is), so that the texts matching all of them may be many."""
    frequent = frequent_terms(lang)
    return bool(frequent) and all(
        any(term in frequent for term in alternatives(word, (lang,)))
        for group in query.groups
        for word in group.words
    )
