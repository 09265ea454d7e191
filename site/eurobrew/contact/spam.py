"""Spam rules of the contact form: a signed start time, a honeypot and a link limit.

None of them needs JavaScript or a third party: a bot that posts at once, fills every
field or sends a list of links is refused, a person never notices them.
"""

from __future__ import annotations

import re
import time

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

# A form left open longer than this is stale: the visitor is asked to send it again.
STAMP_MAX_SECONDS = 24 * 3600
MAX_LINKS = 3
LINK = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)", re.IGNORECASE)
STAMP_SALT = "eurobrew.contact-form.started"


def stamp_serializer() -> URLSafeSerializer:
    """Signs with the app's secret key, so visitors cannot make up a start time."""
    return URLSafeSerializer(current_app.secret_key, salt=STAMP_SALT)


def issue_stamp(now: float | None = None) -> str:
    """The signed time the form was shown (``now`` lets tests date a form back)."""
    return stamp_serializer().dumps({"t": round(time.time() if now is None else now, 3)})


def stamp_age(token: str | None, now: float | None = None) -> float | None:
    """Seconds since the signed ``token`` was issued; None when missing or tampered with."""
    if not token or len(token) > 200:
        return None
    try:
        data = stamp_serializer().loads(token)
    except BadSignature:
        return None
    issued = data.get("t") if isinstance(data, dict) else None
    if not isinstance(issued, int | float):
        return None
    return (time.time() if now is None else now) - issued


def stamp_is_fresh(token: str | None) -> bool:
    """True when the form was shown at least CONTACT_MIN_SECONDS and at most a day ago."""
    age = stamp_age(token)
    minimum = current_app.config["CONTACT_MIN_SECONDS"]
    return age is not None and minimum <= age <= STAMP_MAX_SECONDS


def count_links(text: str | None) -> int:
    """How many web addresses (scheme:// or www.) ``text`` holds."""
    return len(LINK.findall(text or ""))
