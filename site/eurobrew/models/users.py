"""Admin accounts: a username and a slow password hash, never the password itself."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow

MIN_PASSWORD_LENGTH = 12
# Long passphrases are welcome; the cap only keeps one request from hashing megabytes.
MAX_PASSWORD_LENGTH = 1024
MAX_USERNAME_LENGTH = 80


def new_session_token() -> str:
    """A random value that ties a session cookie to the account's current login."""
    return secrets.token_urlsafe(24)


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
    # Part of the session cookie; replaced at every login and logout, so a cookie
    # captured earlier stops working the moment its owner logs out.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    def set_password(self, password: str) -> None:
        """Store the slow hash of ``password`` and end every existing session."""
        self.password_hash = hash_password(password)
        self.password_changed_at = utcnow()
        self.rotate_session_token()

    def check_password(self, password: str) -> bool:
        """True when ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def rotate_session_token(self) -> None:
        """Invalidate every session cookie issued for this account so far."""
        self.session_token = new_session_token()

    def get_id(self) -> str:
        """Flask-Login's session id: the account and its current session token."""
        return f"{self.id}:{self.session_token}"


def password_problem(password: str) -> str | None:
    """Why ``password`` cannot be used, in English for the command line, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must have at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"The password may have at most {MAX_PASSWORD_LENGTH} characters."
    return None
