"""URL converters shared by the blueprints."""

from flask import Flask
from werkzeug.routing import BaseConverter, IntegerConverter, ValidationError

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_MAX_LENGTH = 200
# The largest key of an INTEGER column in PostgreSQL; SQLite's limit is higher.
MAX_ROW_ID = 2**31 - 1


class SlugConverter(BaseConverter):
    """Only well-formed slugs reach a view: anything else (NUL bytes, slashes...) is a 404.

    PostgreSQL rejects NUL in text, so a stray byte must never get as far as a query.
    """

    regex = SLUG_PATTERN

    def to_python(self, value: str) -> str:
        if len(value) > SLUG_MAX_LENGTH:
            raise ValidationError()
        return value


class RowIdConverter(IntegerConverter):
    """A row's key, 1 to MAX_ROW_ID: larger numbers are a 404, not a database error.

    Both databases fail on a number beyond their integer type, and the failure would
    look like a database outage.
    """

    def __init__(self, url_map, *args, **kwargs):
        super().__init__(url_map, min=1, max=MAX_ROW_ID)


def reserved_segments(app: Flask, lang: str) -> set[str]:
    """Path segments the site routes itself where a page's slug would go (``/<lang>/<slug>``).

    Read from the URL map, so every route added later is reserved too: news, contact,
    privacy, feeds, search ... under the language, and admin, static, media, healthz ... at
    the top, which a page could not shadow but whose names would only confuse.
    """
    reserved = set()
    for rule in app.url_map.iter_rules():
        segments = [part for part in rule.rule.split("/") if part]
        if segments and segments[0] == lang:
            segments = segments[1:]
        elif segments and segments[0].startswith("<"):
            continue  # /<lang:lang>/... : the pages themselves
        if segments and "<" not in segments[0]:
            reserved.add(segments[0].lower())
    return reserved


def init_app(app: Flask) -> None:
    """Register the converters."""
    app.url_map.converters["slug"] = SlugConverter
    app.url_map.converters["id"] = RowIdConverter
