"""The news section: list, article detail (feeds come with the search-engine work)."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from . import views  # noqa: E402,F401 - registers the routes on bp
