"""Languages: locale selection, the /<lang>/ URL prefix and the language switch."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, current_app, g, has_request_context, request, url_for
from flask_babel import force_locale, gettext
from werkzeug.routing import BaseConverter

LANGUAGES: tuple[str, ...] = ("sk", "en")
DEFAULT_LANGUAGE = "sk"
# Each language names itself in the switch, as visitors look for their own language's name.
LANGUAGE_NAMES = {"sk": "Slovensky", "en": "English"}
LANGUAGE_COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


class LanguageConverter(BaseConverter):
    """Matches only the site's language codes, so /de/... is simply not found."""

    regex = "|".join(LANGUAGES)


def language_from_path(path: str) -> str | None:
    """The language prefix of a URL path, or None."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES else None


def negotiated_language() -> str:
    """The visitor's remembered choice, else the best Accept-Language match, else Slovak."""
    remembered = request.cookies.get(LANGUAGE_COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def select_locale() -> str:
    """Flask-Babel's locale selector: the URL's language; works outside a request too."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    return language_from_path(request.path) or negotiated_language()


def current_language() -> str:
    """The language of the page being rendered."""
    return select_locale()


def remember_language(response: Response) -> Response:
    """After a page in a language was shown, remember that language for the next visit to /.

    The cookie is the page's own language, the same for every visitor of that URL, so the
    response stays shareable by caches in front of the app.
    """
    if not has_request_context() or response.status_code != 200:
        return response
    lang = language_from_path(request.path)
    if lang:
        set_language_cookie(response, lang)
    return response


def set_language_cookie(response: Response, lang: str) -> None:
    """Remember ``lang`` for a year; Secure exactly when the session cookie is."""
    response.set_cookie(
        LANGUAGE_COOKIE,
        lang,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        secure=current_app.session_interface.get_cookie_secure(current_app),
    )


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


def recorded_counterparts() -> dict[str, str]:
    """The same content's URL per language, as the view recorded it (empty when it did not)."""
    return dict(getattr(g, "counterparts", None) or {})


def language_switch() -> list[SwitchLink]:
    """The switch for the current page, built from what the view recorded."""
    current = current_language()
    urls = recorded_counterparts()
    fallback = getattr(g, "counterpart_fallback", "pages.home")
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


def init_app(app: Flask) -> None:
    """Register the language converter, the cookie that remembers the choice and the reload."""
    from . import runtime

    app.url_map.converters["lang"] = LanguageConverter
    app.after_request(remember_language)
    runtime.init_app(app)
