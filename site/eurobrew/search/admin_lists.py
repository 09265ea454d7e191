"""The admin's lists filtered by a search: the items with a translation that matches, in
any state (drafts, scheduled and trashed ones too), on either database."""

from __future__ import annotations

from sqlalchemy import literal, select, union_all

from ..extensions import db
from ..i18n import LANGUAGES
from ..models.search import SearchDocument
from .match_conditions import fts, fts_match, ts_match
from .query import Query, fts_query, ts_query


def _fts(expression: str):
    """SQLite: the index rows FTS5 matches with ``expression``, in every language's table."""
    matched = [
        select(index.c.rowid).where(fts_match(index, expression)) for index in map(fts, LANGUAGES)
    ]
    return SearchDocument.id.in_(union_all(*matched))


def _ts(vector: str, expression: str):
    """PostgreSQL: the index rows whose ``vector`` column matches the tsquery text."""
    return ts_match(f"search_documents.{vector}", literal(expression))


def matches(query: Query, langs: tuple[str, ...], where: str = "all"):
    """The condition: every group of ``query`` matches the fields ``where``."""
    if db.engine.dialect.name == "sqlite":
        return _fts(fts_query(query, langs, where))
    return _ts("terms", ts_query(query, langs, where))


def matching_articles(query: Query, langs: tuple[str, ...]):
    """Ids of articles (any state) with a translation that matches: the admin's search."""
    return select(SearchDocument.article_id).where(
        SearchDocument.article_id.is_not(None), matches(query, langs)
    )


def matching_pages(query: Query, langs: tuple[str, ...]):
    """Ids of pages with a translation that matches: the admin's search."""
    return select(SearchDocument.page_id).where(
        SearchDocument.page_id.is_not(None), matches(query, langs)
    )
