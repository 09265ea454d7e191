"""Engine settings per database: SQLite gets WAL, a busy timeout, foreign keys, mode 0600."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url

SQLITE_BUSY_TIMEOUT_MS = 5000
# Each connection's page cache, in KiB. A worker keeps several connections for its life
# (the pool's and one per thread for the public reads), and SQLite's default 2 MB each
# filled up with article pages on a large site (the sitemap reads every slug): memory
# that grew with the content. The operating system caches the file for every process.
SQLITE_CACHE_KIB = 256
# The database holds password hashes and visitors' messages: readable by the site only.
PRIVATE_FILE_MODE = 0o600


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL, or None (another database, or SQLite in memory)."""
    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return None if name.startswith("file:") else Path(name)


def protect_sqlite_file(url: str) -> None:
    """Create the SQLite file 0600 before SQLite does (it would use 0644), tighten an old one.

    SQLite gives the -wal and -shm files it creates the database file's mode.
    """
    path = sqlite_file(url)
    if path is None or not path.parent.is_dir():
        return  # a missing folder (an unmounted disk) is the database's error to report
    with contextlib.suppress(OSError):  # unwritable: the same, when SQLite tries
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        # Someone else's file (a copy being restored) is left as it is.
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if file.stat().st_mode & 0o077:
                file.chmod(PRIVATE_FILE_MODE)


def configure_sqlite(dbapi_connection, connection_record) -> None:
    """Pragmas for every new SQLite connection.

    WAL lets readers go on while an admin writes; the busy timeout makes a writer wait for
    another instead of failing at once; foreign keys are off in SQLite unless asked for;
    the page cache is bounded (SQLITE_CACHE_KIB).
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    finally:
        cursor.close()


def init_app(app: Flask) -> None:
    """Attach the per-connection settings to the app's engine (call after db.init_app)."""
    from ..extensions import db

    protect_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"])
    with app.app_context():
        engine: Engine = db.engine
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", configure_sqlite):
        event.listen(engine, "connect", configure_sqlite)
