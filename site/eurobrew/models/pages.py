"""Content pages and their translations: the five built in (home, products, activities,
links, about) and those the admins add, optionally one level under another page."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, and_, exists, or_, select
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship

from ..extensions import db
from .base import NEVER_REUSE_IDS
from .translated import OldSlug, Translated, Translation

HOME_KEY = "home"


class Page(Translated, db.Model):
    """A content page, known to the code by a stable key, in the menu or under a parent."""

    __tablename__ = "pages"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    menu_order: Mapped[int] = mapped_column(default=100)
    visible: Mapped[bool] = mapped_column(default=True)
    # One level only: a parent is itself a top-level page. Purging a parent (the trash
    # refuses to delete one with sub-pages) leaves any trashed child at the top.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("pages.id", ondelete="SET NULL"), index=True
    )

    translations: Mapped[list[PageTranslation]] = relationship(
        back_populates="page", cascade="all, delete-orphan", order_by="PageTranslation.lang"
    )
    old_slugs: Mapped[list[PageOldSlug]] = relationship(
        back_populates="page", cascade="all, delete-orphan"
    )


class PageTranslation(Translation, db.Model):
    """A page's menu title, slug and body in one language."""

    __tablename__ = "page_translations"
    owner_key = "page_id"

    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120))

    page: Mapped[Page] = relationship(back_populates="translations")


class PageOldSlug(OldSlug, db.Model):
    """A slug a page had before; its URL answers with a 301 to the current one."""

    __tablename__ = "page_old_slugs"
    owner_key = "page_id"

    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(120))

    page: Mapped[Page] = relationship(back_populates="old_slugs")


_PARENT = aliased(Page)


def public_pages():
    """The condition that puts a page on the site: shown, not in the trash, and so is its
    parent (a hidden section hides its sub-pages)."""
    parent_public = exists().where(
        _PARENT.id == Page.parent_id, _PARENT.visible.is_(True), _PARENT.deleted_at.is_(None)
    )
    return and_(
        Page.visible.is_(True),
        Page.deleted_at.is_(None),
        or_(Page.parent_id.is_(None), parent_public),
    )


def has_subpages(page_id: int | None) -> bool:
    """True when a page not in the trash has ``page_id`` as its parent."""
    if page_id is None:
        return False
    query = select(Page.id).where(Page.parent_id == page_id, Page.deleted_at.is_(None))
    return db.session.scalar(query.limit(1)) is not None


def possible_parents(page_id: int | None) -> list[Page]:
    """The pages ``page_id`` may be put under: top-level, not home, not itself, not trashed."""
    query = select(Page).where(
        Page.parent_id.is_(None), Page.key != HOME_KEY, Page.deleted_at.is_(None)
    )
    if page_id is not None:
        query = query.where(Page.id != page_id)
    return list(db.session.scalars(query.order_by(Page.menu_order, Page.id)))


def parent_allowed(page, parent_id: int | None) -> bool:
    """Whether ``page`` may sit under ``parent_id`` (None: the top level, always allowed)."""
    if parent_id is None:
        return True
    if page.key == HOME_KEY or has_subpages(page.id):
        return False
    return any(parent.id == parent_id for parent in possible_parents(page.id))


KEY_LENGTH = 32
# Keys the menu gives its own items: a page keyed so would be marked current with them.
MENU_KEYS = frozenset({"news", "contact"})


def free_key(slug: str) -> str:
    """A new page's key from its first slug: ``slug``, or ``slug-2`` ..., one no page has.

    Pages in the trash keep their keys, so a restored page never finds its key taken.
    """
    base = slug[:KEY_LENGTH].strip("-") or "page"
    taken = set(db.session.scalars(select(Page.key))) | MENU_KEYS
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: KEY_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


def parent_key(page) -> str:
    """The key of ``page``'s parent ("" at the top level): what a revision keeps."""
    if page.parent_id is None:
        return ""
    return db.session.scalar(select(Page.key).where(Page.id == page.parent_id)) or ""


def parent_by_key(page, key: str) -> int | None:
    """The id of the page keyed ``key`` if ``page`` may sit under it now, else None."""
    if not key:
        return None
    found = db.session.scalar(select(Page.id).where(Page.key == key))
    return found if parent_allowed(page, found) else None
