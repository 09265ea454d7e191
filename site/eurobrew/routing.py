"""URL converters shared by the blueprints."""

from flask import Flask
from werkzeug.routing import BaseConverter, ValidationError

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_MAX_LENGTH = 200


class SlugConverter(BaseConverter):
    """Only well-formed slugs reach a view: anything else (NUL bytes, slashes...) is a 404.

    PostgreSQL rejects NUL in text, so a stray byte must never get as far as a query.
    """

    regex = SLUG_PATTERN

    def to_python(self, value: str) -> str:
        if len(value) > SLUG_MAX_LENGTH:
            raise ValidationError()
        return value


def init_app(app: Flask) -> None:
    """Register the converters."""
    app.url_map.converters["slug"] = SlugConverter
