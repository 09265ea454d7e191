"""Queries for the public content pages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from ..extensions import db
from ..models import Page, PageOldSlug, PageTranslation
from ..models.pages import public_pages
from ..models.translated import current_slug_query


def visible_page_translation(lang: str, slug: str) -> PageTranslation | None:
    """The visible page with this slug in ``lang``, its other translations loaded."""
    query = (
        select(PageTranslation)
        .join(PageTranslation.page)
        .options(contains_eager(PageTranslation.page).selectinload(Page.translations))
        .where(PageTranslation.lang == lang, PageTranslation.slug == slug, public_pages())
    )
    return db.session.scalars(query).first()


def page_by_key(key: str) -> Page | None:
    """A page by its stable key, with its translations."""
    query = select(Page).where(Page.key == key).options(selectinload(Page.translations))
    return db.session.scalars(query).first()


def current_page_slug(lang: str, old_slug: str) -> str | None:
    """The visible page's slug in ``lang`` now, when ``old_slug`` was one of its old ones."""
    query = current_slug_query(PageTranslation, PageOldSlug, Page, public_pages(), lang, old_slug)
    return db.session.scalar(query)
