"""A text matches a search: the condition on each database, for the public search
(``matching.py``) and the admin's lists (``admin_lists.py``)."""

from __future__ import annotations

from sqlalchemy import cast, column, func, literal_column, table
from sqlalchemy.dialects.postgresql import TSQUERY

from ..models.search import fts_table


def fts(lang: str):
    """SQLite: the FTS5 table of ``lang``'s texts (models/search.py)."""
    return table(fts_table(lang), column("rowid"))


def fts_match(index, query):
    """SQLite: ``index`` (from ``fts``) matches ``query``, an FTS5 query's text or a
    ``bindparam`` of it."""
    return literal_column(index.name).op("MATCH")(query)


def ts_match(vector: str, query, indexed: bool = True):
    """PostgreSQL: the SQL expression ``vector`` (a tsvector) matches ``query``, a
    tsquery's text as a ``bindparam`` or ``literal``.

    ``indexed=False``: written as a function call, which no index serves, so that the rows
    are read newest first (``matching._candidates``)."""
    expression = cast(query, TSQUERY)
    if not indexed:
        return func.ts_match_vq(literal_column(vector), expression)
    return literal_column(vector).op("@@")(expression)
