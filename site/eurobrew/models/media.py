"""The image library: a picture stored once, described in every language, used anywhere."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow
from .translated import Versioned


class Image(Versioned, db.Model):
    """A library image: its files (``stem`` and renditions), credit and focal point.

    The pixels are stored once under a random ``stem``; its renditions are named after it.
    ``focal_x`` and ``focal_y`` (0-100, per cent of width and height) say what a crop keeps.
    """

    __tablename__ = "images"
    __table_args__ = (
        CheckConstraint("focal_x BETWEEN 0 AND 100", name="focal_x"),
        CheckConstraint("focal_y BETWEEN 0 AND 100", name="focal_y"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stem: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int]
    height: Mapped[int]
    credit: Mapped[str] = mapped_column(String(200), default="")
    decorative: Mapped[bool] = mapped_column(default=False)
    focal_x: Mapped[int] = mapped_column(default=50)
    focal_y: Mapped[int] = mapped_column(default=50)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(80), default="")
    deleted_at: Mapped[datetime | None]
    deleted_by: Mapped[str] = mapped_column(String(80), default="")

    texts: Mapped[list[ImageText]] = relationship(
        back_populates="image", cascade="all, delete-orphan", order_by="ImageText.lang"
    )

    @property
    def in_trash(self) -> bool:
        """True once deleted, until restored or purged."""
        return self.deleted_at is not None

    def text(self, lang: str) -> ImageText | None:
        """The alt text and caption in ``lang``, or None."""
        return next((t for t in self.texts if t.lang == lang), None)


class ImageText(db.Model):
    """An image's alt text and caption in one language."""

    __tablename__ = "image_texts"
    __table_args__ = (UniqueConstraint("image_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    image_id: Mapped[int] = mapped_column(ForeignKey("images.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(2))
    alt: Mapped[str] = mapped_column(String(300), default="")
    caption: Mapped[str] = mapped_column(String(500), default="")

    image: Mapped[Image] = relationship(back_populates="texts")
