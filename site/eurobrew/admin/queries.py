"""Queries for the admin lists: every article, whatever its status, with its languages."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Article, ArticleStatus, ArticleTranslation, Page
from ..models.base import utcnow

STATUS_FILTERS = ("draft", "scheduled", "published")


def article_filters(status: str | None, missing: str | None) -> list:
    """SQL conditions for the list's filters; unknown values filter nothing."""
    conditions = [Article.deleted_at.is_(None)]  # the trash has its own page
    now = utcnow()
    if status == "draft":
        conditions.append(Article.status == ArticleStatus.DRAFT.value)
    elif status == "scheduled":
        conditions += [Article.status == ArticleStatus.PUBLISHED.value, Article.publish_at > now]
    elif status == "published":
        conditions += [Article.status == ArticleStatus.PUBLISHED.value, Article.publish_at <= now]
    if missing in LANGUAGES:
        conditions.append(~Article.translations.any(ArticleTranslation.lang == missing))
    return conditions


def articles_newest_first(conditions: list) -> Select:
    """Matching articles, newest publication first, with their translations."""
    return (
        select(Article)
        .where(*conditions)
        .options(selectinload(Article.translations))
        .order_by(Article.published_on.desc(), Article.id.desc())
    )


def recently_changed(limit: int) -> list[Article]:
    """The articles changed last, for the dashboard."""
    query = (
        select(Article)
        .where(Article.deleted_at.is_(None))
        .options(selectinload(Article.translations))
        .order_by(Article.updated_at.desc(), Article.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def all_pages() -> list[Page]:
    """Every page not in the trash, in menu order, with its translations."""
    query = (
        select(Page)
        .where(Page.deleted_at.is_(None))
        .options(selectinload(Page.translations))
        .order_by(Page.menu_order, Page.id)
    )
    return list(db.session.scalars(query))


def trashed(model) -> list:
    """The articles (or pages) in the trash, deleted last first, with their translations."""
    query = (
        select(model)
        .where(model.deleted_at.is_not(None))
        .options(selectinload(model.translations))
        .order_by(model.deleted_at.desc(), model.id.desc())
    )
    return list(db.session.scalars(query))
