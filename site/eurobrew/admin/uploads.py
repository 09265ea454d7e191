"""Checking an uploaded picture: the same rules for an article's photo and the library."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from PIL import Image
from wtforms.validators import ValidationError

from ..media import upload_folder
from ..media.pixels import TooManyPixels, UnsupportedImage, megapixel_caps, open_upload
from ..media.storage import StoredPhoto, store_picture, stored_photo


class PictureNotStored(Exception):
    """The new picture could not be written; the form says so."""


def store_upload(picture, file_field, pending_field, focal=(50, 50)) -> StoredPhoto | None:
    """A form's new picture, stored now with its renditions, or the one kept from before.

    ``picture`` is the decoded upload (None when none came); its file name goes into
    ``pending_field``, so a form shown again (an error, a conflict, a preview) keeps it
    without a second upload. Raises PictureNotStored, with the reason on ``file_field``,
    when the disk fails.
    """
    folder = upload_folder()
    if picture is None:
        return stored_photo(pending_field.data, folder)
    try:
        stored = store_picture(picture, folder, focal)
    except OSError as error:
        # A full disk or an upload folder that cannot be written: store_picture has removed
        # what it began, and nothing reached the database.
        current_app.logger.exception("the picture could not be stored in %s", folder)
        file_field.errors.append(
            gettext(
                "The photo could not be stored: the server's disk is full or its photo folder "
                "cannot be written. Nothing was saved. Please tell the site's administrator."
            )
        )
        raise PictureNotStored from error
    pending_field.data = stored.name
    return stored


def decoded_upload(upload) -> Image.Image | None:
    """The pixels of an uploaded JPEG, PNG or WebP that decodes in full, whatever its name
    says; None when no file was chosen. Raises ValidationError with the reason otherwise."""
    if not upload or not getattr(upload, "filename", ""):
        return None
    limit_mb = current_app.config["MAX_UPLOAD_MB"]
    upload.stream.seek(0, 2)
    size = upload.stream.tell()
    upload.stream.seek(0)
    if size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _l("The photo is larger than %(size)d MB. Choose a smaller one.", size=limit_mb)
        )
    try:
        return open_upload(upload.stream)
    except TooManyPixels as err:
        most, webp = megapixel_caps()
        raise ValidationError(
            _l(
                "The photo has too many pixels: at most %(most)d megapixels (a WebP at most "
                "%(webp)d). Choose a smaller one.",
                most=most,
                webp=webp,
            )
        ) from err
    except UnsupportedImage as err:
        raise ValidationError(
            _l("This file is not a JPEG, PNG or WebP image. Choose a photo in one of them.")
        ) from err
