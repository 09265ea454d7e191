"""The database connection each worker thread keeps for the public pages' reads and the
content stamp, detached from the pool and reopened after a failure.

Reads on it see every committed change at once: SQLite reads outside a transaction,
PostgreSQL runs in autocommit.
"""

from __future__ import annotations

import contextlib
import threading

from flask import Flask
from sqlalchemy import Engine

from ..extensions import db

CONNECTION_KEY = "eurobrew.kept_connection"


class KeptConnection:
    """A DBAPI connection per thread, detached from the pool, reopened after a failure."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.local = threading.local()

    def connection(self):
        """The calling thread's connection, opened on first use."""
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = self.engine.raw_connection()
            if self.engine.dialect.name == "postgresql":
                connection.driver_connection.autocommit = True
            connection.detach()
            self.local.connection = connection
            # One cursor for its life: psycopg spent 13 of a read's 55 us making and closing
            # one. Every read takes all its rows (an unfinished SQLite read keeps a snapshot).
            self.local.cursor = connection.dbapi_connection.cursor()
        return connection

    def cursor(self):
        """The calling thread's cursor on its connection; read every row of what it runs."""
        cursor = getattr(self.local, "cursor", None)
        if cursor is None:  # no connection either: ``reset`` forgets both
            self.connection()
            cursor = self.local.cursor
        return cursor

    def current(self):
        """The calling thread's connection, or None when it has none open."""
        return getattr(self.local, "connection", None)

    def fetch(self, sql: str, params, announce: bool = False) -> list:
        """The rows of ``sql``; a dropped connection (a server restart) is tried once more."""
        try:
            return self._fetch(sql, params, announce)
        except self.engine.dialect.loaded_dbapi.Error:
            self.reset()
            return self._fetch(sql, params, announce)

    def _fetch(self, sql: str, params, announce: bool) -> list[tuple]:
        cursor = self.cursor()
        try:
            if announce:
                self.engine.dispatch.before_cursor_execute(None, cursor, sql, params, None, False)
            cursor.execute(sql, params)
            return cursor.fetchall()
        except BaseException:
            self.reset()
            raise

    def reset(self) -> None:
        """Forget this thread's connection; the next read opens a new one."""
        connection = getattr(self.local, "connection", None)
        cursor = getattr(self.local, "cursor", None)
        self.local.connection = self.local.cursor = None
        # Most likely they failed, and closing a failed one may raise (sqlite3), hiding why.
        for thing in (cursor, connection):
            if thing is not None:
                with contextlib.suppress(Exception):
                    thing.close()


def kept_connection(app: Flask) -> KeptConnection:
    """``app``'s connections kept per thread, for the content stamp and the plain reads."""
    kept = app.extensions.get(CONNECTION_KEY)
    if kept is None:
        with app.app_context():
            engine = db.engine
        kept = app.extensions.setdefault(CONNECTION_KEY, KeptConnection(engine))
    return kept


def close_kept_connections(app: Flask) -> None:
    """Close the calling thread's kept connection of ``app`` (tests make many apps)."""
    kept = app.extensions.get(CONNECTION_KEY)
    if kept is not None:
        kept.reset()
