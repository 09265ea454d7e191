"""Saving a library image: its files first (renditions made now), then its row and revision
in one transaction."""

from __future__ import annotations

from ..extensions import db
from ..i18n import LANGUAGES
from ..media import upload_folder
from ..media.renditions import build_renditions
from ..media.storage import StoredPhoto
from ..models import Image
from ..models.base import utcnow
from ..models.revisions import RevisionAction
from ..models.snapshots import set_image_texts
from ..models.translated import assign
from .editing import commit_revision, ensure_baseline
from .kinds import IMAGE
from .media_forms import ImageForm
from .uploads import store_upload


def image_data(image: Image) -> dict:
    """The form's initial values for ``image``."""
    data = {
        "version": image.version,
        "decorative": image.decorative,
        "credit": image.credit,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
    }
    for lang in LANGUAGES:
        text = image.text(lang)
        data[lang] = {"alt": text.alt, "caption": text.caption} if text else {}
    return data


def _focal(form: ImageForm) -> tuple[int, int]:
    x, y = form.focal_x.data, form.focal_y.data
    return (50 if x is None else x, 50 if y is None else y)


def new_picture_of(form: ImageForm) -> StoredPhoto | None:
    """The form's new file with its renditions, or the one kept from before; raises
    PictureNotStored when the disk fails. Stored once: a second call reuses it."""
    stored = store_upload(form.picture, form.file, form.pending_file, _focal(form))
    form.picture = None
    return stored


def save_image(image: Image | None, form: ImageForm, username: str) -> Image:
    """Save a validated form with its revision; a new image takes its new file."""
    stored = new_picture_of(form) if image is None else None
    creating = image is None
    focal_before = None
    try:
        if creating:
            stem = stored.name.removesuffix(".jpg")
            image = Image(stem=stem, width=stored.width, height=stored.height)
            db.session.add(image)
        else:
            ensure_baseline(IMAGE, image)
            focal_before = (image.focal_x, image.focal_y)
        for name in ("decorative", "credit"):
            assign(image, name, getattr(form, name).data)
        image.focal_x, image.focal_y = _focal(form)
        set_image_texts(image, form.texts())
        image.updated_by = username
        image.updated_at = utcnow()
        db.session.flush()
        action = RevisionAction.CREATED if creating else RevisionAction.SAVED
        commit_revision(IMAGE, image, action, username)
    except BaseException:
        db.session.rollback()
        raise
    if focal_before not in (None, (image.focal_x, image.focal_y)):
        # The share crop follows the focal point; the other renditions keep the whole picture.
        build_renditions(upload_folder(), image.stem, (image.focal_x, image.focal_y))
    return image
