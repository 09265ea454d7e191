"""An article's card (title, place, date, first lines) on the home page and the news list.

The same card shows on the home page and on a page of the news list, in every worker, until
the content changes: it is rendered once per content version (``fragments`` of the memo,
bounded) rather than by a Jinja macro call on every uncached list.
"""

from __future__ import annotations

from flask import get_template_attribute
from markupsafe import Markup

from ..i18n.locale import current_language
from ..web.memo import memoize_per_content
from . import bp


@bp.app_template_global()
def article_card(translation, heading: str = "h2") -> Markup:
    """The card of ``translation`` under a ``heading`` element (h2 on the list, h3 on home)."""
    key = ("article_card", current_language(), translation.lang, translation.slug, heading)
    return memoize_per_content(key, lambda: _card_html(translation, heading), "fragments")


def _card_html(translation, heading: str) -> Markup:
    macro = get_template_attribute("_macros.html", "article_card_html")
    return macro(translation, heading=heading)
