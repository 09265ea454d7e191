"""Login, logout and the admin's language switch."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash

from ..extensions import db
from ..i18n import LANGUAGES
from ..i18n.locale import set_language_cookie
from ..models import AdminSession, User
from ..models.sessions import purge_sessions
from ..models.users import MAX_PASSWORD_LENGTH, hash_password
from ..web.limits import Limit, attempt_key, limited_attempt
from . import bp
from .access import client_address, safe_next, session_clock, session_limits
from .audit import log_event, record_event
from .forms import LoginForm
from .pending import begin_second_step

# A hash to check unknown usernames against, so they take as long as known ones.
_dummy_hashes: dict[str, str] = {}


def login_limit() -> Limit:
    """Failed logins allowed per username and per address, e.g. "5 per 15 minutes"."""
    return Limit.parse(current_app.config["LOGIN_FAILURE_LIMIT"])


def login_keys(username: str) -> list[str]:
    """What failed logins are counted by: the username tried, and the client's address."""
    return [
        attempt_key("login-user", (username or "").strip().lower()),
        attempt_key("login-address", client_address()),
    ]


def authenticate(username: str, password: str) -> User | None:
    """The account when the password matches; the same slow work when it does not exist."""
    user = db.session.scalars(select(User).where(User.username == username.lower())).first()
    if user is None or len(password) > MAX_PASSWORD_LENGTH:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if method not in _dummy_hashes:
            _dummy_hashes[method] = hash_password("not a password of anybody here")
        check_password_hash(_dummy_hashes[method], password[:MAX_PASSWORD_LENGTH])
        return None
    return user if user.check_password(password) else None


def after_login_url() -> str:
    """Where ``next`` asks to go when it is a path on this site, else the dashboard."""
    return safe_next(request.args.get("next")) or url_for("admin.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; a new session starts on success. Failed tries are limited (429)."""
    if current_user.is_authenticated:
        return redirect(after_login_url())
    form = LoginForm()
    if request.method != "POST":
        return render_template("admin/login.html", form=form)
    with limited_attempt(login_keys(request.form.get("username", "")), login_limit()) as attempt:
        if not form.validate():
            return render_template("admin/login.html", form=form), 400
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            attempt.count()
            record_event("login failed", form.username.data)
            db.session.commit()  # nothing else of a failed login is saved
            error = gettext("The username or the password is wrong.")
            return render_template("admin/login.html", form=form, error=error), 401
    if user.has_second_factor():
        begin_second_step(user, after_login_url())
        log_event("password accepted", user.username, "second step next")
        return redirect(url_for("admin.second_step"))
    start_session(user)
    return redirect(after_login_url())


def start_session(user: User, method: str = "") -> None:
    """Log ``user`` in on a new session of its own: nothing from before the login survives.

    The account's sessions on other devices go on; rows of sessions past the absolute
    limit, of any account, are deleted on the way. ``method`` is written to the audit log
    ("passkey" for a login with a passkey alone).
    """
    now = session_clock()
    purge_sessions(now - session_limits()[1])
    user_agent = request.user_agent.string
    user.current_session = AdminSession.open(user, user_agent, client_address(), now)
    user.last_login_at = now
    record_event("login", user.username, detail=method)
    db.session.commit()
    session.clear()  # such as a planted id
    login_user(user, fresh=True)


@bp.post("/logout")
def logout():
    """End this device's session and make every copy of its cookie worthless.

    The admin's sessions on other devices go on.
    """
    name = current_user.username
    current_user.current_session.end(session_clock())
    db.session.commit()
    logout_user()
    session.clear()
    log_event("logout", name)
    flash(gettext("You have been logged out."), "info")
    return redirect(url_for("admin.login"))


@bp.post("/language")
def language():
    """Switch the admin's language (remembered in the same cookie as the public site's)."""
    lang = request.form.get("lang")
    target = safe_next(request.form.get("next")) or url_for("admin.dashboard")
    response = redirect(target)
    if lang in LANGUAGES:
        set_language_cookie(response, lang)
    return response
