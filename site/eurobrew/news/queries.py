"""Queries for the public news: only published articles whose publish time has passed.

The hot ones are built once, with bound parameters, and read plain rows: building a
statement and loading ORM entities cost more than the database's own work on every
uncached page. Articles come back as ``PublicArticle`` pairs with the attributes the
templates read, the same as an ORM article and its translation.
"""

from __future__ import annotations

from bisect import bisect_left
from types import SimpleNamespace

from sqlalchemy import and_, bindparam, func, literal_column, select, tuple_
from sqlalchemy.orm import aliased

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Article, ArticleOldSlug, ArticleStatus, ArticleTranslation
from ..models.base import utcnow
from ..models.plain_reads import plain_reader
from ..models.translated import counterpart_slug_query, current_slug_query
from ..web.memo import memoize_per_content

ARTICLE_COLUMNS = ("id", "published_on", "image_id", "source_url", "publish_at", "updated_at")
TRANSLATION_COLUMNS = ("lang", "slug", "title", "body", "place", "note", "updated_at")
NEWEST_FIRST = (Article.published_on.desc(), Article.id.desc())
# Every STRIDE-th article's place in the list is kept (see position_in_list).
STRIDE = 256


def visible_articles_clause(now=None):
    """The condition that makes an article public at ``now`` (by default, right now)."""
    return and_(
        Article.status == ArticleStatus.PUBLISHED.value,
        Article.publish_at <= (utcnow() if now is None else now),
        Article.deleted_at.is_(None),
    )


def _visible_in(lang):
    """Public article translations in ``lang`` at the bound time ``now``."""
    return and_(ArticleTranslation.lang == lang, visible_articles_clause(bindparam("now")))


def _public_select(*columns):
    """SELECT ``columns`` FROM the translations joined to their articles."""
    return (
        select(*columns)
        .select_from(ArticleTranslation)
        .join(Article, Article.id == ArticleTranslation.article_id)
    )


_LISTED = (
    *(getattr(Article, name).label(f"a_{name}") for name in ARTICLE_COLUMNS),
    *(getattr(ArticleTranslation, name).label(f"t_{name}") for name in TRANSLATION_COLUMNS),
)
_COUNT = _public_select(func.count())
_COUNT_VISIBLE = _COUNT.where(_visible_in(bindparam("lang")))
_PAGE = _public_select(*_LISTED).where(_visible_in(bindparam("lang")))
_PAGE_NEWEST = _PAGE.order_by(*NEWEST_FIRST).limit(bindparam("limit")).offset(bindparam("skip"))
_EVERY_LANGUAGE = aliased(ArticleTranslation)
_COMMA = literal_column("','")  # in the SQL itself: the statement is compiled once
# Every translation's "lang slug", comma-separated (slugs hold neither): the language
# switch's addresses in the same statement as the article.
_SLUGS = (
    select(func.aggregate_strings(_EVERY_LANGUAGE.lang + " " + _EVERY_LANGUAGE.slug, _COMMA))
    .where(_EVERY_LANGUAGE.article_id == Article.id)
    .scalar_subquery()
    .label("slugs")
)
_BY_SLUG = (
    _public_select(*_LISTED, _SLUGS)
    .where(_visible_in(bindparam("lang")))
    .where(ArticleTranslation.slug == bindparam("slug"))
)


def _public_article(values: dict) -> SimpleNamespace:
    """A row of ``_LISTED`` as a translation whose ``article`` holds the shared fields."""
    article = SimpleNamespace(**{name: values[f"a_{name}"] for name in ARTICLE_COLUMNS})
    translation = SimpleNamespace(**{name: values[f"t_{name}"] for name in TRANSLATION_COLUMNS})
    translation.article = article
    return translation


def count_visible(lang: str) -> int:
    """How many public articles have a translation in ``lang`` (kept until content changes)."""
    params = {"lang": lang, "now": utcnow()}
    return memoize_per_content(
        ("count_visible", lang), lambda: db.session.scalar(_COUNT_VISIBLE, params) or 0
    )


