"""Articles and their per-language translations."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow
from .media import Image
from .translated import OldSlug, Translated, Translation


class ArticleStatus(enum.StrEnum):
    """Whether an article may be shown at all; ``publish_at`` says from when."""

    DRAFT = "draft"
    PUBLISHED = "published"


class Article(Translated, db.Model):
    """A news article: what both languages share."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'published')", name="status"),
        # The news lists filter on visibility and sort newest first.
        Index("ix_articles_listing", "status", "published_on", "id"),
        # The newest publish time already passed, read for every page's ETag.
        Index("ix_articles_visibility", "status", "publish_at"),
        # The admin's list (out of the trash, newest first, of one status) and its dashboard
        # (changed last). Partial, as PostgreSQL sorts by an index only after equalities,
        # and "deleted_at IS NULL" is not one.
        Index(
            "ix_articles_admin_listing",
            "published_on",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_articles_admin_status",
            "status",
            "published_on",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_articles_changed", "updated_at", "id"),
        Index("ix_articles_trash", "deleted_at", "id"),  # the trash, deleted last first
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    published_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default=ArticleStatus.DRAFT.value)
    publish_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The photo above the article: a library image (its alt text and credit are the image's).
    image_id: Mapped[int | None] = mapped_column(
        ForeignKey("images.id", ondelete="SET NULL"), index=True
    )
    source_url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    image: Mapped[Image | None] = relationship()
    translations: Mapped[list[ArticleTranslation]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ArticleTranslation.lang"
    )
    old_slugs: Mapped[list[ArticleOldSlug]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )


class ArticleTranslation(Translation, db.Model):
    """An article's text in one language, with its own slug."""

    __tablename__ = "article_translations"
    owner_key = "article_id"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(String(500), default="")

    article: Mapped[Article] = relationship(back_populates="translations")


class ArticleOldSlug(OldSlug, db.Model):
    """A slug an article had before; its URL answers with a 301 to the current one."""

    __tablename__ = "article_old_slugs"
    owner_key = "article_id"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    slug: Mapped[str] = mapped_column(String(200))

    article: Mapped[Article] = relationship(back_populates="old_slugs")
