"""Hot public reads on a connection each worker thread keeps, without the ORM session.

An uncached news page's one statement takes SQLite about 35 us; through the session it took
250 us (a pooled connection checked out, a transaction begun and rolled back, the ORM's
execution path). The statements the public pages run on every request are built once;
here each is compiled once per database kind and run on a DBAPI connection the thread
keeps for the worker's life. Reads see every committed change at once: SQLite reads
outside a transaction, PostgreSQL runs in autocommit.

The statements are announced to the engine's ``before_cursor_execute`` listeners like any
other, so whoever counts a page's statements (the tests, the benchmark) still sees them.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import date, datetime

from flask import Flask
from sqlalchemy import Date, DateTime, Engine

from ..contexts import running_app
from ..extensions import db

READER_KEY = "eurobrew.plain_reader"
CONNECTION_KEY = "eurobrew.kept_connection"
# How SQLAlchemy stores a timestamp in SQLite: compared as text, so the same format.
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


class KeptConnection:
    """A DBAPI connection per thread, detached from the pool, reopened after a failure."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.local = threading.local()
        self.sqlite = engine.dialect.name == "sqlite"

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


class CompiledRead:
    """One statement compiled for one database: its SQL, parameter order and row reading."""

    def __init__(self, statement, engine: Engine):
        compiled = statement.compile(dialect=engine.dialect)
        self.sql = str(compiled)
        given = {name for name, bind in compiled.binds.items() if bind.required}
        # The values the statement holds itself (a status compared with), once.
        held = compiled.construct_params(dict.fromkeys(given))
        self.defaults = {name: value for name, value in held.items() if name not in given}
        self.order = compiled.positiontup if compiled.positional else None
        self.sqlite = engine.dialect.name == "sqlite"
        self.names = [column.key for column in statement.selected_columns]
        # SQLite hands back timestamps and days as text when read without SQLAlchemy.
        readers = {c.key: _text_reader(c.type) for c in statement.selected_columns}
        self.readers = [(n, r) for n, r in readers.items() if r and self.sqlite]

    def arguments(self, params: dict):
        """The DBAPI parameters: named or in order, timestamps as SQLite stores them."""
        values = self.defaults | params
        if self.sqlite:  # a datetime is a date too: one test finds both
            values = {
                name: _sqlite_value(value) if isinstance(value, date) else value
                for name, value in values.items()
            }
        if self.order is not None:
            return tuple(values[name] for name in self.order)
        return values

    def mapping(self, row: tuple) -> dict:
        """A row by column name, its values typed like the columns."""
        values = dict(zip(self.names, row, strict=True))
        for name, read in self.readers:  # only the columns SQLite hands back as text
            value = values[name]
            if value is not None:
                values[name] = read(value)
        return values


def _text_reader(kind):
    if isinstance(kind, DateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    return None


def _sqlite_value(value: date) -> str:
    """A day or a timestamp as SQLite stores it (``arguments`` passes only these)."""
    if isinstance(value, datetime):
        return value.strftime(SQLITE_DATETIME)
    return value.isoformat()


class PlainReader:
    """Runs the public pages' built-once statements; rows come back as dicts."""

    def __init__(self, connection: KeptConnection):
        self.engine = connection.engine
        self.connection = connection
        self.compiled: dict[int, tuple[object, CompiledRead]] = {}

    def rows(self, statement, params: dict) -> list[dict]:
        """Every row of ``statement`` with ``params``."""
        kept = self.compiled.get(id(statement))
        if kept is None:
            # The statement is kept too, so that its id is never another's.
            kept = self.compiled[id(statement)] = (statement, CompiledRead(statement, self.engine))
        compiled = kept[1]
        arguments = compiled.arguments(params)
        found = self.connection.fetch(compiled.sql, arguments, True)
        return [compiled.mapping(row) for row in found]

    def first(self, statement, params: dict) -> dict | None:
        """The first row of ``statement``, or None."""
        found = self.rows(statement, params)
        return found[0] if found else None

    def scalar(self, statement, params: dict):
        """The first column of the first row, or None."""
        row = self.first(statement, params)
        return next(iter(row.values())) if row else None


def kept_connection(app: Flask) -> KeptConnection:
    """``app``'s connections kept per thread, for the content stamp and the plain reads."""
    kept = app.extensions.get(CONNECTION_KEY)
    if kept is None:
        with app.app_context():
            engine = db.engine
        kept = app.extensions.setdefault(CONNECTION_KEY, KeptConnection(engine))
    return kept


def plain_reader() -> PlainReader:
    """The current app's reader (made on first use)."""
    app = running_app()
    reader = app.extensions.get(READER_KEY)
    if reader is None:
        reader = app.extensions.setdefault(READER_KEY, PlainReader(kept_connection(app)))
    return reader


def close_kept_connections(app: Flask) -> None:
    """Close the calling thread's kept connection of ``app`` (tests make many apps)."""
    kept = app.extensions.get(CONNECTION_KEY)
    if kept is not None:
        kept.reset()
