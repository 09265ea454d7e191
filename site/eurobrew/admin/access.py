"""Admin sessions: who is logged in, for how long, and what every admin response carries."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext
from flask_login import current_user
from flask_login.config import EXEMPT_METHODS
from flask_login.utils import _user_context_processor

from ..extensions import db, login_manager
from ..models import AdminSession, User
from ..models.base import utcnow
from ..models.sessions import open_session
from ..web.headers import ADMIN_CSP
from . import bp
from .audit import log_event
from .pending import PENDING
from .permissions import require_permission

# Pages of the admin blueprint that anonymous visitors may open.
OPEN_ENDPOINTS = frozenset(
    {
        "admin.login",
        "admin.language",
        "admin.bare_prefix",
        "admin.passkey_signin_options",  # a passkey in place of the password and a code
        "admin.passkey_signin",
    }
)
# The second login step: open to a login half done (they check it themselves).
SECOND_STEP_ENDPOINTS = frozenset(
    {"admin.second_step", "admin.passkey_login_options", "admin.passkey_login"}
)
# What an account without a second factor may still open when REQUIRE_2FA is on.
ENROLMENT_ENDPOINTS = frozenset(
    {
        "admin.security",
        "admin.totp_enrol",
        "admin.recovery_codes",
        "admin.first_recovery_codes",
        "admin.passkey_register_options",
        "admin.passkey_register",
        "admin.logout",
        "admin.language",
    }
)
# The smallest step by which a session's last activity is written down.
ACTIVITY_STEP = timedelta(minutes=1)


def client_address() -> str:
    """The address the request came from (set by the front server's proxy fix, if any)."""
    return request.remote_addr or "-"


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site, else None (never another host)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(not c.isprintable() or c.isspace() for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def session_clock() -> datetime:
    """The time every session is opened, checked and ended by: one clock (tests move it)."""
    return utcnow()


def session_limits() -> tuple[timedelta, timedelta]:
    """How long a session may stay unused, and how long it may last in all."""
    config = current_app.config
    return (
        timedelta(minutes=config["ADMIN_IDLE_MINUTES"]),
        timedelta(hours=config["ADMIN_SESSION_HOURS"]),
    )


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account of an open session ("<user id>:<token>"), with that session attached.

    A session found past its idle or absolute limit is ended here, and its account noted
    on ``g`` so that the guard can tell the admin why the login form is back.
    """
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    row = open_session(token)
    if row is None or row.user_id != int(user_id):
        return None
    user = row.user
    now = session_clock()
    if row.expired(now, *session_limits()):
        g.expired_session_of = user.username
        row.end(now)
        db.session.commit()
        return None
    user.current_session = row
    return user


@login_manager.unauthorized_handler
def send_to_login():
    """Anonymous visitors of an admin page go to the login form, then back."""
    target = request.full_path if request.query_string else request.path
    return redirect(url_for("admin.login", next=target))


def note_activity(row: AdminSession) -> None:
    """Move the session's idle clock on, writing at most once a minute.

    A write per request would cost more than it tells: the idle limit is counted in
    minutes, so a session can end at most a minute before its exact idle time.
    """
    now = session_clock()
    if now - row.last_seen_at >= ACTIVITY_STEP:
        row.last_seen_at = now
        db.session.commit()


def enforce_session_limits():
    """Send an admin whose session ran out to the login, saying so; else note activity."""
    if current_user.is_authenticated:
        note_activity(current_user.current_session)
        return None
    expired_of = g.pop("expired_session_of", None)
    if expired_of is None:
        return None
    log_event("session expired", expired_of)
    session.clear()
    flash(gettext("Your session has expired. Please log in again."), "info")
    return send_to_login()


def require_login():
    """The one guard of the admin area: every page but the login form needs an admin.

    A login half done (password right, second step to come) opens nothing but the second
    step; with ``REQUIRE_2FA`` an account without a second factor opens nothing but the
    pages that add one.
    """
    if request.endpoint in OPEN_ENDPOINTS or request.method in EXEMPT_METHODS:
        return None
    if current_user.is_authenticated:
        return require_enrolment()
    if request.endpoint in SECOND_STEP_ENDPOINTS:
        return None
    if PENDING in session:
        return redirect(url_for("admin.second_step"))
    return login_manager.unauthorized()


def require_enrolment():
    """With ``REQUIRE_2FA``, send an account without a second factor to add one first."""
    if not current_app.config["REQUIRE_2FA"] or request.endpoint in ENROLMENT_ENDPOINTS:
        return None
    if current_user.has_second_factor():
        return None
    flash(gettext("Please set up a second factor before you continue."), "info")
    return redirect(url_for("admin.security"))


def admin_headers(response: Response) -> Response:
    """Admin pages are private: never stored by a cache, never indexed; they run our script."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Content-Security-Policy"] = ADMIN_CSP
    return response


# Session checks first: an expired session is told so before it is sent to the login.
bp.before_request(enforce_session_limits)
bp.before_request(require_login)
bp.before_request(require_permission)
bp.after_request(admin_headers)


def init_app(app: Flask) -> None:
    """Configure Flask-Login: where anonymous visitors of admin pages are sent.

    Templates get ``current_user`` as Flask-Login's proxy, looked up only where a template
    uses it (the admin's): Flask-Login's own context processor loads the user for every
    page, public ones too.
    """
    login_manager.login_view = "admin.login"
    processors = app.template_context_processors[None]
    processors[:] = [p for p in processors if p is not _user_context_processor]
    app.add_template_global(current_user, "current_user")  # a proxy: read when used
