"""Revisions: every save, restore and delete of an article, page or the contact data.

A revision holds the whole item as it was after the change (a snapshot, models/snapshots.py),
who made it and when. Revisions are only ever added: a restore writes a new one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow


class RevisionAction:
    """What a revision records."""

    EXISTING = "existing"  # the state an item had before its first recorded change
    CREATED = "created"
    SAVED = "saved"
    RESTORED = "restored"  # an older revision brought back
    DELETED = "deleted"  # moved to the trash
    UNDELETED = "undeleted"  # taken out of the trash


class Revision(db.Model):
    """One change of one item: ``kind`` ("article", "page", "contact") and its id."""

    __tablename__ = "revisions"
    __table_args__ = (
        UniqueConstraint("kind", "item_id", "number"),
        # Photos named by any revision are kept (media gc reads this column).
        Index("ix_revisions_photo", "photo"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int]
    number: Mapped[int]  # 1, 2, 3 ... per item
    version: Mapped[int]  # the item's version after the change
    action: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict] = mapped_column(JSON)
    photo: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="")


def record_revision(kind: str, item_id: int, version: int, action: str, data: dict, username: str):
    """Add the next revision of an item to the current transaction; the caller commits."""
    latest = db.session.scalar(
        select(func.max(Revision.number)).where(Revision.kind == kind, Revision.item_id == item_id)
    )
    revision = Revision(
        kind=kind,
        item_id=item_id,
        number=(latest or 0) + 1,
        version=version,
        action=action,
        data=data,
        photo=data.get("photo"),
        created_by=username,
    )
    db.session.add(revision)
    return revision


def revisions_of(kind: str, item_id: int) -> list[Revision]:
    """An item's revisions, newest first."""
    query = (
        select(Revision)
        .where(Revision.kind == kind, Revision.item_id == item_id)
        .order_by(Revision.number.desc())
    )
    return list(db.session.scalars(query))


def revision_at(kind: str, item_id: int, number: int) -> Revision | None:
    """One revision of an item by its number."""
    query = select(Revision).where(
        Revision.kind == kind, Revision.item_id == item_id, Revision.number == number
    )
    return db.session.scalars(query).first()


def revision_of_version(kind: str, item_id: int, version: int) -> Revision | None:
    """The revision that left an item at ``version`` (what an editor's form was loaded from)."""
    query = (
        select(Revision)
        .where(Revision.kind == kind, Revision.item_id == item_id, Revision.version == version)
        .order_by(Revision.number.desc())
    )
    return db.session.scalars(query).first()
