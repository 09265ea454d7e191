"""Passkeys (WebAuthn): adding one on the Security page; what logging in with one needs.

The browser side is static/js/passkeys.js. Each ceremony takes two requests: the options
(with a fresh challenge kept in the session) and the browser's answer, checked by
py_webauthn against that challenge, the site's origin and its relying party id. The login
routes are in passkey_login.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, jsonify, request, session, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select
from webauthn import (
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes
from webauthn.helpers.exceptions import WebAuthnException  # every check, malformed JSON too
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
)

from ..extensions import db
from ..models import Passkey
from ..models.base import utcnow
from ..models.factors import PASSKEY_NAME_LENGTH, passkeys_of
from . import bp
from .audit import record_event_now

CHALLENGE = "passkey_challenge"


def relying_party() -> tuple[str, str]:
    """The relying party id (SITE_URL's host) and the origin the browser must report."""
    parts = urlsplit(current_app.config["SITE_URL"])
    return parts.hostname or "", f"{parts.scheme}://{parts.netloc}"


def descriptors(user_id: int) -> list[PublicKeyCredentialDescriptor]:
    """The account's passkeys as the browser names them."""
    return [PublicKeyCredentialDescriptor(id=key.credential_id) for key in passkeys_of(user_id)]


def answer(options):
    """The options as JSON, their challenge kept for the check of the browser's answer."""
    session[CHALLENGE] = options.challenge.hex()
    return current_app.response_class(options_to_json(options), mimetype="application/json")


def refused(message: str, status: int = 400):
    """A JSON error the script shows to the admin."""
    return jsonify(error=message), status


def posted_json() -> dict:
    """The request's JSON object; {} for anything else (no body, a list, a string)."""
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def posted_credential() -> dict:
    """The browser's answer in the posted JSON; {} when it is missing or not an object."""
    credential = posted_json().get("credential")
    return credential if isinstance(credential, dict) else {}


def take_challenge() -> bytes:
    """The challenge of the ceremony under way, usable once."""
    return bytes.fromhex(session.pop(CHALLENGE, "") or "")


@bp.post("/security/passkeys/options")
def passkey_register_options():
    """Options for adding a passkey to the account logged in."""
    rp_id, _ = relying_party()
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=current_app.config["TOTP_ISSUER"],
        user_id=str(current_user.id).encode(),
        user_name=current_user.username,
        exclude_credentials=descriptors(current_user.id),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED
        ),
    )
    return answer(options)


@bp.post("/security/passkeys")
def passkey_register():
    """Check the browser's new passkey and keep its public key."""
    body = posted_json()
    rp_id, origin = relying_party()
    try:
        verified = verify_registration_response(
            credential=posted_credential(),
            expected_challenge=take_challenge(),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        return refused(gettext("The passkey could not be added. Please try again."))
    name = str(body.get("name") or "").strip()[:PASSKEY_NAME_LENGTH]
    passkey = Passkey(
        user_id=current_user.id,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        name=name or gettext("Passkey"),
    )
    db.session.add(passkey)
    db.session.commit()
    record_event_now("passkey added", current_user.username, detail=passkey.name)
    return jsonify(next=url_for("admin.first_recovery_codes"))


def find_passkey(credential: dict, user_id: int | None = None) -> Passkey:
    """The passkey the browser used (of ``user_id`` when given); LookupError when unknown."""
    raw_id = base64url_to_bytes(str(credential.get("rawId") or credential.get("id") or ""))
    query = select(Passkey).where(Passkey.credential_id == raw_id)
    if user_id is not None:
        query = query.where(Passkey.user_id == user_id)
    passkey = db.session.scalars(query).first()
    if passkey is None:
        raise LookupError("not a passkey of this site (or of this account)")
    return passkey


def verify_use(passkey: Passkey, credential: dict, *, verified_user: bool = False) -> None:
    """Check the browser's signature with the passkey's public key and note its use.

    ``verified_user`` asks that the authenticator checked its owner (a PIN, a fingerprint),
    as a passkey used in place of the password and a code must. Raises WebAuthnException.
    """
    rp_id, origin = relying_party()
    verified = verify_authentication_response(
        credential=credential,
        expected_challenge=take_challenge(),
        expected_rp_id=rp_id,
        expected_origin=origin,
        credential_public_key=passkey.public_key,
        credential_current_sign_count=passkey.sign_count,
        require_user_verification=verified_user,
    )
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = utcnow()
