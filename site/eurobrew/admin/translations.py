"""The translators' overview: catalog counts, content missing or behind a language, and the
content's .po files to download and upload."""

from __future__ import annotations

from flask import render_template

from ..content_po.status import language_counts
from ..i18n.status import content_status, interface_status
from ..web.memo import memoize_per_content
from . import bp
from .content_po import ImportForm


def _counts():
    return language_counts(memoize_per_content(("content_status",), content_status))


@bp.get("/translations/")
def translations():
    """What remains to translate, in the interface and in the content."""
    # Finding what is missing or behind reads every article (0.2 s at 100,000): once per
    # content version and worker.
    content = memoize_per_content(("content_status",), content_status)
    counts = memoize_per_content(("content_counts",), _counts)
    return render_template(
        "admin/translations.html",
        catalogs=interface_status(),
        content=content,
        counts=counts,
        import_form=ImportForm(),
    )
