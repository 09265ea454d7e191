"""An article's photo: a library image, chosen by its number or uploaded with the article.

The article form shows the image's alt texts and credit beside the article's own fields;
they belong to the image, so a change there shows wherever the image is used, and is kept
in the image's history in the same transaction as the article's save.
"""

from __future__ import annotations

from flask_babel import gettext

from ..extensions import db
from ..i18n import LANGUAGES
from ..media.storage import StoredPhoto
from ..models import Article, Image
from ..models.revisions import RevisionAction
from ..models.snapshots import set_image_texts
from ..models.translated import assign
from .article_forms import ArticleForm
from .editing import ensure_baseline
from .kinds import IMAGE


def photo_form_data(article: Article) -> dict:
    """The photo's fields of the article form: its library number, credit and alt texts."""
    image = article.image
    data: dict = {"image_id": article.image_id, "photo_credit": image.credit if image else ""}
    for lang in LANGUAGES:
        text = image.text(lang) if image else None
        data[lang] = {"photo_alt": text.alt if text else ""}
    return data


def missing_alt_texts(form: ArticleForm, choice) -> bool:
    """Mark each filled-in language whose photo would have no description; True if any.

    ``choice`` is what ``chosen_image_id`` returned. A field left empty keeps the image's
    description, so only a new photo, or an image not yet described, needs one typed.
    """
    missing = False
    if choice is None:
        return missing
    image = None if choice == "new" else library_image_row(choice)
    for lang, section in form.translations().items():
        text = image.text(lang) if image is not None else None
        if not section.is_empty() and not (section.photo_alt.data or (text and text.alt)):
            section.photo_alt.errors.append(
                gettext("Say what the photo shows, for people who cannot see it.")
            )
            missing = True
    return missing


def chosen_image_id(article: Article | None, form: ArticleForm, new: StoredPhoto | None):
    """The image the article will show: "new" for an upload, a library number, or None."""
    if new is not None:
        return "new"
    if form.remove_photo.data:
        return None
    if form.image_id.data:
        return form.image_id.data
    return article.image_id if article is not None else None


def _typed_texts(form: ArticleForm, image: Image) -> dict[str, dict]:
    texts = {t.lang: {"alt": t.alt, "caption": t.caption} for t in image.texts}
    for lang, section in form.translations().items():
        if not section.is_empty() and section.photo_alt.data:
            caption = texts.get(lang, {}).get("caption", "")
            texts[lang] = {"alt": section.photo_alt.data, "caption": caption}
    return texts


def apply_photo(article: Article, form: ArticleForm, new: StoredPhoto | None, username: str):
    """Point ``article`` at its image (a new upload becomes a library image) and write the
    typed alt texts and credit onto it. Returns (kind, image, action) for the image's
    revision, or None when the image did not change."""
    choice = chosen_image_id(article, form, new)
    if choice == "new":
        image = Image(stem=new.name.removesuffix(".jpg"), width=new.width, height=new.height)
        action = RevisionAction.CREATED
    else:
        image = library_image_row(choice)
        action = RevisionAction.SAVED
    article.image = image
    if image is None:
        return None
    if action == RevisionAction.SAVED:
        ensure_baseline(IMAGE, image)
    assign(image, "credit", form.photo_credit.data)
    set_image_texts(image, _typed_texts(form, image))
    image.updated_by = username
    if action == RevisionAction.SAVED and not _changed(image):
        return None
    return (IMAGE, image, action)


def library_image_row(image_id: int | None) -> Image | None:
    """The library image with this number, out of the trash."""
    image = db.session.get(Image, image_id) if image_id else None
    return image if image is not None and not image.in_trash else None


def _changed(image: Image) -> bool:
    return db.session.is_modified(image) or any(db.session.is_modified(t) for t in image.texts)
