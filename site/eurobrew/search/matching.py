"""The SQL of a search: which index rows match, in which order, on either database."""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    String,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import TSQUERY

from ..extensions import db
from ..models import Article, ArticleTranslation, Page, PageTranslation
from ..models.base import utcnow
from ..models.pages import public_pages
from ..models.plain_reads import plain_reader
from ..models.search import SearchDocument
from ..news.queries import visible_articles_clause
from .query import Query, fts_exact, fts_query, ts_exact, ts_query

FTS = table("search_fts", column("rowid"))


def _fts(expression: str):
    """SQLite: the index rows FTS5 matches with ``expression``."""
    matched = select(FTS.c.rowid).where(literal_column("search_fts").op("MATCH")(expression))
    return SearchDocument.id.in_(matched)


def _ts(vector: str, expression: str):
    """PostgreSQL: the index rows whose ``vector`` column matches the tsquery text."""
    return literal_column(f"search_documents.{vector}").op("@@")(cast(literal(expression), TSQUERY))


def matches(query: Query, langs: tuple[str, ...], where: str = "all"):
    """The condition: every group of ``query`` matches the fields ``where``."""
    if db.engine.dialect.name == "sqlite":
        return _fts(fts_query(query, langs, where))
    return _ts("terms", ts_query(query, langs, where))


def exactly(query: Query):
    """The condition: every word as typed, diacritics and all, is in the text."""
    if db.engine.dialect.name == "sqlite":
        return _fts(fts_exact(query))
    return _ts("exact_terms", ts_exact(query))


def _bound_match(dialect: str, name: str, vector: str = "terms"):
    """The condition: the index rows match the query text bound as ``name``."""
    if dialect == "sqlite":
        matched = select(FTS.c.rowid).where(
            literal_column("search_fts").op("MATCH")(bindparam(name))
        )
        return SearchDocument.id.in_(matched)
    expression = cast(bindparam(name, type_=String), TSQUERY)
    return literal_column(f"search_documents.{vector}").op("@@")(expression)


@cache
def _public_results(dialect: str):
    """Public articles and pages in the bound language that match, unordered, with what
    orders them (``_best_first``). Built once per database kind, the query's texts bound:
    building it cost more than running it."""
    in_title = case((_bound_match(dialect, "title"), 1), else_=0)
    as_typed = case((_bound_match(dialect, "exact", "exact_terms"), 1), else_=0)
    public = or_(
        and_(SearchDocument.article_id.is_not(None), visible_articles_clause(bindparam("now"))),
        and_(SearchDocument.page_id.is_not(None), public_pages()),
    )
    return (
        select(
            SearchDocument.id.label("document_id"),
            SearchDocument.article_id,
            SearchDocument.page_id,
            Article.published_on,
            Page.key.label("page_key"),
            in_title.label("in_title"),
            as_typed.label("as_typed"),
        )
        .outerjoin(Article, Article.id == SearchDocument.article_id)
        .outerjoin(Page, Page.id == SearchDocument.page_id)
        # The language is compared as an expression no index serves: otherwise PostgreSQL
        # reads half the index rows by language to intersect them with the few the words
        # match, then hashes every article (18 ms at 100,000 articles, against 0.3 ms).
        .where(SearchDocument.lang.concat("") == bindparam("lang"))
        .where(_bound_match(dialect, "all"), public)
    )


def _best_first(columns) -> list:
    """The results' order over ``columns``: title matches, then those with the typed
    diacritics, then the newest (pages, undated, after articles)."""
    return [
        columns.in_title.desc(),
        columns.as_typed.desc(),
        columns.published_on.desc().nulls_last(),
        columns.document_id.desc(),
    ]


@cache
def _counted_page(dialect: str):
    """One page of the results, each row with how many there are in all and what a hit
    shows: its title and slug in the language, and its body's plain text. The texts are
    joined to the page's rows only, after the ordering and the cut."""
    results = _public_results(dialect).add_columns(func.count().over().label("total"))
    page = (
        results.order_by(*_best_first(results.selected_columns))
        .limit(bindparam("limit"))
        .offset(bindparam("skip"))
        .subquery()
    )
    article_text = and_(
        ArticleTranslation.article_id == page.c.article_id,
        ArticleTranslation.lang == bindparam("lang"),
    )
    page_text = and_(
        PageTranslation.page_id == page.c.page_id, PageTranslation.lang == bindparam("lang")
    )
    return (
        select(
            page,
            func.coalesce(ArticleTranslation.title, PageTranslation.title).label("title"),
            func.coalesce(ArticleTranslation.slug, PageTranslation.slug).label("slug"),
            SearchDocument.body_text,
        )
        .join(SearchDocument, SearchDocument.id == page.c.document_id)
        .outerjoin(ArticleTranslation, article_text)
        .outerjoin(PageTranslation, page_text)
        .order_by(*_best_first(page.c))
    )


@cache
def _count(dialect: str):
    """How many results there are."""
    # Only the ids: the ordering's title and diacritics matches are not needed to count.
    found = _public_results(dialect).with_only_columns(SearchDocument.id).subquery()
    return select(func.count()).select_from(found)


def _params(query: Query, lang: str, dialect: str) -> dict:
    """The bound values of a search for ``query`` in ``lang``."""
    words, exact = (fts_query, fts_exact) if dialect == "sqlite" else (ts_query, ts_exact)
    return {
        "all": words(query, (lang,)),
        "title": words(query, (lang,), "title"),
        "exact": exact(query),
        "lang": lang,
        "now": utcnow(),
    }


def count_results(query: Query, lang: str) -> int:
    """How many public texts in ``lang`` match."""
    dialect = db.engine.dialect.name
    return plain_reader().scalar(_count(dialect), _params(query, lang, dialect)) or 0


def result_page(query: Query, lang: str, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(how many match, the rows of one page): one pass over the matches, counted by a
    window function on the same query."""
    dialect = db.engine.dialect.name
    params = _params(query, lang, dialect) | {"limit": limit, "skip": offset}
    rows = plain_reader().rows(_counted_page(dialect), params)
    if rows:
        return rows[0]["total"], rows
    return (count_results(query, lang) if offset else 0), []


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
