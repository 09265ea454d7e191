"""What search engines and feed readers read: head metadata, sitemap and robots.txt."""

from flask import Blueprint

bp = Blueprint("seo", __name__)

from . import head, views  # noqa: E402,F401 - registers the routes and template helpers on bp