def latest_translations(lang: str, limit: int, offset: int = 0) -> list[SimpleNamespace]:
    """Public articles in ``lang``, newest first, each with its ``article``'s fields.

    Deep in the list, the read starts at the kept key of the STRIDE-th article nearest
    before ``offset`` (see position_in_list): the database skips fewer than STRIDE
    entries, so page 5,000 costs what the first does.
    """
    params = {"lang": lang, "now": utcnow(), "limit": limit, "skip": offset}
    statement = _PAGE_NEWEST
    if offset >= STRIDE:
        marks = _marks(lang)
        index = min(offset // STRIDE, len(marks) - 1)
        if index > 0:
            statement = _PAGE_FROM_MARK
            params.update(mark_day=marks[index][0], mark_id=marks[index][1])
            params["skip"] = offset - index * STRIDE
    return [_public_article(row) for row in plain_reader().rows(statement, params)]


def visible_translation(lang: str, slug: str) -> SimpleNamespace | None:
    """The public article with this slug in ``lang``; its ``article.slugs`` by language."""
    params = {"lang": lang, "slug": slug, "now": utcnow()}
    row = plain_reader().first(_BY_SLUG, params)
    if row is None:
        return None
    translation = _public_article(row)
    pairs = (pair.split(" ", 1) for pair in row["slugs"].split(","))
    translation.article.slugs = {code: other_slug for code, other_slug in pairs}
    return translation


def _newer_than(published_on, article_id):
    """Articles before the one with this list key in the newest-first list.

    A row-value comparison, which both databases read as one range of the listing index
    (an OR of the two columns' conditions made SQLite scan it whole); the date alone again
    lets PostgreSQL estimate the range from its statistics (without it, it guessed a
    seventh of the table and hashed every translation).
    """
    key, other = tuple_(Article.published_on, Article.id), tuple_(published_on, article_id)
    return and_(Article.published_on >= published_on, key > other)


def _older_than(published_on, article_id, inclusive: bool = False):
    """Articles after the one with this list key in the newest-first list."""
    key, other = tuple_(Article.published_on, Article.id), tuple_(published_on, article_id)
    return and_(Article.published_on <= published_on, key <= other if inclusive else key < other)


def _key_params(day: str, article_id: str) -> tuple:
    """Bound parameters for a list key, typed like its columns."""
    return (
        bindparam(day, type_=Article.published_on.type),
        bindparam(article_id, type_=Article.id.type),
    )


_RANKED = _public_select(
    Article.published_on,
    Article.id,
    func.row_number().over(order_by=NEWEST_FIRST).label("place"),
).where(_visible_in(bindparam("lang")))
_RANKED = _RANKED.subquery()
_MARKS = select(_RANKED.c.published_on, _RANKED.c.id).where(
    (_RANKED.c.place - 1) % bindparam("stride") == 0
)
_NEWER = _COUNT.where(
    _visible_in(bindparam("lang")), _newer_than(*_key_params("day", "article_id"))
)
_PAGE_FROM_MARK = (
    _PAGE.where(_older_than(*_key_params("mark_day", "mark_id"), inclusive=True))
    .order_by(*NEWEST_FIRST)
    .limit(bindparam("limit"))
    .offset(bindparam("skip"))
)
_BETWEEN = _NEWER.where(_older_than(*_key_params("mark_day", "mark_id")))


def _marks(lang: str) -> list[tuple]:
    """The list keys (published_on, id) of the articles at places 0, STRIDE, 2*STRIDE ..."""
    params = {"lang": lang, "now": utcnow(), "stride": STRIDE}
    return memoize_per_content(
        ("list_marks", lang, STRIDE),
        lambda: [tuple(r) for r in db.session.execute(_MARKS, params)],
    )


def position_in_list(article, lang: str) -> int:
    """How many public articles in ``lang`` come before ``article`` in the newest-first list.

    Counting every newer article reads their index entries (tens of milliseconds for an old
    article among 100 000). Instead, the keys of every STRIDE-th article are kept per
    content version (one pass over the index), and only the articles between the nearest
    kept one and this one are counted.
    """
    key = (article.published_on, article.id)
    marks = _marks(lang)
    # The marks run newest first; bisect over their reversed order, oldest first.
    nearer = len(marks) - bisect_left(marks[::-1], key)  # marks at or before the article
    params = {"lang": lang, "now": utcnow(), "day": key[0], "article_id": key[1]}
    if nearer == 0:
        return plain_reader().scalar(_NEWER, params) or 0
    mark = marks[nearer - 1]
    place = (nearer - 1) * STRIDE
    if mark == key:
        return place
    params.update(mark_day=mark[0], mark_id=mark[1])
    return place + 1 + (plain_reader().scalar(_BETWEEN, params) or 0)


def current_slug(lang: str, old_slug: str) -> str | None:
    """The public article's slug in ``lang`` now, when ``old_slug`` was one of its old ones."""
    query = current_slug_query(
        ArticleTranslation, ArticleOldSlug, Article, visible_articles_clause(), lang, old_slug
    )
    return db.session.scalar(query)


def counterpart_slug(lang: str, slug: str) -> str | None:
    """The public article's slug in ``lang``, when ``slug`` is its slug in another language."""
    others = [code for code in LANGUAGES if code != lang]
    query = counterpart_slug_query(
        ArticleTranslation, Article, visible_articles_clause(), lang, others, slug
    )
    return db.session.scalar(query)
