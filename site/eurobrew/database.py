"""Engine settings per database: SQLite gets WAL, a busy timeout and foreign keys."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

SQLITE_BUSY_TIMEOUT_MS = 5000


def configure_sqlite(dbapi_connection, connection_record) -> None:
    """Pragmas for every new SQLite connection.

    WAL lets readers go on while an admin writes; the busy timeout makes a writer wait for
    another instead of failing at once; foreign keys are off in SQLite unless asked for.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def init_app(app: Flask) -> None:
    """Attach the per-connection settings to the app's engine (call after db.init_app)."""
    from .extensions import db

    with app.app_context():
        engine: Engine = db.engine
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", configure_sqlite):
        event.listen(engine, "connect", configure_sqlite)
