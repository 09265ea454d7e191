"""A login half done: the password was right and the second step is still to come.

Until the second step succeeds no admin session exists, so nothing the session guard lets
through can be reached; the signed session cookie only names the account and when the
password was accepted.
"""

from __future__ import annotations

import time

from flask import session

from ..extensions import db
from ..models import User

PENDING = "second_step"
# Minutes between the password and the second step before the password is asked again.
PENDING_SECONDS = 5 * 60


def begin_second_step(user: User, target: str) -> None:
    """Remember that ``user`` gave the right password; ``target`` is where to go after."""
    session.clear()  # such as a planted id, or an earlier half login
    session[PENDING] = {
        "user": user.id,
        "at": int(time.time()),
        "password": user.password_changed_at.isoformat(),
        "next": target,
    }


def pending_user() -> User | None:
    """The account of the half-done login, unless it is too old or the password changed."""
    data = session.get(PENDING)
    if not isinstance(data, dict) or time.time() - data.get("at", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, data.get("user"))
    if user is None or user.password_changed_at.isoformat() != data.get("password"):
        return None
    return user


def pending_target() -> str:
    """Where the half-done login was going."""
    return session.get(PENDING, {}).get("next") or "/admin/"
