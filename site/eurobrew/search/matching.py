"""The SQL of the search page: which public texts match, in which order, on either database."""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    String,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    select,
    text,
)

from ..extensions import db
from ..models import ArticleTranslation, PageTranslation
from ..models.base import utcnow
from ..models.plain_reads import plain_reader
from ..models.search import SearchDocument
from .language_indexes import may_match_many, of_language, terms_in
from .match_conditions import document_columns, fts, fts_match, public_documents, ts_match
from .query import Query, bound_terms


def _ts_match(name: str, vector: str = "search_documents.terms", indexed: bool = True):
    """PostgreSQL: ``vector`` matches the tsquery text bound as ``name`` (``ts_match``)."""
    return ts_match(vector, bindparam(name, type_=String), indexed)


# A search ranks the public texts it finds among the MOST_RESULTS + 1 written last (an
# index row is written anew with each edit): a word that is in a sixth of 100,000 articles
# costs what a rare one does (its 16,668 matches took 80 ms to rank, all of them, on every
# request). The page then says "more than MOST_RESULTS" and pages through those. A multiple
# of the results per page, so that the one over it is never shown.
MOST_RESULTS = 200


def _candidates(dialect: str, lang: str, frequent: bool = False):
    """The public articles and pages in ``lang`` that match ``all``, newest index rows
    first, at most MOST_RESULTS + 1: each with what orders the results.

    Each database reads the matches in ``lang`` alone, in that language's index
    (search/language_indexes.py).
    """
    found = select(SearchDocument.id.label("document_id"), *document_columns())
    if dialect == "sqlite":
        # FTS5 hands out its matches newest row first and stops at the limit; an IN
        # (subquery) would read every match first.
        index = fts(lang)
        found = found.select_from(index.join(SearchDocument, SearchDocument.id == index.c.rowid))
        found = found.where(fts_match(index, bindparam("all")))
        newest = index.c.rowid.desc()
    else:
        found = found.add_columns(
            _ts_match("title").label("in_title"),
            _ts_match("exact", "search_documents.exact_terms").label("as_typed"),
        )
        if frequent:  # the language's own rows, newest first (its index of ids), all terms
            found = found.where(text(of_language(lang)), _ts_match("all", indexed=False))
        else:
            found = found.where(_ts_match("all", terms_in(lang)))
        newest = SearchDocument.id.desc()
    return (
        found.where(public_documents())
        .order_by(newest)
        # Frequent words: written out, so that PostgreSQL's plan kept for any words knows
        # how few rows it reads (guessing at a tenth of all matches, its cost rose past
        # jit_above_cost: compiling it took 20 ms of a 40 ms search). Rare words: bound,
        # or PostgreSQL plans each search anew rather than keep one (0.7 ms, not 0.15).
        .limit(literal_column(str(MOST_RESULTS + 1)) if frequent else bindparam("most"))
        .cte("candidates")
    )


def _flags(dialect: str, lang: str, candidates) -> tuple:
    """(in_title, as_typed) of each candidate: 1 when ``title`` (or ``exact``) matches it.

    On SQLite FTS5 reads those matches from the oldest candidate's row on, not every one.
    """
    if dialect != "sqlite":
        return (
            case((candidates.c.in_title, 1), else_=0).label("in_title"),
            case((candidates.c.as_typed, 1), else_=0).label("as_typed"),
        )
    oldest = select(func.min(candidates.c.document_id)).scalar_subquery()

    def matched(name: str):
        index = fts(lang)
        rows = select(index.c.rowid).where(
            fts_match(index, bindparam(name)), index.c.rowid >= oldest
        )
        return case((candidates.c.document_id.in_(rows), 1), else_=0)

    return matched("title").label("in_title"), matched("exact").label("as_typed")


def _best_first(columns) -> list:
    """The results' order over ``columns``: title matches, then those with the typed
    diacritics, then the newest (pages, undated, after articles)."""
    return [
        columns.in_title.desc(),
        columns.as_typed.desc(),
        columns.published_on.desc().nulls_last(),
        columns.document_id.desc(),
    ]


def _total(dialect: str, candidates):
    """How many candidates there are, on each of their rows. SQLite counts the CTE it keeps
    anyway, once: its window function kept every row aside first (a results page's
    statement took 75 us rather than 56). PostgreSQL counts over the window, so that it
    need not keep the CTE (read once there)."""
    if dialect == "sqlite":
        return select(func.count()).select_from(candidates).scalar_subquery()
    return func.count().over()


@cache
def _counted_page(dialect: str, lang: str, frequent: bool):
    """One page of the results, each row with how many there are in all (at most
    MOST_RESULTS + 1) and what a hit shows: its title and slug in the language, and its body's
    plain text. The texts are joined to the page's rows only, after the ordering and the
    cut. Built once per database kind, the query's texts bound: building it cost more than
    running it."""
    candidates = _candidates(dialect, lang, frequent)
    c = candidates.c
    ranked = select(
        c.document_id, c.article_id, c.page_id, c.published_on,
        *_flags(dialect, lang, candidates), _total(dialect, candidates).label("total"),
    )  # fmt: skip
    page = (
        ranked.order_by(*_best_first(ranked.selected_columns))
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
def _count(dialect: str, lang: str, frequent: bool):
    """How many results there are, up to MOST_RESULTS + 1."""
    return select(func.count()).select_from(_candidates(dialect, lang, frequent))


def _params(query: Query, lang: str, dialect: str) -> dict:
    """The bound values of a search for ``query`` in ``lang``."""
    terms = bound_terms(query, lang, dialect == "sqlite")
    return terms | {"lang": lang, "most": MOST_RESULTS + 1, "now": utcnow()}


def _frequent(query: Query, lang: str, dialect: str) -> bool:
    """PostgreSQL: whether to read the rows newest first rather than the index's matches
    (``may_match_many``)."""
    return dialect == "postgresql" and may_match_many(query, lang)


def count_results(query: Query, lang: str) -> int:
    """How many public texts in ``lang`` match, up to MOST_RESULTS + 1 (more than shown)."""
    dialect = db.engine.dialect.name
    statement = _count(dialect, lang, _frequent(query, lang, dialect))
    return plain_reader().scalar(statement, _params(query, lang, dialect)) or 0


def result_page(query: Query, lang: str, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(how many match, up to MOST_RESULTS + 1; the rows of one page): one statement, which
    counts the matches it ranks (``_total``)."""
    dialect = db.engine.dialect.name
    params = _params(query, lang, dialect) | {"limit": limit, "skip": offset}
    statement = _counted_page(dialect, lang, _frequent(query, lang, dialect))
    rows = plain_reader().rows(statement, params)
    if rows:
        return rows[0]["total"], rows
    return (count_results(query, lang) if offset else 0), []
