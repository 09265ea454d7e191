"""The language of a request, decided once: from its URL, onto ``g.lang``.

A URL value preprocessor takes the language out of the matched route (``/<lang>/...``, or
the per-language rules that carry it as a default) and puts it on ``g``; a URL defaults
function puts it back into every URL built for a route that has one. Flask-Babel's locale
selector reads ``g``; pages without a language (the admin, ``/``) follow the visitor's
remembered choice, then the browser.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache

import flask_babel
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from flask import Blueprint, Flask, Response, current_app, g, request
from werkzeug.http import dump_cookie
from werkzeug.routing import BaseConverter

from ..contexts import app_globals, current_request, request_globals, running_app
from . import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, PATH_WORDS

LANGUAGE_COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def language_converter() -> type[BaseConverter]:
    """A converter that matches only the site's language codes, so /de/... is not found."""
    return type("LanguageConverter", (BaseConverter,), {"regex": "|".join(LANGUAGES)})


def take_language(endpoint: str | None, values: dict | None) -> None:
    """URL value preprocessor: the route's language onto ``g.lang`` (None where it has none).

    When no route matched, the path's first segment still names the language a 404 page
    should speak.
    """
    lang = values.pop("lang", None) if values else None
    if lang is None:
        request = current_request()
        if request.url_rule is None:
            first = request.path.lstrip("/").split("/", 1)[0]
            lang = first if first in LANGUAGES else None
    app_globals()["lang"] = lang


def give_language(endpoint: str, values: dict) -> None:
    """URL defaults: a URL built for a route with a language gets the page's own."""
    lang = g.get("lang")
    if lang and "lang" not in values and endpoint_takes_language(endpoint):
        values["lang"] = lang


def endpoint_takes_language(endpoint: str) -> bool:
    """True when ``endpoint``'s routes have a language (kept per app: routes do not change)."""
    known = current_app.extensions.setdefault("eurobrew.language_endpoints", {})
    if endpoint not in known:
        known[endpoint] = current_app.url_map.is_endpoint_expecting(endpoint, "lang")
    return known[endpoint]


def negotiated_language() -> str:
    """The visitor's remembered choice, else the best Accept-Language match, else Slovak."""
    remembered = request.cookies.get(LANGUAGE_COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of the page being built (Flask-Babel's locale selector too).

    Works outside a request (CLI, shell): the default language. A page asks about ten
    times, so ``g`` is read without its proxy (``request_globals``).
    """
    page = request_globals()
    if page is None:
        return DEFAULT_LANGUAGE
    return page.get("lang") or negotiated_language()


@cache
def parsed_locale(lang: str) -> Locale:
    """Babel's Locale for ``lang``, parsed once: parsing looks for its data files on disk."""
    return Locale.parse(lang)


@cache
def _language_name(code: str, in_lang: str) -> str:
    try:
        name = parsed_locale(code).get_display_name(parsed_locale(in_lang))
    except (ValueError, UnknownLocaleError):
        name = None
    return name or LANGUAGE_NAMES.get(code, code)


def language_name(code: str, in_lang: str | None = None, heading: bool = False) -> str:
    """``code``'s name in ``in_lang`` (the page's language by default) from CLDR, as a
    sentence writes it ("angličtina" on a Slovak page, "Slovak" on an English one), or
    with ``heading`` as a label on its own ("Angličtina"). The language switch names each
    language in its own words instead (``LANGUAGE_NAMES``)."""
    name = _language_name(code, in_lang or current_language())
    return name[:1].upper() + name[1:] if heading else name


@lru_cache(maxsize=4096)
def day_in(lang: str, day: date, format: str = "medium") -> str:
    """``day`` as ``lang`` writes it (CLDR's ``format``), each formatted once."""
    return format_date(day, format, locale=parsed_locale(lang))


def format_day(value, format: str = "medium") -> str:
    """The ``date`` filter: a date in the page's language, each day formatted once (a
    news list shows ten); a datetime goes through Flask-Babel, in the site's time zone."""
    if isinstance(value, datetime) or not isinstance(value, date):
        return flask_babel.format_date(value, format)
    return day_in(current_language(), value, format)


def babel_locale() -> Locale:
    """Flask-Babel's locale selector: the page's language, as a Locale parsed once."""
    return parsed_locale(current_language())


def remember_language(response: Response) -> Response:
    """After a page in a language was shown, remember that language for the next visit to /.

    The cookie is the page's own language, the same for every visitor of that URL, so the
    response stays shareable by caches in front of the app.
    """
    lang = app_globals().get("lang")
    if lang and response.status_code == 200:
        set_language_cookie(response, lang)
    return response


def set_language_cookie(response: Response, lang: str) -> None:
    """Remember ``lang`` for a year; Secure exactly when the session cookie is."""
    app = running_app()
    secure = app.session_interface.get_cookie_secure(app)
    hour = int(time.time() // 3600)
    response.headers.add("Set-Cookie", _language_cookie(lang, secure, hour))


@lru_cache(maxsize=16)
def _language_cookie(lang: str, secure: bool, hour: int) -> str:
    """The cookie's header, made once an hour: browsers count the year from Max-Age, and
    an Expires an hour early (for those that read only it) changes nothing."""
    return dump_cookie(
        LANGUAGE_COOKIE, lang, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True, secure=secure
    )


def add_language_rules(
    bp: Blueprint, word: str, endpoint: str, view: Callable, suffix: str = "", **options
) -> None:
    """Route ``view`` at ``/<lang>/<word in lang><suffix>`` for every language of the site.

    The rules are made when the blueprint is registered, from the languages known then.
    """

    def register(state) -> None:
        for lang in LANGUAGES:
            path = f"/{lang}/{PATH_WORDS[lang][word]}{suffix}"
            state.add_url_rule(path, endpoint, view, defaults={"lang": lang}, **options)

    bp.record(register)


def init_app(app: Flask) -> None:
    """Register the converter, the language's preprocessor and defaults, and its cookie."""
    app.url_map.converters["lang"] = language_converter()
    app.url_value_preprocessor(take_language)
    app.url_defaults(give_language)
    app.after_request(remember_language)
