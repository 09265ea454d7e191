"""Queries for the public content pages.

A site has a few dozen pages, read on every page view and changed only by an edit: their
texts are read in one statement per content version and kept (per worker) as plain
records with the attributes the templates read.
"""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import select

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Page, PageOldSlug, PageTranslation
from ..models.pages import HOME_KEY, public_pages
from ..models.translated import current_slug_query
from ..web.memo import memoize_per_content

_TEXTS = (
    select(
        Page.id,
        Page.key,
        Page.parent_id,
        Page.menu_order,
        (Page.visible.is_(True) & Page.deleted_at.is_(None)).label("shown"),
        PageTranslation.lang,
        PageTranslation.slug,
        PageTranslation.title,
        PageTranslation.body,
        PageTranslation.body_html,
        PageTranslation.body_html_version,
        PageTranslation.updated_at,
    )
    .select_from(PageTranslation)
    .join(Page, Page.id == PageTranslation.page_id)
    .order_by(Page.menu_order, Page.id)
)


def page_texts() -> dict[tuple[str, str], SimpleNamespace]:
    """Every page translation by (lang, slug), each with its ``page`` (key, public, slugs)."""
    return memoize_per_content(("page_texts",), load_page_texts)


def load_page_texts() -> dict[tuple[str, str], SimpleNamespace]:
    """The pages' texts, read from the database, in menu order.

    A page is public when it is shown and not in the trash, and so is its parent.
    """
    pages: dict[int, SimpleNamespace] = {}
    texts = {}
    for row in db.session.execute(_TEXTS):
        page = pages.setdefault(
            row.id,
            SimpleNamespace(
                id=row.id, key=row.key, parent_id=row.parent_id, public=bool(row.shown), slugs={}
            ),
        )
        page.slugs[row.lang] = row.slug
        texts[row.lang, row.slug] = SimpleNamespace(
            lang=row.lang,
            slug=row.slug,
            title=row.title,
            body=row.body,
            body_html=row.body_html,
            body_html_version=row.body_html_version,
            updated_at=row.updated_at,
            page=page,
        )
    for page in pages.values():
        parent = pages.get(page.parent_id) if page.parent_id is not None else None
        # Read before any child's flag is changed: a parent is never a child itself.
        page.public = page.public and (page.parent_id is None or (parent and parent.public))
    return texts


def visible_page_translation(lang: str, slug: str) -> SimpleNamespace | None:
    """The visible page with this slug in ``lang``; its ``page.slugs`` by language."""
    translation = page_texts().get((lang, slug))
    return translation if translation is not None and translation.page.public else None


def page_text_by_key(key: str, lang: str) -> SimpleNamespace | None:
    """The ``lang`` text of the page with this stable key, shown on the site or not."""
    return next(
        (t for t in page_texts().values() if t.page.key == key and t.lang == lang),
        None,
    )


def parent_text(translation: SimpleNamespace) -> SimpleNamespace | None:
    """The public parent of the page of ``translation``, in the same language."""
    parent_id = translation.page.parent_id
    if parent_id is None:
        return None
    return next(
        (
            t
            for t in page_texts().values()
            if t.page.id == parent_id and t.lang == translation.lang and t.page.public
        ),
        None,
    )


def subpage_texts(translation: SimpleNamespace) -> list[SimpleNamespace]:
    """The public sub-pages of the page of ``translation`` in its language, in menu order."""
    page_id = translation.page.id
    return [
        t
        for t in page_texts().values()
        if t.page.parent_id == page_id and t.lang == translation.lang and t.page.public
    ]


def counterpart_slug(lang: str, slug: str) -> str | None:
    """The ``lang`` slug of the public page whose slug in another language is ``slug``."""
    for other in LANGUAGES:
        found = page_texts().get((other, slug)) if other != lang else None
        if found is not None and found.page.public and found.page.key != HOME_KEY:
            return found.page.slugs.get(lang)
    return None


def current_page_slug(lang: str, old_slug: str) -> str | None:
    """The visible page's slug in ``lang`` now, when ``old_slug`` was one of its old ones."""
    query = current_slug_query(PageTranslation, PageOldSlug, Page, public_pages(), lang, old_slug)
    return db.session.scalar(query)
