"""Hot public reads on a connection each worker thread keeps, without the ORM session.

An uncached news page's one statement takes SQLite about 35 us; through the session it took
250 us (a pooled connection checked out, a transaction begun and rolled back, the ORM's
execution path). The statements the public pages run on every request are built once;
here each is compiled once per database kind and run on the DBAPI connection the thread
keeps for the worker's life (``kept_connection.py``).

The statements are announced to the engine's ``before_cursor_execute`` listeners like any
other, so whoever counts a page's statements (the tests, the benchmark) still sees them.
"""

from __future__ import annotations

from datetime import date, datetime
from operator import itemgetter

from sqlalchemy import Date, DateTime, Engine

from ..contexts import running_app
from .kept_connection import KeptConnection, kept_connection

READER_KEY = "eurobrew.plain_reader"
# How SQLAlchemy stores a timestamp in SQLite: compared as text, so the same format.
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


class CompiledRead:
    """One statement compiled for one database: its SQL, parameter order and row reading."""

    def __init__(self, statement, engine: Engine):
        compiled = statement.compile(dialect=engine.dialect)
        self.sql = str(compiled)
        self.sqlite = engine.dialect.name == "sqlite"
        given = {name for name, bind in compiled.binds.items() if bind.required}
        # The values the statement holds itself (a status compared with), once, stored alike.
        held = compiled.construct_params(dict.fromkeys(given))
        self.defaults = self._stored({n: v for n, v in held.items() if n not in given})
        self.order = compiled.positiontup if compiled.positional else None
        self.in_order = _in_order(self.order) if self.order is not None else None
        self.names = [column.key for column in statement.selected_columns]
        # SQLite hands back timestamps and days as text when read without SQLAlchemy.
        readers = {c.key: _text_reader(c.type) for c in statement.selected_columns}
        self.readers = [(n, r) for n, r in readers.items() if r and self.sqlite]

    def arguments(self, params: dict):
        """The DBAPI parameters: named or in order, timestamps as SQLite stores them."""
        values = self.defaults | self._stored(params)
        return values if self.in_order is None else self.in_order(values)

    def _stored(self, values: dict) -> dict:
        """``values`` as the database compares them: on SQLite, days and times as text."""
        if not self.sqlite:
            return values
        # A datetime is a date too: one test finds both.
        return {n: sqlite_text(v) if isinstance(v, date) else v for n, v in values.items()}

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


def sqlite_text(value: date) -> str:
    """A day or a timestamp as SQLAlchemy stores it in SQLite, where it is compared as text."""
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLITE_DATETIME's text, in a third of strftime's time
            return value.isoformat(" ", "microseconds")
        return value.strftime(SQLITE_DATETIME)
    return value.isoformat()


def _in_order(names: list[str]):
    """A function of a dict giving the values of ``names``, in order, as a tuple (in C)."""
    if len(names) > 1:
        return itemgetter(*names)
    return lambda values: tuple(values[name] for name in names)  # one name, or none


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


def plain_reader() -> PlainReader:
    """The current app's reader (made on first use)."""
    app = running_app()
    reader = app.extensions.get(READER_KEY)
    if reader is None:
        reader = app.extensions.setdefault(READER_KEY, PlainReader(kept_connection(app)))
    return reader
