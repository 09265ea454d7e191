"""The news section: list, article detail and the Atom feed."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from . import cards, feed, views  # noqa: E402,F401 - registers the routes on bp
