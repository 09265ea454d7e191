"""Queries for the public news: only published articles whose publish time has passed."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import Article, ArticleOldSlug, ArticleStatus, ArticleTranslation
from ..models.base import utcnow
from ..models.translated import current_slug_query
from ..web.memo import memoize_per_content


def visible_articles_clause():
    """The condition that makes an article public right now."""
    return and_(
        Article.status == ArticleStatus.PUBLISHED.value,
        Article.publish_at <= utcnow(),
        Article.deleted_at.is_(None),
    )


def count_visible(lang: str) -> int:
    """How many public articles have a translation in ``lang`` (kept until content changes)."""
    query = (
        select(func.count())
        .select_from(ArticleTranslation)
        .join(Article, Article.id == ArticleTranslation.article_id)
        .where(ArticleTranslation.lang == lang, visible_articles_clause())
    )
    return memoize_per_content(("count_visible", lang), lambda: db.session.scalar(query) or 0)


def latest_translations(
    lang: str, limit: int, offset: int = 0, total: int | None = None
) -> list[ArticleTranslation]:
    """Public articles in ``lang``, newest first, with their shared fields loaded.

    Given the ``total``, pages in the older half are read from the other end of the index
    (oldest first, then reversed): the database skips at most half the list, so the last
    page costs what the first does.
    """
    newest_first = (Article.published_on.desc(), Article.id.desc())
    oldest_first = (Article.published_on.asc(), Article.id.asc())
    reverse = total is not None and offset > total // 2
    if reverse:
        limit = max(0, min(limit, total - offset))
        offset = max(0, total - offset - limit)
    query = (
        select(ArticleTranslation)
        .join(ArticleTranslation.article)
        .options(contains_eager(ArticleTranslation.article))
        .where(ArticleTranslation.lang == lang, visible_articles_clause())
        .order_by(*(oldest_first if reverse else newest_first))
        .limit(limit)
        .offset(offset)
    )
    rows = list(db.session.scalars(query))
    return rows[::-1] if reverse else rows


def visible_translation(lang: str, slug: str) -> ArticleTranslation | None:
    """The public article with this slug in ``lang``, its other translations loaded."""
    query = (
        select(ArticleTranslation)
        .join(ArticleTranslation.article)
        .options(contains_eager(ArticleTranslation.article).selectinload(Article.translations))
        .where(
            ArticleTranslation.lang == lang,
            ArticleTranslation.slug == slug,
            visible_articles_clause(),
        )
    )
    return db.session.scalars(query).first()


def position_in_list(article: Article, lang: str) -> int:
    """How many public articles in ``lang`` come before ``article`` in the newest-first list.

    Counting them reads every newer article's index entry (tens of milliseconds for an old
    article among 100 000), so the figure is kept until the content changes.
    """
    newer = or_(
        Article.published_on > article.published_on,
        and_(Article.published_on == article.published_on, Article.id > article.id),
    )
    query = (
        select(func.count())
        .select_from(ArticleTranslation)
        .join(Article, Article.id == ArticleTranslation.article_id)
        .where(ArticleTranslation.lang == lang, visible_articles_clause(), newer)
    )
    return memoize_per_content(
        ("position_in_list", article.id, lang), lambda: db.session.scalar(query) or 0
    )


def current_slug(lang: str, old_slug: str) -> str | None:
    """The public article's slug in ``lang`` now, when ``old_slug`` was one of its old ones."""
    query = current_slug_query(
        ArticleTranslation, ArticleOldSlug, Article, visible_articles_clause(), lang, old_slug
    )
    return db.session.scalar(query)
