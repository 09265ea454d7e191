"""Admin sessions: one row per login on one device, found by the hash of its token.

The token itself travels only in the signed session cookie; the database keeps its SHA-256,
so a copy of the database (a backup) opens no session.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, delete, select, update
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from ..extensions import db
from .base import utcnow

if TYPE_CHECKING:
    from .users import User

TOKEN_HASH_LENGTH = 64  # SHA-256 in hex
USER_AGENT_LENGTH = 300
ADDRESS_LENGTH = 64


def hash_token(token: str) -> str:
    """The SHA-256 (hex) of a session token: all the database keeps of it."""
    return hashlib.sha256(token.encode()).hexdigest()


def printable(text: str, limit: int) -> str:
    """``text`` without control characters, cut to ``limit`` characters for its column."""
    return "".join(char for char in text if char.isprintable())[:limit]


class AdminSession(db.Model):
    """One login of an admin on one device, open until it is ended or runs out."""

    __tablename__ = "admin_sessions"
    # AUTOINCREMENT on SQLite: an id is never handed out again after its row is purged, so
    # an "end this session" button on a page left open never reaches a newer session.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    user_agent: Mapped[str] = mapped_column(String(USER_AGENT_LENGTH), default="")
    address: Mapped[str] = mapped_column(String(ADDRESS_LENGTH), default="")

    user: Mapped[User] = relationship()

    # The token in clear, known only to the request that holds it (the login, or the cookie
    # it came in); not a column.
    token = None

    @classmethod
    def open(cls, user: User, user_agent: str, address: str, now: datetime) -> AdminSession:
        """A new session of ``user`` with a fresh random token (in ``.token``), added."""
        token = secrets.token_urlsafe(32)
        row = cls(
            user=user,
            token_hash=hash_token(token),
            created_at=now,
            last_seen_at=now,
            user_agent=printable(user_agent, USER_AGENT_LENGTH),
            address=printable(address, ADDRESS_LENGTH),
        )
        row.token = token
        db.session.add(row)
        return row

    def expired(self, now: datetime, idle: timedelta, longest: timedelta) -> bool:
        """True when the session was unused longer than ``idle`` or is older than ``longest``."""
        return now - self.last_seen_at > idle or now - self.created_at > longest

    def end(self, now: datetime) -> None:
        """End the session: its cookie opens nothing from now on."""
        if self.ended_at is None:
            self.ended_at = now


def open_session(token: str) -> AdminSession | None:
    """The session (with its account) that ``token`` belongs to, unless it has been ended."""
    query = (
        select(AdminSession)
        .options(joinedload(AdminSession.user))
        .where(AdminSession.token_hash == hash_token(token), AdminSession.ended_at.is_(None))
    )
    row = db.session.scalars(query).first()
    if row is not None:
        row.token = token
    return row


def active_sessions(
    user_id: int, now: datetime, idle: timedelta, longest: timedelta
) -> list[AdminSession]:
    """The account's sessions that still open its pages, the latest used first."""
    query = (
        select(AdminSession)
        .where(
            AdminSession.user_id == user_id,
            AdminSession.ended_at.is_(None),
            AdminSession.last_seen_at >= now - idle,
            AdminSession.created_at >= now - longest,
        )
        .order_by(AdminSession.last_seen_at.desc(), AdminSession.id.desc())
    )
    return list(db.session.scalars(query))


def end_sessions(user_id: int | None, now: datetime, keep: int | None = None) -> None:
    """End every open session of the account but the one numbered ``keep``."""
    if user_id is None:
        return  # an account not stored yet has no sessions
    conditions = [AdminSession.user_id == user_id, AdminSession.ended_at.is_(None)]
    if keep is not None:
        conditions.append(AdminSession.id != keep)
    db.session.execute(update(AdminSession).where(*conditions).values(ended_at=now))


def purge_sessions(created_before: datetime) -> None:
    """Delete the sessions started before ``created_before``.

    Past the absolute limit none of them can open anything again, so nothing is lost.
    """
    db.session.execute(delete(AdminSession).where(AdminSession.created_at < created_before))
