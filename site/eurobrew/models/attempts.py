"""Attempts that a limit counts (failed logins, contact messages), shared by every worker."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db

KEY_LENGTH = 64  # a SHA-256 in hex: usernames and addresses are never stored as typed


class LimitedAttempt(db.Model):
    """One attempt under one key, kept until its window has passed."""

    __tablename__ = "limited_attempts"
    __table_args__ = (
        # The count of a key's attempts in its window, and the purge of expired ones.
        Index("ix_limited_attempts_key_created", "key", "created_at"),
        Index("ix_limited_attempts_expires_at", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
