"""The admin area at /admin/: login, dashboard and the content editors."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Importing the modules registers their routes and handlers on bp.
from . import (  # noqa: E402,F401
    access,
    articles,
    auth,
    contact,
    dashboard,
    errors,
    history,
    inbox,
    pages,
    templating,
    translations,
    trash,
)
