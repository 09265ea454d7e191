"""Error pages in the visitor's language, inside the site's frame."""

import sqlite3

import psycopg
from flask import Flask, current_app, render_template
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from ..extensions import db

# Seconds a visitor (or a crawler) is asked to wait when the database does not answer.
RETRY_AFTER = 30


def render_http_error(error: HTTPException):
    """4xx pages: the menu, footer and a message in the requested language."""
    return render_template("errors/error.html", error=error), error.code


def render_server_error(error: Exception):
    """A failure inside the app: a minimal page that needs nothing that may have failed."""
    db.session.rollback()
    return render_template("errors/500.html"), 500


def render_database_unavailable(error: Exception):
    """The database does not answer: a 503 that needs no database, in the visitor's language.

    Nothing is kept from the failed request; the next request tries the database anew,
    so the site recovers by itself when the database returns.
    """
    current_app.logger.error("database unavailable: %s", str(error).replace("\n", " ")[:300])
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 - the connection is already gone; the pool replaces it
        db.session.remove()
    return render_template("errors/503.html"), 503, {"Retry-After": str(RETRY_AFTER)}


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(HTTPException, render_http_error)
    # Only errors that say the database cannot be reached or used right now; a refused
    # statement (IntegrityError, DataError) is a fault of the app and stays a logged 500.
    for database_error in (
        OperationalError,
        InterfaceError,
        sqlite3.OperationalError,
        psycopg.OperationalError,
        psycopg.InterfaceError,
    ):
        app.register_error_handler(database_error, render_database_unavailable)
    app.register_error_handler(500, render_server_error)
