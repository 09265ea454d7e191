"""Checking an uploaded picture: the same rules for an article's photo and the library."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image
from wtforms.validators import ValidationError

from ..media.pixels import TooManyPixels, UnsupportedImage, megapixel_caps, open_upload


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
