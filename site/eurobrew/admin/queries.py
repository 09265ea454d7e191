"""Queries for the admin lists: every article, whatever its status, with its languages."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Article, ArticleStatus, ArticleTranslation, Page
from ..models.base import utcnow
from ..models.pages import HOME_KEY
from ..search.admin_lists import matching_articles, matching_pages
from ..search.query import clean, parse
from ..web.memo import memoize_per_content
from ..web.pagination import Pagination

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


def articles_page(conditions: list, pagination: Pagination) -> list[Article]:
    """One page of the matching articles, newest publication first, with their translations.

    Pages in the older half are read from the other end of the index (oldest first, then
    reversed): the database skips at most half the list, so the last page costs what the
    first does.
    """
    newest_first = (Article.published_on.desc(), Article.id.desc())
    oldest_first = (Article.published_on.asc(), Article.id.asc())
    limit, offset, total = pagination.per_page, pagination.offset, pagination.total
    reverse = offset > total // 2
    if reverse:
        limit = max(0, min(limit, total - offset))
        offset = max(0, total - offset - limit)
    query = (
        select(Article)
        .where(*conditions)
        .options(selectinload(Article.translations))
        .order_by(*(oldest_first if reverse else newest_first))
        .limit(limit)
        .offset(offset)
    )
    items = list(db.session.scalars(query))
    return items[::-1] if reverse else items


def count_articles(conditions: list, status: str, missing: str, search: str) -> int:
    """How many articles the list's filters keep; without a search, kept per content
    version (counting every article took 8 ms at 100,000)."""
    query = select(func.count()).select_from(Article).where(*conditions)
    if search:
        return db.session.scalar(query) or 0
    key = ("admin_article_count", status if status in STATUS_FILTERS else "")
    key += (missing if missing in LANGUAGES else "",)
    return memoize_per_content(key, lambda: db.session.scalar(query) or 0)


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
    """Every page not in the trash (that matches the search), in menu order, each parent
    followed by its sub-pages."""
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
    found = list(db.session.scalars(query))
    ids = {page.id for page in found}
    arranged = []
    for page in found:
        if page.parent_id is None or page.parent_id not in ids:
            arranged.append(page)
            arranged.extend(child for child in found if child.parent_id == page.id)
    return arranged


def trashed(model) -> list:
    """The articles (or pages) in the trash, deleted last first, with their translations."""
    query = (
        select(model)
        .where(model.deleted_at.is_not(None))
        .options(selectinload(model.translations))
        .order_by(model.deleted_at.desc(), model.id.desc())
    )
    return list(db.session.scalars(query))


def first_and_last(pages: list[Page]) -> tuple[set[int], set[int]]:
    """The ids of the pages that lead and that end their list (the menu, or a parent's),
    which cannot move further up or down; home leads always and is in neither."""
    groups: dict[int | None, list[int]] = {}
    for page in pages:
        if page.key != HOME_KEY:
            groups.setdefault(page.parent_id, []).append(page.id)
    return {ids[0] for ids in groups.values()}, {ids[-1] for ids in groups.values()}
