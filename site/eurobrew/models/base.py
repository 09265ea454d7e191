"""Column helpers shared by the models."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time in UTC, naive, as every timestamp column stores it.

    SQLite keeps no time zone, so all timestamps are naive UTC on every database.
    """
    return datetime.now(UTC).replace(tzinfo=None)
