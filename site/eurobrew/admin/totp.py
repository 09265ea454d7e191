"""One-time codes from an authenticator app (TOTP, RFC 6238), each accepted only once."""

from __future__ import annotations

import hmac
import time

import pyotp
import segno
from flask import current_app
from markupsafe import Markup
from sqlalchemy import or_, update

from ..extensions import db
from ..models import User

# Codes of the step before and after the current one are accepted: phones' clocks drift.
DRIFT_STEPS = 1
STEP_SECONDS = 30


def new_secret() -> str:
    """A fresh random shared secret (160 bits, base32) for an authenticator app."""
    return pyotp.random_base32(32)


def issuer() -> str:
    """The name authenticator apps list the account under."""
    return current_app.config["TOTP_ISSUER"]


def provisioning_uri(secret: str, username: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer())


def qr_svg(uri: str) -> Markup:
    """The QR code of ``uri`` as inline SVG, drawn here: no script, no other site."""
    svg = segno.make(uri, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    return Markup(svg)  # noqa: S704 - segno's own markup of a URI it encoded


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step whose code ``code`` is (within the drift allowed), or None."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    current = int((time.time() if now is None else now) // STEP_SECONDS)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def claim_step(user_id: int, step: int) -> bool:
    """Record ``step`` as used; False when it (or a later one) was used already.

    One conditional UPDATE: of two requests with the same code, across any number of
    workers, only one finds the row still below the step.
    """
    result = db.session.execute(
        update(User)
        .where(
            User.id == user_id,
            or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_last_step=step)
    )
    db.session.commit()
    return result.rowcount == 1


def check_totp(user: User, code: str) -> bool:
    """True when ``code`` is the account's current code and was not used before."""
    if not user.totp_secret:
        return False
    step = matching_step(user.totp_secret, code)
    return step is not None and claim_step(user.id, step)
