"""The translators' overview: catalog counts and content missing or behind a language."""

from __future__ import annotations

from flask import render_template

from ..i18n.status import content_status, interface_status
from ..web.memo import memoize_per_content
from . import bp


@bp.get("/translations/")
def translations():
    """What remains to translate, in the interface and in the content."""
    # Finding what is missing or behind reads every article (0.2 s at 100,000): once per
    # content version and worker.
    content = memoize_per_content(("content_status",), content_status)
    return render_template("admin/translations.html", catalogs=interface_status(), content=content)
