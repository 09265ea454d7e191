"""The language switch: the same content's URL in every language, as the view recorded it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, url_for
from flask_babel import force_locale, gettext

from . import LANGUAGE_NAMES, LANGUAGES
from .locale import current_language


@dataclass(frozen=True)
class SwitchLink:
    """One entry of the language switch."""

    lang: str
    name: str
    url: str
    current: bool
    missing_note: str | None = None  # said in ``lang`` when the content is not translated


def set_counterparts(urls: dict[str, str], fallback_endpoint: str = "pages.home") -> None:
    """Record the same content's URL per language for the switch of the page being built.

    A language missing from ``urls`` gets a link to ``fallback_endpoint`` in that language
    and a note, in that language, that the content was not translated.
    """
    g.counterparts = urls
    g.counterpart_fallback = fallback_endpoint


def same_page_everywhere(endpoint: str, **values) -> None:
    """Record ``endpoint`` (a list, a form, a home) as its own counterpart in every language."""
    set_counterparts({lang: url_for(endpoint, lang=lang, **values) for lang in LANGUAGES})


def recorded_counterparts() -> dict[str, str]:
    """The same content's URL per language, as the view recorded it (empty when it did not)."""
    return dict(g.get("counterparts") or {})


def language_switch() -> list[SwitchLink]:
    """The switch for the current page, built from what the view recorded."""
    current = current_language()
    urls = recorded_counterparts()
    fallback = g.get("counterpart_fallback", "pages.home")
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
        links.append(SwitchLink(lang, LANGUAGE_NAMES[lang], url, lang == current, note))
    return links
