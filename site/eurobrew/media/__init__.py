"""Uploaded photos, served under /media/ with a long cache (their names never change)."""

from pathlib import Path

from flask import Blueprint, current_app, send_from_directory

from ..i18n.locale import current_language
from .bodies import render_body
from .library import figure, share_image

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


@bp.app_template_filter("body")
def body_filter(item, first_is_top: bool = False):
    """An article's or page's body as HTML, its library images in the page's language."""
    return render_body(item, current_language(), first_is_top)


@bp.app_template_global()
def photo_figure(image, priority: bool = True):
    """A page's top photo (a library image) as a figure in the page's language."""
    return figure(image, current_language(), priority)


@bp.app_template_global("share_image")
def share_image_of(image) -> dict:
    """The Open Graph image of a page's photo, described in the page's language."""
    return share_image(image, current_language())
