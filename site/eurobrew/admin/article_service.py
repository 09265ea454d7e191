"""Saving, deleting and restoring articles: each change commits whole, with its revision.

Photo files are never deleted here: a replaced photo stays while any revision or trashed
article names it (``flask media gc`` removes files nothing names).
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext, to_user_timezone, to_utc
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..i18n import LANGUAGES
from ..media.storage import StoredPhoto
from ..models import Article, ArticleOldSlug, ArticleTranslation
from ..models.base import utcnow
from ..models.revisions import RevisionAction
from ..models.translated import set_translations
from .article_forms import ArticleForm
from .article_photo import apply_photo, chosen_image_id, missing_alt_texts, photo_form_data
from .audit import record_event
from .editing import commit_revision, ensure_baseline
from .kinds import ARTICLE
from .slugs import mark_slug_clashes
from .uploads import PictureNotStored, store_upload

TEXT_FIELDS = ("title", "slug", "place", "body", "note")


def form_data(article: Article) -> dict:
    """The form's initial values for editing ``article``."""
    data = {
        "version": article.version,
        "published_on": article.published_on,
        "status": article.status,
        "publish_at": to_user_timezone(article.publish_at).replace(tzinfo=None, second=0),
        "source_url": article.source_url,
    }
    photo = photo_form_data(article)
    for lang in LANGUAGES:
        translation = article.translation(lang)
        texts = {f: getattr(translation, f) for f in TEXT_FIELDS} if translation else {}
        data[lang] = {**texts, **photo.pop(lang)} if translation else {}
    return {**data, **photo}


def slug_clashes(form: ArticleForm, article_id: int | None) -> bool:
    """Mark each slug another article (in the trash too) already uses in that language."""
    sections = {lang: s for lang, s in form.translations().items() if not s.is_empty()}
    messages = (
        gettext("Another article already uses this slug. Choose another one."),
        gettext("An article in the trash uses this slug. Restore it, or choose another slug."),
    )
    return mark_slug_clashes(sections, Article, ArticleTranslation.article_id, article_id, messages)


def new_photo_of(form: ArticleForm) -> StoredPhoto | None:
    """The form's new photo (a library picture once saved), or the one kept from before;
    raises PictureNotStored when the disk fails."""
    return store_upload(form.photo_image, form.photo, form.pending_photo)


def typed_publish_at(form: ArticleForm, saved: datetime | None) -> datetime:
    """The form's publication time in UTC: a time in the future schedules the article, none
    means "from now". The form shows whole minutes, so the saved time's minute sent back
    unchanged keeps the saved time to the microsecond (and the article unchanged)."""
    if not form.publish_at.data:
        return utcnow()
    typed = to_utc(form.publish_at.data)
    if saved is not None and typed == saved.replace(second=0, microsecond=0):
        return saved
    return typed


def apply_form(article: Article, form: ArticleForm) -> None:
    """Copy the form's shared fields onto ``article``."""
    article.published_on = form.published_on.data
    article.status = form.status.data
    article.publish_at = typed_publish_at(form, article.publish_at)
    article.source_url = form.source_url.data


def typed_texts(form: ArticleForm) -> dict[str, dict]:
    """The languages filled in, with their fields."""
    return {
        lang: {name: getattr(section, name).data for name in TEXT_FIELDS}
        for lang, section in form.translations().items()
        if not section.is_empty()
    }


def save_article(article: Article | None, form: ArticleForm, username: str) -> Article | None:
    """Save a validated form in one transaction with its revision; None (with form errors)
    when it cannot be. Raises EditConflict when the article changed meanwhile."""
    if slug_clashes(form, article.id if article else None):
        return None
    try:
        new_photo = new_photo_of(form)
    except PictureNotStored:
        return None
    if missing_alt_texts(form, chosen_image_id(article, form, new_photo)):
        return None
    creating = article is None
    try:
        if creating:
            article = Article()
            db.session.add(article)
        else:
            ensure_baseline(ARTICLE, article)
        apply_form(article, form)
        db.session.flush()
        set_translations(article, typed_texts(form), ArticleTranslation, ArticleOldSlug)
        photo_revision = apply_photo(article, form, new_photo, username)
        article.updated_by = username
        article.updated_at = utcnow()
        action = RevisionAction.CREATED if creating else RevisionAction.SAVED
        also = [photo_revision] if photo_revision else []
        commit_revision(ARTICLE, article, action, username, also)
    except IntegrityError:
        # Another admin took a slug between the check and the commit.
        db.session.rollback()
        form.form_errors.append(gettext("A slug was taken meanwhile. Please check and save again."))
        return None
    except BaseException:
        db.session.rollback()
        raise
    return article


def trash_article(article: Article, username: str) -> None:
    """Move ``article`` to the trash: off the site, kept with its slugs and photo."""
    ensure_baseline(ARTICLE, article)
    article.deleted_at = utcnow()
    article.deleted_by = username
    record_event("article deleted", username, f"article {article.id}")
    commit_revision(ARTICLE, article, RevisionAction.DELETED, username)
