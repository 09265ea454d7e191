"""The translators' overview: catalog counts and content missing or behind a language."""

from __future__ import annotations

from flask import render_template

from ..i18n.status import content_status, interface_status
from . import bp


@bp.get("/translations/")
def translations():
    """What remains to translate, in the interface and in the content."""
    return render_template(
        "admin/translations.html", catalogs=interface_status(), content=content_status()
    )
