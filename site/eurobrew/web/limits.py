"""Limits on failed logins and contact messages that hold however many workers serve the site.

Every attempt is written to the database, which all workers and hosts share, before it is
judged: committed first, then counted with every other attempt of its key still in the
window. Of two attempts made at once, the one that counts last sees the other, so no more
than the limit ever get through. An attempt that must not count (a login that succeeded,
a typing mistake in the contact form) is deleted again afterwards. Public pages never
touch any of this.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from flask import Flask
from sqlalchemy import delete, func, insert, select
from werkzeug.exceptions import TooManyRequests

from ..extensions import db
from ..models import LimitedAttempt
from ..models.base import utcnow

UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
LIMIT_TEXT = re.compile(r"^\s*(\d+)\s*(?:per|/)\s*(\d+)?\s*(second|minute|hour|day)s?\s*$", re.I)


@dataclass(frozen=True)
class Limit:
    """At most ``count`` counted attempts per key within ``seconds``."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Limit:
        """``"5 per 15 minutes"``, ``"5 per hour"`` or ``"5/hour"``; ValueError otherwise."""
        match = LIMIT_TEXT.match(text or "")
        if match is None or int(match[1]) < 1:
            raise ValueError(f"{text!r} is not a limit like '5 per 15 minutes'")
        return cls(int(match[1]), int(match[2] or 1) * UNIT_SECONDS[match[3].lower()])


def attempt_key(scope: str, value: str) -> str:
    """The stored key of ``value`` (a username, an address) in ``scope``: a hash, not the text."""
    return hashlib.sha256(f"{scope}:{value}".encode("utf-8", "replace")).hexdigest()


@dataclass
class Attempt:
    """An attempt written down under its keys; the caller says whether it counts."""

    ids: list[int]
    counts: bool = field(default=False)

    def count(self) -> None:
        """Keep the attempt: it uses up one of the limit's tries until its window passes."""
        self.counts = True


@contextmanager
def limited_attempt(keys: list[str], limit: Limit) -> Iterator[Attempt]:
    """Write an attempt down and yield it; 429 when it is one too many for any key.

    Unless the caller calls ``attempt.count()``, the attempt is deleted at the end.
    """
    attempt = reserve(keys, limit)
    try:
        yield attempt
    finally:
        if not attempt.counts:
            forget(attempt.ids)


def reserve(keys: list[str], limit: Limit) -> Attempt:
    """Insert one row per key, then count; TooManyRequests (with Retry-After) when over."""
    table = LimitedAttempt.__table__
    now = utcnow()
    window = timedelta(seconds=limit.seconds)
    with db.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.expires_at < now))
        ids = [
            connection.execute(
                insert(table).values(key=key, created_at=now, expires_at=now + window)
            ).inserted_primary_key[0]
            for key in keys
        ]
    # Counted only once the rows above are committed: see the module's docstring.
    counts = select(table.c.key, func.count(), func.min(table.c.created_at))
    with db.engine.connect() as connection:
        rows = connection.execute(
            counts.where(table.c.key.in_(keys), table.c.created_at > now - window).group_by(
                table.c.key
            )
        ).all()
    over = [oldest for _, number, oldest in rows if number > limit.count]
    if over:
        forget(ids)
        wait = (min(over) + window - now).total_seconds()
        raise TooManyRequests(retry_after=max(1, math.ceil(wait)))
    return Attempt(ids)


def init_app(app: Flask) -> None:
    """Read the configured limits now: a setting that cannot be read stops the start,
    rather than the first visitor's login."""
    for name in ("LOGIN_FAILURE_LIMIT", "CONTACT_RATE_LIMIT"):
        Limit.parse(app.config[name])


def forget(ids: list[int]) -> None:
    """Delete attempts that do not count."""
    table = LimitedAttempt.__table__
    with db.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.id.in_(ids)))
