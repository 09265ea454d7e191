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
    conditions = []
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
        .options(selectinload(Article.translations))
        .order_by(Article.updated_at.desc(), Article.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def all_pages() -> list[Page]:
    """Every page in menu order, with its translations."""
    query = select(Page).options(selectinload(Page.translations)).order_by(Page.menu_order, Page.id)
    return list(db.session.scalars(query))
