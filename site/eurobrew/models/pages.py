"""Content pages (home, products, activities, links, about) and their translations."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import NEVER_REUSE_IDS
from .translated import OldSlug, Translated, Translation

HOME_KEY = "home"


class Page(Translated, db.Model):
    """A content page, known to the code by a stable key."""

    __tablename__ = "pages"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    menu_order: Mapped[int] = mapped_column(default=100)
    visible: Mapped[bool] = mapped_column(default=True)

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


def public_pages():
    """The condition that puts a page on the site: shown, and not in the trash."""
    return and_(Page.visible.is_(True), Page.deleted_at.is_(None))
