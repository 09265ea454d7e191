"""Logging in with a passkey: as the second step after the password, or in place of both.

In place of the password and a code the passkey must be discoverable (the browser offers
the accounts it holds) and its authenticator must have checked its owner (PIN, fingerprint,
face): then the passkey is something the admin has and something they know or are, two
factors in one step. Failed tries are limited like wrong passwords (429).
"""

from __future__ import annotations

from flask import request
from flask_babel import gettext
from webauthn import generate_authentication_options
from webauthn.helpers import base64url_to_bytes
from webauthn.helpers.exceptions import WebAuthnException  # every check, malformed JSON too
from webauthn.helpers.structs import UserVerificationRequirement

from ..extensions import db
from ..models import User
from ..web.limits import attempt_key, limited_attempt
from . import bp
from .access import client_address, safe_next
from .audit import record_event_now
from .auth import login_limit, start_session
from .passkeys import (
    answer,
    descriptors,
    find_passkey,
    posted_credential,
    refused,
    relying_party,
    verify_use,
)
from .pending import pending_user
from .second_step import finish_login

REFUSED_ERRORS = (WebAuthnException, LookupError, ValueError, TypeError)


@bp.post("/login/passkey/options")
def passkey_login_options():
    """Options for the second login step with one of the account's passkeys."""
    user = pending_user()
    if user is None:
        return refused(gettext("Please log in again."), 401)
    rp_id, _ = relying_party()
    options = generate_authentication_options(rp_id=rp_id, allow_credentials=descriptors(user.id))
    return answer(options)


@bp.post("/login/passkey")
def passkey_login():
    """The second login step with a passkey: check its signature, then log in."""
    user = pending_user()
    if user is None:
        return refused(gettext("Please log in again."), 401)
    credential = posted_credential()
    try:
        verify_use(find_passkey(credential, user.id), credential)
    except REFUSED_ERRORS:
        record_event_now("second step failed", user.username, detail="passkey")
        return refused(gettext("The passkey was not accepted."), 401)
    db.session.commit()
    return {"next": finish_login(user)}


@bp.post("/login/with-passkey/options")
def passkey_signin_options():
    """Options for logging in with a passkey alone: any of the site's, its owner verified."""
    rp_id, _ = relying_party()
    options = generate_authentication_options(
        rp_id=rp_id, user_verification=UserVerificationRequirement.REQUIRED
    )
    return answer(options)


@bp.post("/login/with-passkey")
def passkey_signin():
    """Log in with a passkey in place of the password and the second step."""
    credential = posted_credential()
    keys = [attempt_key("passkey-address", client_address())]
    with limited_attempt(keys, login_limit()) as attempt:
        try:
            passkey = find_passkey(credential)
            check_user_handle(credential, passkey.user_id)
            verify_use(passkey, credential, verified_user=True)
        except REFUSED_ERRORS:
            attempt.count()
            record_event_now("login failed", "", detail="passkey")
            return refused(gettext("The passkey was not accepted."), 401)
    start_session(db.session.get(User, passkey.user_id), method="passkey")  # saves the count
    return {"next": safe_next(request.args.get("next")) or "/admin/"}


def check_user_handle(credential: dict, user_id: int) -> None:
    """The account the authenticator names must own the passkey (ValueError if not)."""
    handle = (credential.get("response") or {}).get("userHandle")
    if handle and base64url_to_bytes(str(handle)) != str(user_id).encode():
        raise ValueError("the passkey belongs to another account")
