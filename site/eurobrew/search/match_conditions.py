"""A text matches a search: the condition on each database, for the public search
(``matching.py``) and the admin's lists (``admin_lists.py``); and which index rows the
public search may show."""

from __future__ import annotations

from sqlalchemy import and_, bindparam, cast, column, func, literal_column, or_, select, table
from sqlalchemy.dialects.postgresql import TSQUERY

from ..models import Article, Page
from ..models.pages import public_pages
from ..models.search import SearchDocument, fts_table
from ..news.queries import visible_articles_clause

# The article or page of an index row is looked up by its key, row by row, never joined as
# a table: for a rare word PostgreSQL would otherwise hash every article (12 ms at 100,000
# articles, against 0.3 ms), which its estimates cannot rule out. With no join either, the
# whole condition is checked once per row as the index's rows are read (a join of pages had
# PostgreSQL check each article's visibility twice, in the scan and again in the join: a
# frequent word's search took 1.46 ms, 1.24 ms without).
_OF_ARTICLE = Article.id == SearchDocument.article_id
_OF_PAGE = Page.id == SearchDocument.page_id


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


def public_documents():
    """An index row's article is published and visible at the bound ``now``, or its page
    is on the site."""
    # OFFSET 0: PostgreSQL neither joins nor hashes a subquery that has one.
    visible = select(Article.id).where(_OF_ARTICLE, visible_articles_clause(bindparam("now")))
    shown = select(Page.id).where(_OF_PAGE, public_pages())
    return or_(
        and_(SearchDocument.article_id.is_not(None), visible.offset(0).exists()),
        and_(SearchDocument.page_id.is_not(None), shown.offset(0).exists()),
    )


def document_columns() -> list:
    """An index row's article and page, and the article's day."""
    return [
        SearchDocument.article_id,
        SearchDocument.page_id,
        select(Article.published_on).where(_OF_ARTICLE).scalar_subquery().label("published_on"),
    ]
