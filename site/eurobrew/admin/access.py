"""Admin sessions: who is logged in, for how long, and what every admin response carries."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, logout_user
from flask_login.config import EXEMPT_METHODS

from ..extensions import db, login_manager
from ..models import User
from ..web.headers import ADMIN_CSP
from . import bp

audit_log = logging.getLogger("eurobrew.admin")

# Pages of the admin blueprint that anonymous visitors may open.
OPEN_ENDPOINTS = frozenset({"admin.login", "admin.language", "admin.bare_prefix"})
# Keys this module keeps in the signed session cookie, in seconds since the epoch.
LOGIN_TIME = "auth_at"
LAST_SEEN = "seen_at"


def log_safe(text: str | None, limit: int = 200) -> str:
    """``text`` for one log line: control characters escaped so nobody can forge lines."""
    out = []
    for char in (text or "")[:limit]:
        if char == "\\":
            out.append("\\\\")
        elif char.isprintable():
            out.append(char)
        else:
            out.append(f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}")
    return "".join(out)


def client_address() -> str:
    """The address the request came from (set by the front server's proxy fix, if any)."""
    return request.remote_addr or "-"


def audit(event: str, username: str | None) -> None:
    """Log a login event with the username and client address, each escaped."""
    audit_log.info(
        "admin %s: user=%s address=%s", event, log_safe(username), log_safe(client_address())
    )


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


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account of a session, or None once that session's token has been replaced."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_token != token:
        return None
    return user


@login_manager.unauthorized_handler
def send_to_login():
    """Anonymous visitors of an admin page go to the login form, then back."""
    target = request.full_path if request.query_string else request.path
    return redirect(url_for("admin.login", next=target))


def start_session_clock() -> None:
    """Note the login time; idle and absolute expiry count from here."""
    now = int(time.time())
    session[LOGIN_TIME] = now
    session[LAST_SEEN] = now


def session_expired(now: float, idle_seconds: int, max_seconds: int) -> bool:
    """True when the session was idle too long or is older than the absolute limit."""
    login_time = session.get(LOGIN_TIME)
    last_seen = session.get(LAST_SEEN)
    if not isinstance(login_time, int) or not isinstance(last_seen, int):
        return True
    return now - last_seen > idle_seconds or now - login_time > max_seconds


def enforce_session_limits():
    """End an admin session after 30 minutes idle or 12 hours in all; else note activity."""
    if not current_user.is_authenticated:
        return None
    config = current_app.config
    now = time.time()
    idle, most = config["ADMIN_IDLE_MINUTES"] * 60, config["ADMIN_SESSION_HOURS"] * 3600
    if session_expired(now, idle, most):
        audit("session expired", current_user.username)
        logout_user()
        session.clear()
        flash(gettext("Your session has expired. Please log in again."), "info")
        return send_to_login()
    session[LAST_SEEN] = int(now)
    return None


def require_login():
    """The one guard of the admin area: every page but the login form needs an admin."""
    if request.endpoint in OPEN_ENDPOINTS or request.method in EXEMPT_METHODS:
        return None
    if current_user.is_authenticated:
        return None
    return login_manager.unauthorized()


def admin_headers(response: Response) -> Response:
    """Admin pages are private: never stored by a cache, never indexed; they run our script."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Content-Security-Policy"] = ADMIN_CSP
    return response


# Session checks first: an expired session is told so before it is sent to the login.
bp.before_request(enforce_session_limits)
bp.before_request(require_login)
bp.after_request(admin_headers)


def init_app(app: Flask) -> None:
    """Configure Flask-Login: where anonymous visitors of admin pages are sent."""
    login_manager.login_view = "admin.login"
