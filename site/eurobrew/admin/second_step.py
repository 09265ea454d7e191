"""The second login step: a code from the app, a recovery code, or a passkey."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext

from ..models import User
from ..models.factors import passkeys_of, unused_recovery_codes
from ..web.limits import attempt_key, limited_attempt
from . import bp
from .access import client_address, safe_next
from .audit import record_event_now
from .auth import login_limit, start_session
from .pending import PENDING, pending_target, pending_user
from .recovery import use_recovery_code
from .security_forms import SecondStepForm
from .totp import check_totp


def second_step_keys(username: str) -> list[str]:
    """What wrong codes are counted by: the account, and the client's address."""
    return [
        attempt_key("second-step-user", username),
        attempt_key("second-step-address", client_address()),
    ]


def check_code(user: User, code: str) -> str | None:
    """Which kind of code ``code`` is for the account ("app", "recovery"), None when wrong.

    Either is used up: an app's code for its time step, a recovery code for good.
    """
    if check_totp(user, code):
        return "app"
    if use_recovery_code(user, code):
        left = len(unused_recovery_codes(user.id))
        record_event_now("recovery code used", user.username, detail=f"{left} left")
        return "recovery"
    return None


def finish_login(user: User) -> str:
    """Open the admin session after the second step; returns where to go now."""
    target = safe_next(pending_target()) or url_for("admin.dashboard")
    start_session(user)  # clears the half-done login with everything else
    return target


def render_step(user: User, form: SecondStepForm, error: str | None = None):
    """The second step's page, with the passkey button when the account has a passkey."""
    return render_template(
        "admin/second_step.html", form=form, error=error, has_passkeys=bool(passkeys_of(user.id))
    )


@bp.route("/login/verify", methods=["GET", "POST"])
def second_step():
    """Ask for the second factor; wrong codes are limited like wrong passwords (429)."""
    user = pending_user()
    if user is None:
        session.pop(PENDING, None)
        flash(gettext("Please log in again."), "info")
        return redirect(url_for("admin.login"))
    form = SecondStepForm()
    if request.method != "POST":
        return render_step(user, form)
    with limited_attempt(second_step_keys(user.username), login_limit()) as attempt:
        if not form.validate():
            return render_step(user, form), 400
        if check_code(user, form.code.data) is None:
            attempt.count()
            record_event_now("second step failed", user.username)
            error = gettext("This code is wrong or was used already.")
            return render_step(user, form, error), 401
    return redirect(finish_login(user))
