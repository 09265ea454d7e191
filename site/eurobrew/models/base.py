"""Column helpers shared by the models."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time in UTC, naive, as every timestamp column stores it.

    SQLite keeps no time zone, so all timestamps are naive UTC on every database.
    """
    return datetime.now(UTC).replace(tzinfo=None)


# SQLite hands a deleted row's id to the next new row unless the table says AUTOINCREMENT:
# a stale form or link would then reach someone else's article or message. Every table
# whose ids reach a URL or a form takes this option (PostgreSQL's sequences never reuse).
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}
