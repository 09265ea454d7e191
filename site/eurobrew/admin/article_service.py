"""Saving and deleting articles: each edit commits whole, photo files follow the database."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext, to_user_timezone, to_utc
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..i18n import LANGUAGES
from ..media import upload_folder
from ..media.storage import StoredPhoto, delete_photo, store_image
from ..models import Article, ArticleOldSlug, ArticleTranslation
from ..models.base import utcnow
from .article_forms import ArticleForm, ArticleTextForm
from .forms import assign
from .slugs import remember_old_slug

TEXT_FIELDS = ("title", "slug", "place", "body", "note", "photo_alt")


def form_data(article: Article) -> dict:
    """The form's initial values for editing ``article``."""
    data = {
        "published_on": article.published_on,
        "status": article.status,
        "publish_at": to_user_timezone(article.publish_at).replace(tzinfo=None, second=0),
        "photo_credit": article.photo_credit,
        "source_url": article.source_url,
    }
    for lang in LANGUAGES:
        translation = article.translation(lang)
        data[lang] = {f: getattr(translation, f) for f in TEXT_FIELDS} if translation else {}
    return data


def slug_clashes(form: ArticleForm, article_id: int | None) -> bool:
    """Mark each slug another article already uses in that language; True if any."""
    clash = False
    for lang, section in form.translations().items():
        if section.is_empty():
            continue
        query = select(ArticleTranslation.article_id).where(
            ArticleTranslation.lang == lang, ArticleTranslation.slug == section.slug.data
        )
        owner = db.session.scalar(query)
        if owner is not None and owner != article_id:
            section.slug.errors.append(
                gettext("Another article already uses this slug. Choose another one.")
            )
            clash = True
    return clash


def apply_translation(article: Article, lang: str, section: ArticleTextForm) -> None:
    """Create, update or remove ``article``'s translation in ``lang`` from its form section."""
    translation = article.translation(lang)
    if section.is_empty():
        if translation is not None:
            article.translations.remove(translation)
            for old in [o for o in article.old_slugs if o.lang == lang]:
                article.old_slugs.remove(old)
        return
    if translation is None:
        translation = ArticleTranslation(lang=lang)
        article.translations.append(translation)
    elif translation.slug != section.slug.data:
        remember_old_slug(
            ArticleOldSlug, "article_id", article.id, lang, translation.slug, section.slug.data
        )
    for name in TEXT_FIELDS:
        assign(translation, name, getattr(section, name).data)


def store_new_photo(form: ArticleForm, folder) -> StoredPhoto | None:
    """Write the form's new photo under fresh random names; a form error if the disk fails.

    Until the commit nothing points at these files, and they are removed again if the
    commit fails. Raises PhotoNotStored (with the error next to the field) when they
    cannot be written.
    """
    if form.photo_image is None:
        return None
    try:
        return store_image(form.photo_image, folder)
    except OSError as error:
        # A full disk or an upload folder that cannot be written: store_image has removed
        # what it began, and nothing reached the database.
        current_app.logger.exception("the photo could not be stored in %s", folder)
        form.photo.errors.append(
            gettext(
                "The photo could not be stored: the server's disk is full or its photo folder "
                "cannot be written. Nothing was saved. Please tell the site's administrator."
            )
        )
        raise PhotoNotStored from error


class PhotoNotStored(Exception):
    """The new photo could not be written; the form says so."""


def apply_form(article: Article, form: ArticleForm, new_photo: StoredPhoto | None) -> str | None:
    """Copy the form's shared fields onto ``article``; return the photo it replaced, if any."""
    article.published_on = form.published_on.data
    article.status = form.status.data
    # A time in the future schedules the article; none means "from now".
    article.publish_at = to_utc(form.publish_at.data) if form.publish_at.data else utcnow()
    article.photo_credit = form.photo_credit.data
    article.source_url = form.source_url.data
    if new_photo is None and not form.remove_photo.data:
        return None
    replaced = article.photo
    article.photo = new_photo.name if new_photo else None
    article.photo_width = new_photo.width if new_photo else None
    article.photo_height = new_photo.height if new_photo else None
    return replaced


def save_article(article: Article | None, form: ArticleForm, username: str) -> Article | None:
    """Save a validated form in one transaction; None (with form errors) when it cannot be."""
    if slug_clashes(form, article.id if article else None):
        return None
    folder = upload_folder()
    try:
        new_photo = store_new_photo(form, folder)
    except PhotoNotStored:
        return None
    try:
        if article is None:
            article = Article()
            db.session.add(article)
        replaced = apply_form(article, form, new_photo)
        db.session.flush()
        for lang, section in form.translations().items():
            apply_translation(article, lang, section)
        article.updated_by = username
        article.updated_at = utcnow()
        db.session.commit()
    except BaseException as error:
        db.session.rollback()
        delete_photo(new_photo.name if new_photo else None, folder)
        if not isinstance(error, IntegrityError):
            raise
        # Another admin took a slug between the check and the commit.
        form.form_errors.append(gettext("A slug was taken meanwhile. Please check and save again."))
        return None
    if replaced and replaced != article.photo:
        delete_photo(replaced, folder)
    return article


def delete_article(article: Article) -> None:
    """Delete ``article`` with its translations and old slugs, then its photo files."""
    photo = article.photo
    db.session.delete(article)
    db.session.commit()
    delete_photo(photo, upload_folder())
