"""Queries for the public news: only published articles whose publish time has passed.

The hot ones are built once, with bound parameters, and read plain rows: building a
statement and loading ORM entities cost more than the database's own work on every
uncached page. Articles come back as ``PublicArticle`` pairs with the attributes the
templates read, the same as an ORM article and its translation.
"""

from __future__ import annotations

from operator import itemgetter
from types import SimpleNamespace

from sqlalchemy import and_, bindparam, func, literal_column, select
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


def visible_articles_clause(now=None):
    """The condition that makes an article public at ``now`` (by default, right now)."""
    return and_(
        Article.status == ArticleStatus.PUBLISHED.value,
        Article.publish_at <= (utcnow() if now is None else now),
        Article.deleted_at.is_(None),
    )


def visible_in(lang):
    """Public article translations in ``lang`` at the bound time ``now``."""
    return and_(ArticleTranslation.lang == lang, visible_articles_clause(bindparam("now")))


def public_select(*columns):
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
LIST_COUNT = public_select(func.count())
_COUNT_VISIBLE = LIST_COUNT.where(visible_in(bindparam("lang")))
LIST_PAGE = public_select(*_LISTED).where(visible_in(bindparam("lang")))
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
# An article's page shows the body as stored rendered (the list's cards only an excerpt).
RENDERED_COLUMNS = ("body_html", "body_html_version")
_BY_SLUG = (
    public_select(
        *_LISTED, *(getattr(ArticleTranslation, name) for name in RENDERED_COLUMNS), _SLUGS
    )
    .where(visible_in(bindparam("lang")))
    .where(ArticleTranslation.slug == bindparam("slug"))
)


_ARTICLE_VALUES = itemgetter(*(f"a_{name}" for name in ARTICLE_COLUMNS))
_TRANSLATION_VALUES = itemgetter(*(f"t_{name}" for name in TRANSLATION_COLUMNS))


def public_article(values: dict) -> SimpleNamespace:
    """A row of ``_LISTED`` as a translation whose ``article`` holds the shared fields."""
    article = SimpleNamespace(**dict(zip(ARTICLE_COLUMNS, _ARTICLE_VALUES(values), strict=True)))
    translation = SimpleNamespace(
        **dict(zip(TRANSLATION_COLUMNS, _TRANSLATION_VALUES(values), strict=True))
    )
    translation.article = article
    return translation


def count_visible(lang: str) -> int:
    """How many public articles have a translation in ``lang`` (kept until content changes)."""
    params = {"lang": lang, "now": utcnow()}
    return memoize_per_content(
        ("count_visible", lang), lambda: db.session.scalar(_COUNT_VISIBLE, params) or 0
    )


def visible_translation(lang: str, slug: str) -> SimpleNamespace | None:
    """The public article with this slug in ``lang``; its ``article.slugs`` by language."""
    params = {"lang": lang, "slug": slug, "now": utcnow()}
    row = plain_reader().first(_BY_SLUG, params)
    if row is None:
        return None
    translation = public_article(row)
    for name in RENDERED_COLUMNS:
        setattr(translation, name, row[name])
    pairs = (pair.split(" ", 1) for pair in row["slugs"].split(","))
    translation.article.slugs = {code: other_slug for code, other_slug in pairs}
    return translation


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
