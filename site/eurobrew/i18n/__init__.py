"""The site's languages: the one list, their names and the words of their paths.

Adding a language is adding it here (its name, Open Graph locale and path words), giving it
a catalog (``flask translations init``) and translating its content; on PostgreSQL a
migration adds the search's index of its texts (search/language_indexes.py).
Everything else reads these names; the routes in each language are made from them when the
app is built.
"""

from __future__ import annotations

from flask import Flask

LANGUAGES: tuple[str, ...] = ("sk", "en")
DEFAULT_LANGUAGE = "sk"
# Each language names itself in the switch, as visitors look for their own language's name.
LANGUAGE_NAMES = {"sk": "Slovensky", "en": "English"}
# Open Graph names a locale, not just a language.
OG_LOCALES = {"sk": "sk_SK", "en": "en_GB"}
# The site's own sections in each language's words: /sk/novinky/, /en/news/ ...
PATH_WORDS = {
    "sk": {
        "news": "novinky",
        "contact": "kontakt",
        "thanks": "kontakt/dakujeme",
        "privacy": "ochrana-osobnych-udajov",
        "search": "hladat",
    },
    "en": {
        "news": "news",
        "contact": "contact",
        "thanks": "contact/thank-you",
        "privacy": "privacy",
        "search": "search",
    },
}


def init_app(app: Flask) -> None:
    """The request's language from its URL, the remembered choice, and catalog reloading."""
    from . import locale, runtime

    locale.init_app(app)
    runtime.init_app(app)
