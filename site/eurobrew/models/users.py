"""Admin accounts: a username and a slow password hash, never the password itself."""

from __future__ import annotations

from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow
from .factors import passkeys_of
from .sessions import end_sessions

MIN_PASSWORD_LENGTH = 12
# Long passphrases are welcome; the cap only keeps one request from hashing megabytes.
MAX_PASSWORD_LENGTH = 1024
MAX_USERNAME_LENGTH = 80

# What an account may do (admin/permissions.py holds the rules). Accounts made before roles
# existed were all admins, and the first account must be able to make the others.
ROLES = ("admin", "editor", "translator")
DEFAULT_ROLE = "admin"


def hash_password(password: str) -> str:
    """The configured slow hash (werkzeug's scrypt) of ``password``."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


class User(UserMixin, db.Model):
    """An admin who may log in at /admin/."""

    __tablename__ = "users"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(MAX_USERNAME_LENGTH), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    role: Mapped[str] = mapped_column(String(20), default=DEFAULT_ROLE, server_default="admin")
    # A translator's languages, as codes joined by commas ("en" or "en,sk").
    languages: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # The authenticator app's shared secret (base32) once confirmed, and the last time
    # step a code was accepted for: a code is never taken twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]

    # The session (models/sessions.py) of the request at hand, attached by the admin's
    # session loader; not a column.
    current_session = None

    def set_password(self, password: str) -> None:
        """Store the slow hash of ``password`` and end every session of the account."""
        self.password_hash = hash_password(password)
        self.password_changed_at = utcnow()
        end_sessions(self.id, self.password_changed_at)

    def check_password(self, password: str) -> bool:
        """True when ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The languages a translator works in, as codes."""
        return tuple(code for code in (self.languages or "").split(",") if code)

    def has_second_factor(self) -> bool:
        """True when the login needs a second step: an authenticator app or a passkey."""
        return self.totp_secret is not None or bool(passkeys_of(self.id))

    def get_id(self) -> str:
        """Flask-Login's session id: the account and its current session's token.

        Without a session the token part is empty, which the loader never accepts.
        """
        token = self.current_session.token if self.current_session else None
        return f"{self.id}:{token or ''}"


def password_problem(password: str) -> str | None:
    """Why ``password`` cannot be used, in English for the command line, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must have at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"The password may have at most {MAX_PASSWORD_LENGTH} characters."
    return None
