"""The contact page with its form, the thank-you page and the privacy notice."""

from flask import Blueprint

bp = Blueprint("contact", __name__)

from . import errors, views  # noqa: E402,F401 - registers the routes and handlers on bp
