"""Spam rules of the contact form: a signed start time, a honeypot and a link limit.

None of them needs JavaScript or a third party: a bot that posts at once, fills every
field or sends a list of links is refused, a person never notices them.
"""

from __future__ import annotations

import re
import time
from functools import lru_cache

from flask import current_app
from itsdangerous import BadSignature

from ..web.signing import KeptKeySigner, SignedSerializer

# A form left open longer than this is stale: the visitor is asked to send it again.
STAMP_MAX_SECONDS = 24 * 3600
MAX_LINKS = 3
LINK = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)", re.IGNORECASE)
STAMP_SALT = "eurobrew.contact-form.started"
STAMP_MARK = "contact-form"  # what is signed: only the time matters


class DatedSigner(KeptKeySigner):
    """A timestamp signer able to sign as of a given moment (a form shown earlier)."""

    def __init__(self, *args, moment: float | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.moment = moment

    def get_timestamp(self) -> int:
        """The signing time: now, or the moment given."""
        return super().get_timestamp() if self.moment is None else int(self.moment)


def stamp_serializer(moment: float | None = None) -> SignedSerializer:
    """Signs with the app's secret key, so visitors cannot make up a start time."""
    return _serializer(current_app.secret_key, moment)


@lru_cache(maxsize=16)
def _serializer(secret_key, moment: float | None) -> SignedSerializer:
    # Made once per key: building one tries its JSON out, a tenth of the form page's time.
    return SignedSerializer(
        secret_key, salt=STAMP_SALT, signer=DatedSigner, signer_kwargs={"moment": moment}
    )


def issue_stamp(now: float | None = None) -> str:
    """The signed time the form was shown (``now`` lets tests date a form back)."""
    return stamp_serializer(now).dumps(STAMP_MARK)


def stamp_age(token: str | None, now: float | None = None) -> float | None:
    """Seconds since the signed ``token`` was issued; None when missing, forged or too old.

    itsdangerous keeps whole seconds: the form may have been shown up to a second later
    than signed, so the age counted is the shortest it can be.
    """
    if not token or len(token) > 200:
        return None
    try:
        mark, issued = stamp_serializer().loads(
            token, max_age=STAMP_MAX_SECONDS, return_timestamp=True
        )
    except BadSignature:  # forged, or expired (SignatureExpired), or from the future
        return None
    if mark != STAMP_MARK:
        return None
    return max(0.0, (time.time() if now is None else now) - issued.timestamp() - 1)


def stamp_is_fresh(token: str | None) -> bool:
    """True when the form was shown at least CONTACT_MIN_SECONDS and at most a day ago."""
    age = stamp_age(token)
    minimum = current_app.config["CONTACT_MIN_SECONDS"]
    return age is not None and minimum <= age <= STAMP_MAX_SECONDS


def count_links(text: str | None) -> int:
    """How many web addresses (scheme:// or www.) ``text`` holds."""
    return len(LINK.findall(text or ""))
