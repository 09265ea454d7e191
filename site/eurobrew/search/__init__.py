"""Site search in the page's language: /sk/hladat, /en/search (and the admin lists' search)."""

from flask import Blueprint

bp = Blueprint("search", __name__)

from . import views  # noqa: E402,F401 - registers the routes on bp
