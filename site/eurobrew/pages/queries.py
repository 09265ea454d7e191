"""Queries for the public content pages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from ..extensions import db
from ..models import Page, PageTranslation


def visible_page_translation(lang: str, slug: str) -> PageTranslation | None:
    """The visible page with this slug in ``lang``, its other translations loaded."""
    query = (
        select(PageTranslation)
        .join(PageTranslation.page)
        .options(contains_eager(PageTranslation.page).selectinload(Page.translations))
        .where(PageTranslation.lang == lang, PageTranslation.slug == slug, Page.visible.is_(True))
    )
    return db.session.scalars(query).first()


def page_by_key(key: str) -> Page | None:
    """A page by its stable key, with its translations."""
    query = select(Page).where(Page.key == key).options(selectinload(Page.translations))
    return db.session.scalars(query).first()
