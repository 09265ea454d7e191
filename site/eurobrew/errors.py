"""Error pages in the visitor's language, inside the site's frame."""

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

from .extensions import db


def render_http_error(error: HTTPException):
    """4xx pages: the menu, footer and a message in the requested language."""
    return render_template("errors/error.html", error=error), error.code


def render_server_error(error: Exception):
    """A failure inside the app: a minimal page that needs nothing that may have failed."""
    db.session.rollback()
    return render_template("errors/500.html"), 500


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(HTTPException, render_http_error)
    app.register_error_handler(500, render_server_error)
