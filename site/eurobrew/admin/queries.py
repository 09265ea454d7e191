"""Queries for the admin lists: every article, whatever its status, with its languages."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Article, ArticleStatus, ArticleTranslation, Page
from ..models.base import utcnow
from ..search.matching import matching_articles, matching_pages
from ..search.query import clean, parse

STATUS_FILTERS = ("draft", "scheduled", "published")


SEARCH_MAX = 200  # characters of an admin list's search kept


def search_words(raw: str | None) -> str:
    """An admin list's search as typed, cleaned and cut to SEARCH_MAX characters."""
    return clean(raw or "")[:SEARCH_MAX]


def article_filters(status: str | None, missing: str | None, search: str = "") -> list:
    """SQL conditions for the list's filters; unknown values filter nothing. The search
    finds every word in either language, with or without diacritics, in any word form."""
    conditions = [Article.deleted_at.is_(None)]  # the trash has its own page
    query = parse(search) if search else None
    if query and query.groups:
        conditions.append(Article.id.in_(matching_articles(query, LANGUAGES)))
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


def all_pages(search: str = "") -> list[Page]:
    """Every page not in the trash (that matches the search), in menu order."""
    conditions = [Page.deleted_at.is_(None)]
    query = parse(search) if search else None
    if query and query.groups:
        conditions.append(Page.id.in_(matching_pages(query, LANGUAGES)))
    query = (
        select(Page)
        .where(*conditions)
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
