"""Uploaded photos, served under /media/ with a long cache (their names never change)."""

from pathlib import Path

from flask import Blueprint, current_app, send_from_directory, url_for

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
