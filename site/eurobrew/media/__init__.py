"""Uploaded photos, served under /media/ with a long cache (their names never change)."""

from pathlib import Path

from flask import Blueprint, current_app, send_from_directory, url_for

from ..i18n.locale import current_language
from .bodies import render_body
from .library import figure, library_image
from .storage import variant_name, variant_widths

bp = Blueprint("media", __name__)

ONE_YEAR = 365 * 24 * 3600


def upload_folder() -> Path:
    """Where uploaded photos live: ``UPLOAD_FOLDER``, else ``<instance>/uploads``."""
    configured = current_app.config.get("UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads"


@bp.route("/media/<path:filename>")
def photo(filename: str):
    """A stored photo; its random name changes whenever its content does."""
    response = send_from_directory(upload_folder(), filename, max_age=ONE_YEAR)
    response.cache_control.public = True
    response.cache_control.immutable = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.app_template_global()
def photo_srcset(name: str, width: int | None) -> str:
    """``srcset`` of a photo: its smaller copies (those stored) and the photo itself."""
    folder = upload_folder()
    entries = [
        f"{url_for('media.photo', filename=variant_name(name, w))} {w}w"
        for w in variant_widths(width or 0)
        if (folder / variant_name(name, w)).is_file()  # photos stored before copies existed
    ]
    if not entries:
        return ""
    return ", ".join([*entries, f"{url_for('media.photo', filename=name)} {width}w"])


@bp.app_template_filter("body")
def body_filter(text: str, first_is_top: bool = False):
    """An article's or page's body as HTML, its library images in the page's language."""
    return render_body(text, current_language(), first_is_top)


@bp.app_template_global()
def library_figure(image_id: int | None, priority: bool = False):
    """A library image as a figure in the page's language; empty when it is not there."""
    image = library_image(image_id)
    return figure(image, current_language(), priority) if image else ""
