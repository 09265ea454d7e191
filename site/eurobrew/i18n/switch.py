"""The language switch: the same content's URL in every language, as the view recorded it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import force_locale, gettext
from markupsafe import Markup, escape

from ..contexts import app_globals
from ..extensions import page_translations
from . import LANGUAGE_NAMES, LANGUAGES
from .locale import current_language


@dataclass(frozen=True)
class SwitchLink:
    """One entry of the language switch."""

    lang: str  # its name is shown (LANGUAGE_NAMES)
    url: str
    current: bool
    missing_note: str | None = None  # said in ``lang`` when the content is not translated


def set_counterparts(urls: dict[str, str], fallback_endpoint: str = "pages.home") -> None:
    """Record the same content's URL per language for the switch of the page being built.

    A language missing from ``urls`` gets a link to ``fallback_endpoint`` in that language
    and a note, in that language, that the content was not translated.
    """
    page = app_globals()
    page["counterparts"], page["counterpart_fallback"] = urls, fallback_endpoint


def same_page_everywhere(endpoint: str) -> None:
    """Record ``endpoint`` (a list, a form, a home) as its own counterpart in every language."""
    set_counterparts({lang: url_for(endpoint, lang=lang) for lang in LANGUAGES})


def recorded_counterparts() -> dict[str, str]:
    """The same content's URL per language, as the view recorded it (empty when it did not)."""
    return dict(app_globals().get("counterparts") or {})


def language_switch() -> list[SwitchLink]:
    """The switch for the current page, built from what the view recorded."""
    current = current_language()
    page = app_globals()
    urls = dict(page.get("counterparts") or {})
    fallback = page.get("counterpart_fallback", "pages.home")
    links = []
    for lang in LANGUAGES:
        note = None
        url = urls.get(lang)
        if url is None:
            url = url_for(fallback, lang=lang)
            if lang != current and urls:
                with force_locale(lang):
                    # Translators: next to this language's name in the language switch, in
                    # this language, when the page has no translation into it; Slovak says
                    # "v slovenčine nie je k dispozícii" (not available in Slovak).
                    note = gettext("Not available in this language")
        links.append(SwitchLink(lang, url, lang == current, note))
    return links


def language_switch_nav() -> Markup:
    """The header's language switch as HTML: a ``<nav>`` with one link per language.

    Written here rather than as a template loop: it is part of every page.
    """
    # Translators: names the language switch for screen readers (the noun: the choice of
    # language).
    label = escape(page_translations().ugettext("Language"))
    items = "".join(_switch_item(link) for link in language_switch())
    nav = f'<nav class="language-switch" aria-label="{label}">\n      <ul>\n{items}'
    return Markup(nav + "      </ul>\n    </nav>")  # noqa: S704 - every value is escaped


# The languages' names as HTML, escaped once: they are on every page.
_NAMES_HTML = {lang: str(escape(name)) for lang, name in LANGUAGE_NAMES.items()}


def _switch_item(link: SwitchLink) -> str:
    current = ' aria-current="true"' if link.current else ""
    note = ""
    if link.missing_note:
        note = f' <span class="switch-note" lang="{link.lang}">({escape(link.missing_note)})</span>'
    return (
        f'        <li><a href="{escape(link.url)}" hreflang="{link.lang}" lang="{link.lang}"'
        f"{current}>{_NAMES_HTML[link.lang]}</a>{note}</li>\n"
    )
