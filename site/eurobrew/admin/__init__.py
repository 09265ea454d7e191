"""The admin area at /admin/: login, dashboard, the content editors and the sessions."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Importing the modules registers their routes and handlers on bp.
from . import (  # noqa: E402,F401
    access,
    accounts,
    articles,
    audit,
    auth,
    contact,
    content_po,
    dashboard,
    devices,
    errors,
    history,
    inbox,
    media,
    page_order,
    pages,
    passkey_login,
    passkeys,
    second_step,
    security,
    sessions,
    templating,
    translations,
    trash,
)
