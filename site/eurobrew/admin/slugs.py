"""Slugs: made from titles with Slovak letters transliterated, and old ones kept for 301s."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import StringField

from ..extensions import db
from ..models import ArticleTranslation
from ..models.translated import slugify
from ..validators import max_length, single_line
from .forms import strip_filter


def slug_field(limit: int) -> StringField:
    """The slug field of a language section: one line of at most ``limit`` characters."""
    return StringField(
        # Translators: "slug" is the readable last part of a page's web address.
        _l("Slug (end of the address)"),
        filters=[strip_filter],
        validators=[max_length(limit), single_line],
    )


def settle_slug(section, limit: int) -> bool:
    """Make the section's slug from what was typed, else from its title; False if none can be.

    The error ("Enter a slug made of letters or digits.") is then next to the field.
    """
    section.slug.data = slugify(section.slug.data or section.title.data or "", limit)
    if section.slug.data or section.slug.errors:
        return not section.slug.errors
    section.slug.errors.append(str(_l("Enter a slug made of letters or digits.")))
    return False


def free_slug(slug: str, lang: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` ...: the first no article uses in ``lang``."""
    taken = set(
        db.session.scalars(
            select(ArticleTranslation.slug).where(
                ArticleTranslation.lang == lang, ArticleTranslation.slug.startswith(slug)
            )
        )
    )
    candidate, number = slug, 1
    while candidate in taken or not candidate:
        number += 1
        candidate = f"{slug}-{number}".strip("-")
    return candidate


def mark_slug_clashes(sections: dict, model, link, item_id: int | None, messages) -> bool:
    """Mark each section's slug another item of ``model`` (in the trash too) already uses in
    that language; True if any. ``link`` is the translations' column naming their item
    (``ArticleTranslation.article_id``); ``messages``: (used by another item, used by one in
    the trash), each shown next to the slug.
    """
    translation = link.class_
    clash = False
    for lang, section in sections.items():
        owner = db.session.execute(
            select(model.id, model.deleted_at)
            .join(translation, link == model.id)
            .where(translation.lang == lang, translation.slug == section.slug.data)
        ).first()
        if owner is None or owner.id == item_id:
            continue
        section.slug.errors.append(messages[0] if owner.deleted_at is None else messages[1])
        clash = True
    return clash
