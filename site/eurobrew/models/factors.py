"""An admin's second factors: recovery codes and passkeys (the TOTP secret is on the user).

Recovery codes are kept only as slow hashes, like passwords; a passkey only as its public
key, so a copy of the database (a backup) logs nobody in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, func, select, update
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow

PASSKEY_NAME_LENGTH = 80


class RecoveryCode(db.Model):
    """One of an account's recovery codes: its hash, and when it was used (once)."""

    __tablename__ = "recovery_codes"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]

    def use(self) -> bool:
        """Mark the code used; False when another request used it first.

        One conditional UPDATE, so two requests with the same code cannot both win.
        """
        result = db.session.execute(
            update(RecoveryCode)
            .where(RecoveryCode.id == self.id, RecoveryCode.used_at.is_(None))
            .values(used_at=utcnow())
        )
        return result.rowcount == 1


class Passkey(db.Model):
    """A WebAuthn credential of an account: its id, public key and signature counter."""

    __tablename__ = "passkeys"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    credential_id: Mapped[bytes] = mapped_column(LargeBinary(1024), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(2048))
    sign_count: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(PASSKEY_NAME_LENGTH), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]


def passkeys_of(user_id: int | None) -> list[Passkey]:
    """The account's passkeys, oldest first."""
    if user_id is None:
        return []
    query = select(Passkey).where(Passkey.user_id == user_id).order_by(Passkey.id)
    return list(db.session.scalars(query))


def unused_recovery_codes(user_id: int) -> list[RecoveryCode]:
    """The account's recovery codes not used yet."""
    query = select(RecoveryCode).where(
        RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None)
    )
    return list(db.session.scalars(query.order_by(RecoveryCode.id)))


def recovery_codes_of(user_id: int) -> int:
    """How many recovery codes the account has, used or not (0: it never had any)."""
    query = select(func.count()).where(RecoveryCode.user_id == user_id)
    return db.session.scalar(query) or 0
