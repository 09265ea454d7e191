"""The root redirect, each language's home and the content pages."""

from flask import Blueprint

bp = Blueprint("pages", __name__)

from . import views  # noqa: E402,F401 - registers the routes on bp
