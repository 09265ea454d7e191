"""The audit log: logins, failed logins, factor, role and account changes and deletions of
content, with who, when and from where; kept in the database and written to the server log.
"""

from __future__ import annotations

import logging

from flask import has_request_context, render_template, request
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent
from ..web.pagination import requested_page
from . import bp

log = logging.getLogger("eurobrew.audit")
PER_PAGE = 50


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


def request_address() -> str:
    """The request's address as the app sees it (after the proxy fix); "-" on the command line."""
    return (request.remote_addr or "-") if has_request_context() else "-"


def record_event(action: str, username: str, detail: str = "") -> None:
    """Add an audit row to the current database session and log one INFO line.

    The caller's transaction commits the row with the change it records; a caller that
    commits nothing (a failed login) commits it itself.
    """
    address = request_address()
    db.session.add(
        AuditEvent(
            action=action[:40],
            username=(username or "")[:80],
            address=address[:64],
            detail=(detail or "")[:500],
        )
    )
    log_event(action, username, detail)


def log_event(action: str, username: str | None, detail: str = "") -> None:
    """Write one INFO line of the audit log to the server log only (a logout, a session
    ended): every part escaped, so that no typed name can forge a line."""
    log.info(
        "audit: action=%s user=%s address=%s detail=%s",
        log_safe(action),
        log_safe(username),
        log_safe(request_address()),
        log_safe(detail, 500),
    )


def record_event_now(action: str, username: str, detail: str = "") -> None:
    """Record an event that no other change of the request commits (a failed step, a
    factor saved just before), and commit it."""
    record_event(action, username, detail)
    db.session.commit()


@bp.get("/audit")
def audit_log():
    """The audit log, newest first, a page at a time (admins only: permissions.RULES)."""
    newest = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    pagination = db.paginate(newest, page=requested_page(), per_page=PER_PAGE)
    return render_template("admin/audit.html", events=pagination.items, pagination=pagination)
