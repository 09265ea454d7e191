"""Uploaded photos, served under /media/ with a long cache (their names never change)."""

from pathlib import Path

from flask import Blueprint, current_app, send_from_directory

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
