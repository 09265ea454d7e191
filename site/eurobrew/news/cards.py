"""An article's card (title, place, date, first lines) on the home page and the news list.

The same card shows on the home page and on a page of the news list, in every worker, until
the content changes: it is rendered once per content version (``fragments`` of the memo,
bounded) rather than by a Jinja macro call on every uncached list.
"""

from __future__ import annotations

from flask import get_template_attribute
from markupsafe import Markup, escape

from ..i18n.locale import current_language, format_day
from ..web.memo import memoize_many
from . import bp


@bp.app_template_global()
def article_cards(translations, heading: str = "h2", indent: str = "") -> Markup:
    """The cards of ``translations`` under ``heading`` elements (h2 on the list, h3 on
    home), each after ``indent`` and on lines of its own: one template call for a page's
    cards, not one each."""
    lang = current_language()
    keys = [("article_card", lang, t.lang, t.slug, heading) for t in translations]
    cards = memoize_many(keys, lambda n: _card_html(translations[n], heading), "fragments")
    return Markup("".join(f"{indent}{card}\n" for card in cards))  # noqa: S704 - autoescaped


@bp.app_template_global()
def article_meta(translation, article, format: str = "medium") -> Markup:
    """The line under an article's title: its place, if any, and its date in the page's
    language (written here: a Jinja macro call cost the article page more than the line)."""
    place = f"{escape(translation.place)}, " if translation.place else ""
    day = article.published_on
    when = f'<time datetime="{day.isoformat()}">{escape(format_day(day, format))}</time>'
    return Markup(f'<p class="meta">{place}{when}</p>')  # noqa: S704 - the texts are escaped


def _card_html(translation, heading: str) -> Markup:
    macro = get_template_attribute("_macros.html", "article_card_html")
    return macro(translation, heading=heading)
