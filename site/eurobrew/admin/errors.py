"""Admin error pages in the admin's language: too many logins, too large uploads, stale forms."""

from __future__ import annotations

import math

from flask import current_app, render_template, request
from flask_babel import gettext, ngettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden, RequestEntityTooLarge, TooManyRequests

from . import bp
from .auth import login_limit
from .forms import LoginForm


@bp.errorhandler(TooManyRequests)
def too_many_logins(error: TooManyRequests):
    """After too many failed logins: say so, and for how long, in the admin's language."""
    seconds = error.retry_after or login_limit().seconds
    minutes = math.ceil(seconds / 60)
    message = ngettext(
        "Too many failed logins. Please try again in %(num)d minute.",
        "Too many failed logins. Please try again in %(num)d minutes.",
        minutes,
    )
    response = current_app.make_response(
        (render_template("admin/login.html", form=LoginForm(), error=message), 429)
    )
    response.headers["Retry-After"] = str(seconds)
    return response


# Where a translated content file is sent (admin/content_po.py).
CONTENT_FILE_ENDPOINTS = frozenset({"admin.content_upload", "admin.content_apply"})


def content_file_too_large():
    """A content .po file over the limit: the smaller files and the command that has none."""
    message = gettext(
        "The file is too large: at most %(size)d MB can be uploaded here. Nothing was saved. "
        "Download only the missing or outdated texts for a smaller file, or ask whoever runs "
        "the server to import this one with: flask translations import-content FILE",
        size=current_app.config["MAX_UPLOAD_MB"],
    )
    heading = gettext("The file is too large")
    return render_template("admin/message.html", heading=heading, message=message), 413


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error: RequestEntityTooLarge):
    """A request over the size limit was not read at all; explain and offer the way back."""
    if request.endpoint in CONTENT_FILE_ENDPOINTS:
        return content_file_too_large()
    message = gettext(
        "The upload is too large: a photo may have at most %(size)d MB. Nothing was saved. "
        "Go back, choose a smaller photo and send the form again.",
        size=current_app.config["MAX_UPLOAD_MB"],
    )
    heading = gettext("The upload is too large")
    return render_template("admin/message.html", heading=heading, message=message), 413


@bp.errorhandler(CSRFError)
def stale_form(error: CSRFError):
    """A form without a valid token: expired, sent twice, or sent from another site."""
    heading = gettext("The form could not be accepted")
    message = gettext(
        "The form has expired or did not come from this site. Nothing was saved. "
        "Go back, reload the page and send the form again."
    )
    return render_template("admin/message.html", heading=heading, message=message), 400


@bp.errorhandler(Forbidden)
def forbidden(error: Forbidden):
    """An action the account's role does not allow (admin/permissions.py)."""
    heading = gettext("Not allowed")
    message = gettext(
        "Your role does not allow this. Nothing was changed. If you need it, ask an admin."
    )
    return render_template("admin/message.html", heading=heading, message=message), 403
