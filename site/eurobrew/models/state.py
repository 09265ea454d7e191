"""A counter that changes whenever public content changes, for ETags and page caches."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..extensions import db
from .base import utcnow


class SiteState(db.Model):
    """One row: the content version and when content last changed."""

    __tablename__ = "site_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_version: Mapped[int] = mapped_column(default=1)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


STATE_ID = 1
# PostgreSQL's channel for content changes: workers listen instead of asking before each page.
CHANGES_CHANNEL = "eurobrew_content"
BUMPED_KEY = "eurobrew.content_bumped"


class LocalChanges:
    """How many content changes this process has committed.

    A worker's own change is seen by its next request however late the database tells
    its other connections.
    """

    count = 0


def bump_content_version(session: Session) -> None:
    """Count one more content change, inside the caller's transaction.

    The update is atomic, so two admins saving at once both count; the row is created on
    first use so an empty database needs no seeding. Workers learn of it when it commits
    (``models/changes.py``).
    """
    table = SiteState.__table__
    connection = session.connection()
    result = connection.execute(
        update(table)
        .where(table.c.id == STATE_ID)
        .values(content_version=table.c.content_version + 1, changed_at=utcnow())
    )
    if result.rowcount == 0:
        session.add(SiteState(id=STATE_ID, content_version=2, changed_at=utcnow()))
    if connection.dialect.name == "postgresql":
        # Delivered to every listening worker when (and only if) this transaction commits.
        connection.execute(select(func.pg_notify(CHANGES_CHANNEL, "")))
    session.info[BUMPED_KEY] = True


@event.listens_for(Session, "after_commit")
def _count_committed_change(session: Session) -> None:
    if session.info.pop(BUMPED_KEY, False):
        LocalChanges.count += 1


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back_change(session: Session) -> None:
    session.info.pop(BUMPED_KEY, None)


def track_content_changes(content_models: tuple[type, ...]) -> None:
    """Bump the version in the same flush that adds, changes or deletes public content."""

    def touches_content(session: Session) -> bool:
        if any(isinstance(obj, content_models) for obj in (*session.new, *session.deleted)):
            return True
        return any(
            isinstance(obj, content_models) and session.is_modified(obj) for obj in session.dirty
        )

    @event.listens_for(Session, "before_flush")
    def _before_flush(session, flush_context, instances):
        if touches_content(session):
            bump_content_version(session)
