"""The Sessions page: where the admin is logged in, and ending the other sessions."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user

from ..extensions import db
from ..models import AdminSession
from ..models.sessions import active_sessions
from . import bp
from .access import session_clock, session_limits
from .audit import log_event


def other_sessions() -> list[AdminSession]:
    """The account's active sessions on other devices, the latest used first."""
    here = current_user.current_session.id
    rows = active_sessions(current_user.id, session_clock(), *session_limits())
    return [row for row in rows if row.id != here]


@bp.get("/sessions")
def sessions():
    """This device's session first, then every other one still active."""
    config = current_app.config
    return render_template(
        "admin/sessions.html",
        current=current_user.current_session,
        others=other_sessions(),
        idle_minutes=config["ADMIN_IDLE_MINUTES"],
        session_hours=config["ADMIN_SESSION_HOURS"],
    )


@bp.post("/sessions/<int:session_id>/end")
def end_session(session_id: int):
    """End one of the account's sessions on another device (CSRFProtect checked the form).

    A session that has ended meanwhile is simply gone from the list; another account's
    session, or this device's own (logging out ends that), is not found here.
    """
    row = db.session.get(AdminSession, session_id)
    here = current_user.current_session.id
    if row is None or row.user_id != current_user.id or row.id == here:
        abort(404)
    if row.ended_at is None:
        row.end(session_clock())
        db.session.commit()
        log_event("session ended", current_user.username, f"session={row.id}")
    flash(gettext("The session was ended. That device must log in again."), "success")
    return redirect(url_for("admin.sessions"))


@bp.post("/sessions/end-others")
def end_other_sessions():
    """End every session of the account but this device's own."""
    rows, name = other_sessions(), current_user.username
    ended = [row.id for row in rows]
    now = session_clock()
    for row in rows:
        row.end(now)
    db.session.commit()
    for session_id in ended:
        log_event("session ended", name, f"session={session_id}")
    flash(gettext("All other sessions were ended."), "success")
    return redirect(url_for("admin.sessions"))
