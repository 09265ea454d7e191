"""The Security page: the admin's authenticator app, recovery codes and passkeys."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user

from ..extensions import db
from ..models import Passkey
from ..models.factors import passkeys_of, recovery_codes_of, unused_recovery_codes
from ..web.limits import limited_attempt
from . import bp
from .audit import record_event_now
from .auth import login_limit
from .recovery import new_recovery_codes
from .second_step import check_code, second_step_keys
from .security_forms import ConfirmAppForm, NewCodesForm, PasskeyNameForm, RemoveFactorForm
from .totp import matching_step, new_secret, provisioning_uri, qr_svg

# The secret of an app being added, kept in the session until its first code confirms it.
NEW_SECRET = "new_totp_secret"  # noqa: S105 - a session key, not a secret


def render_security(status: int = 200, **forms):
    """The Security page with the account's factors and a form for each change."""
    forms.setdefault("remove_form", RemoveFactorForm())
    forms.setdefault("codes_form", NewCodesForm())
    forms.setdefault("passkey_form", PasskeyNameForm())
    page = render_template(
        "admin/security.html",
        admin_section="security",
        passkeys=passkeys_of(current_user.id),
        codes_left=len(unused_recovery_codes(current_user.id)),
        **forms,
    )
    return page, status


def render_new_codes(codes: list[str]):
    """The new recovery codes, shown this once."""
    return render_template("admin/recovery_codes.html", admin_section="security", codes=codes)


@bp.get("/security")
def security():
    """The account's second factors."""
    return render_security()


@bp.route("/security/app", methods=["GET", "POST"])
def totp_enrol():
    """Add an authenticator app: its QR code and secret, confirmed by its first code."""
    if current_user.totp_secret:
        return redirect(url_for("admin.security"))
    secret = session.get(NEW_SECRET) or new_secret()
    session[NEW_SECRET] = secret
    form = ConfirmAppForm()
    error = None
    if form.validate_on_submit():
        step = matching_step(secret, form.code.data)
        if step is not None:
            return confirm_app(secret, step)
        error = gettext("This code is wrong. Check the time on your phone and try again.")
    uri = provisioning_uri(secret, current_user.username)
    page = render_template(
        "admin/totp_enrol.html",
        admin_section="security",
        form=form,
        qr=qr_svg(uri),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        error=error,
    )
    return page, (400 if request.method == "POST" else 200)


def confirm_app(secret: str, step: int):
    """Turn the app on; the first factor also brings the recovery codes."""
    session.pop(NEW_SECRET, None)
    current_user.totp_secret = secret
    current_user.totp_last_step = step  # the confirming code is used up too
    db.session.commit()
    record_event_now("authenticator app added", current_user.username)
    if unused_recovery_codes(current_user.id):
        flash(gettext("The authenticator app is on."), "success")
        return redirect(url_for("admin.security"))
    record_event_now("recovery codes created", current_user.username)
    return render_new_codes(new_recovery_codes(current_user))


def removal_allowed(form: RemoveFactorForm) -> bool:
    """The password and a current code, or the form's errors say why not."""
    if not form.validate_on_submit():
        return False
    # Limited like the second login step: a stolen session cannot try codes without end.
    with limited_attempt(second_step_keys(current_user.username), login_limit()) as attempt:
        if not current_user.check_password(form.password.data):
            form.password.errors.append(gettext("The password is wrong."))
        elif check_code(current_user, form.code.data) is None:
            form.code.errors.append(gettext("This code is wrong or was used already."))
            record_event_now("second step failed", current_user.username, detail="removal")
        if form.errors:
            attempt.count()
    return not form.errors


@bp.post("/security/app/remove")
def totp_remove():
    """Remove the authenticator app: needs the password and a current code."""
    form = RemoveFactorForm()
    if not removal_allowed(form):
        return render_security(400, remove_form=form)
    current_user.totp_secret = None
    current_user.totp_last_step = None
    db.session.commit()
    record_event_now("authenticator app removed", current_user.username)
    flash(gettext("The authenticator app was removed."), "success")
    return redirect(url_for("admin.security"))


@bp.post("/security/passkeys/<int:passkey_id>/remove")
def passkey_remove(passkey_id: int):
    """Remove a passkey: needs the password and a current code."""
    passkey = db.session.get(Passkey, passkey_id)
    if passkey is None or passkey.user_id != current_user.id:
        abort(404)
    form = RemoveFactorForm()
    if not removal_allowed(form):
        return render_security(400, remove_form=form)
    db.session.delete(passkey)
    db.session.commit()
    record_event_now("passkey removed", current_user.username, detail=passkey.name)
    flash(gettext("The passkey was removed."), "success")
    return redirect(url_for("admin.security"))


@bp.get("/security/recovery-codes/first")
def first_recovery_codes():
    """After a first passkey: the account's first recovery codes, shown this once.

    An account that has had codes goes to the Security page instead (new ones need the
    password there).
    """
    if not current_user.has_second_factor() or recovery_codes_of(current_user.id):
        return redirect(url_for("admin.security"))
    record_event_now("recovery codes created", current_user.username)
    return render_new_codes(new_recovery_codes(current_user))


@bp.post("/security/recovery-codes")
def recovery_codes():
    """New recovery codes (the old ones stop working): needs the password."""
    form = NewCodesForm()
    if not form.validate_on_submit():
        return render_security(400, codes_form=form)
    if not current_user.check_password(form.password.data):
        form.password.errors.append(gettext("The password is wrong."))
        return render_security(400, codes_form=form)
    record_event_now("recovery codes created", current_user.username)
    return render_new_codes(new_recovery_codes(current_user))
