"""Refusals of the contact form that still give back everything the visitor typed."""

from __future__ import annotations

from flask import current_app
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import TooManyRequests

from . import bp
from .forms import ContactForm
from .views import rate_limit, render_form


@bp.errorhandler(TooManyRequests)
def too_many_messages(error: TooManyRequests):
    """Past the hourly limit: say so in the visitor's language, with the text kept."""
    response = current_app.make_response(render_form(ContactForm(), 429, "rate"))
    response.headers["Retry-After"] = str(error.retry_after or rate_limit().seconds)
    return response


@bp.errorhandler(CSRFError)
def stale_form(error: CSRFError):
    """A form without a valid token (expired session, cookies off): shown again to resend."""
    return render_form(ContactForm(), 400, "stale")
