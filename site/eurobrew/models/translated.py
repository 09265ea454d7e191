"""What articles and pages share: a translation per language, and the slugs they used to have."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Select, String, Text, UniqueConstraint, delete, event, select
from sqlalchemy.orm import Mapped, aliased, declared_attr, mapped_column

from ..extensions import db
from .base import utcnow
from .rendered_bodies import render_body_when_set


class Versioned:
    """A record edited in forms: each save counts a version, and a save made from an older
    version fails (SQLAlchemy's version counter: the UPDATE names the version it read)."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}


class Translated(Versioned):
    """A record whose ``translations`` hold its text, one per language, and who edited it.

    Deleting it puts it in the trash (``deleted_at``); it is gone for good when purged.
    """

    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The admin's name rather than a key: the record outlives a deleted account.
    updated_by: Mapped[str] = mapped_column(String(80), default="")
    deleted_at: Mapped[datetime | None]
    deleted_by: Mapped[str] = mapped_column(String(80), default="", server_default="")

    @property
    def in_trash(self) -> bool:
        """True once deleted, until restored or purged."""
        return self.deleted_at is not None

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
    # The body rendered when it was set (markup.body_html), and the renderer's version.
    body_html: Mapped[str | None] = mapped_column(Text)
    body_html_version: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __table_args__(cls):
        # One text per language, and a slug leads to one text per language.
        return (UniqueConstraint(cls.owner_key, "lang"), UniqueConstraint("lang", "slug"))

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if hasattr(cls, "__tablename__"):
            event.listen(cls.body, "set", render_body_when_set)


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


# Letters that do not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "œ": "oe"})


def slugify(text: str, max_length: int = 120) -> str:
    """``"Článok o pivovare"`` -> ``"clanok-o-pivovare"``: ASCII letters, digits and hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


def normal_text(value):
    """Text as the admin's forms store it: LF line breaks, no surrounding spaces."""
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def assign(record, name: str, value) -> None:
    """Set ``record.name`` to ``value`` unless it already holds the same text.

    Text stored before line breaks were normalised (the demo content, older saves) may differ
    only in CR LF or surrounding spaces; such a field is left alone, so its record is not
    marked changed.
    """
    if normal_text(getattr(record, name)) != normal_text(value):
        setattr(record, name, value)


def remember_old_slug(model, owner_id: int, lang: str, old: str, new: str) -> None:
    """Keep ``old`` answering with a 301 to ``new``; ``new`` itself is nobody's old slug now.

    ``model`` is ArticleOldSlug or PageOldSlug.
    """
    if not old or old == new:
        return
    db.session.execute(delete(model).where(model.lang == lang, model.slug.in_([old, new])))
    db.session.add(model(**{model.owner_key: owner_id, "lang": lang, "slug": old}))


def set_translations(item, texts: dict[str, dict], translation_model, old_slug_model) -> None:
    """Make ``item``'s translations exactly ``texts`` (language -> field values).

    A language missing from ``texts`` loses its translation (and its old slugs); a changed
    slug keeps answering with a 301; unchanged text is left alone.
    """
    for translation in list(item.translations):
        if translation.lang not in texts:
            item.translations.remove(translation)
            for old in [o for o in item.old_slugs if o.lang == translation.lang]:
                item.old_slugs.remove(old)
    for lang, fields in texts.items():
        translation = item.translation(lang)
        if translation is None:
            item.translations.append(translation_model(lang=lang, **fields))
            continue
        if item.id is not None:
            remember_old_slug(old_slug_model, item.id, lang, translation.slug, fields["slug"])
        for name, value in fields.items():
            assign(translation, name, value)


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


def counterpart_slug_query(translation, owner, visible, lang: str, others, slug: str) -> Select:
    """The slug in ``lang`` of the visible item whose slug in one of ``others`` is ``slug``.

    ``translation`` is the item's translation model, ``owner`` the shared record and
    ``visible`` the condition on it; ``others`` are the languages other than ``lang``
    (named, so the (lang, slug) index finds the row).
    """
    key = translation.owner_key
    other = aliased(translation)
    return (
        select(translation.slug)
        .join(other, getattr(other, key) == getattr(translation, key))
        .join(owner, owner.id == getattr(translation, key))
        .where(translation.lang == lang, other.lang.in_(others), other.slug == slug, visible)
        .limit(1)
    )
