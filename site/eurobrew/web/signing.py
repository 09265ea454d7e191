"""The signatures the site hands out: the session cookie, the contact form's CSRF token and
its signed start time, by itsdangerous, as values Flask and Flask-WTF read as their own.

A visitor's first contact page signs all three, and three of itsdangerous' habits cost more
than the signing itself: it tries to compress every value (zlib readies its whole state for
each: 34 us for a 60-byte cookie, which then stays uncompressed, being no shorter); its
SHA-1 is a Python function wrapping hashlib's, which sends ``hmac`` down its pure-Python
path; and each value derives its signer's key afresh. Here only values long enough to
shrink are compressed (``load`` reads either), SHA-1 is hashlib's own (the same digest),
and each key is derived once per worker.
"""

from __future__ import annotations

import hashlib
import secrets
import zlib
from functools import lru_cache

from flask import current_app, g, session
from itsdangerous import Serializer, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_encode, want_bytes

# Flask-WTF's: the salt of its tokens, and its defaults for where it keeps them.
CSRF_SALT = "wtf-csrf-token"
CSRF_FIELD = "csrf_token"
# Shorter JSON texts are not compressed: zlib's frame alone takes 6 bytes, and a signed
# token or a visitor's session cookie (about 60 bytes) never came out shorter.
COMPRESS_FROM = 100


class KeptKeySigner(TimestampSigner):
    """itsdangerous' timestamp signer with hashlib's SHA-1 and each key derived once."""

    default_digest_method = staticmethod(hashlib.sha1)

    def derive_key(self, secret_key: str | bytes | None = None) -> bytes:
        """The signing key of ``secret_key`` (the newest key by default), as the library
        derives it, kept for the worker's life."""
        key = self.secret_keys[-1] if secret_key is None else want_bytes(secret_key)
        return _derived_key(key, self.salt, self.key_derivation, self.digest_method)


@lru_cache(maxsize=64)
def _derived_key(key: bytes, salt: bytes, derivation: str, digest_method) -> bytes:
    signer = TimestampSigner(key, salt=salt, key_derivation=derivation, digest_method=digest_method)
    return signer.derive_key()


class SignedSerializer(URLSafeTimedSerializer):
    """itsdangerous' URL-safe timed serializer, compressing only long values and signing
    with ``KeptKeySigner``."""

    default_signer = KeptKeySigner

    def dump_payload(self, obj) -> bytes:
        """``obj`` as JSON, compressed when that makes it shorter, in URL-safe base64."""
        json = Serializer.dump_payload(self, obj)  # the JSON text, before the URL-safe mixin's
        if len(json) >= COMPRESS_FROM:
            compressed = zlib.compress(json)
            if len(compressed) < len(json) - 1:  # the mixin's rule: "." marks compression
                return b"." + base64_encode(compressed)
        return base64_encode(json)


def csrf_token() -> str:
    """The visitor's CSRF token, as Flask-WTF's ``generate_csrf`` makes it (the same token,
    which Flask-WTF checks as its own): a random value kept in the session, signed with a
    timestamp; one per request."""
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", CSRF_FIELD)
    if field not in g:
        if field not in session:
            session[field] = secrets.token_hex(20)  # 40 hex digits, as Flask-WTF's
        secret = current_app.config.get("WTF_CSRF_SECRET_KEY", current_app.secret_key)
        setattr(g, field, _csrf_serializer(secret).dumps(session[field]))
    return g.get(field)


@lru_cache(maxsize=4)
def _csrf_serializer(secret_key) -> SignedSerializer:
    # Made once per key: building one tries its JSON out.
    return SignedSerializer(secret_key, salt=CSRF_SALT)
