"""What articles and pages share: a translation per language, and the slugs they used to have."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import Select, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from .base import utcnow


class Translated:
    """A record whose ``translations`` hold its text, one per language, and who edited it."""

    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The admin's name rather than a key: the record outlives a deleted account.
    updated_by: Mapped[str] = mapped_column(String(80), default="")

    def translation(self, lang: str):
        """The text in ``lang``, or None when there is no such translation."""
        return next((t for t in self.translations if t.lang == lang), None)


class Translation:
    """A record's text in one language, with its own slug (``slug`` and the rest in subclasses).

    ``owner_key`` names the column that points at the shared record.
    """

    owner_key: ClassVar[str]

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(2))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __table_args__(cls):
        # One text per language, and a slug leads to one text per language.
        return (UniqueConstraint(cls.owner_key, "lang"), UniqueConstraint("lang", "slug"))


class OldSlug:
    """A slug a translation had before: its URL answers with a 301 to the current one.

    Subclasses add the owner's key (named by ``owner_key``), its relationship and ``slug``.
    """

    owner_key: ClassVar[str]

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @declared_attr.directive
    def __table_args__(cls):
        # A slug leads to one place per language, however often it was used before.
        return (UniqueConstraint("lang", "slug"),)


def current_slug_query(translation, old_slug, owner, visible, lang: str, slug: str) -> Select:
    """The slug in ``lang`` now of the visible item that had ``slug`` before.

    ``translation`` and ``old_slug`` are the item's models (ArticleTranslation and
    ArticleOldSlug ...), ``owner`` the shared record, ``visible`` the condition on it.
    """
    key = old_slug.owner_key
    return (
        select(translation.slug)
        .join(old_slug, getattr(old_slug, key) == getattr(translation, key))
        .join(owner, owner.id == getattr(translation, key))
        .where(
            old_slug.lang == lang,
            old_slug.slug == slug,
            translation.lang == lang,
            visible,
        )
    )
