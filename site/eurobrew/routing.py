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


def init_app(app: Flask) -> None:
    """Register the converters."""
    app.url_map.converters["slug"] = SlugConverter
    app.url_map.converters["id"] = RowIdConverter
