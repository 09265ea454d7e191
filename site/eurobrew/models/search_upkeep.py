"""Keeping the search index in the shape searches read fastest: after a bulk load
(``settle_index``) and after each edit (``tidy_index``)."""

from __future__ import annotations

from sqlalchemy import text


def _sqlite_fts_tables(session) -> list[str]:
    """SQLite: the search's FTS5 tables the database has (one per language)."""
    listed = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    return [n for n in session.execute(text(listed)).scalars() if n.startswith("search_fts")]


def settle_index(session) -> None:
    """After many documents were written at once: bring the index into the shape searches
    read fastest.

    SQLite: merge FTS5's b-trees into one. A demo site's index left in 18 pieces took 45 us
    for each of a search's three matches (140-320 us for the results statement); in one
    piece, 10-15 us (60-140 us).

    PostgreSQL: move the GIN indexes' pending entries into the indexes proper. GIN takes new
    entries into a pending list that every search reads through, until autovacuum (some
    time later) merges it. After 99,000 generated articles a one-word search took 2.4 ms
    instead of 1.5 ms on a server running meanwhile; merging is what a VACUUM would do,
    without its wait.
    """
    if session.get_bind().dialect.name == "sqlite":
        for name in _sqlite_fts_tables(session):
            session.execute(text(f"INSERT INTO {name}({name}) VALUES('optimize')"))
        return
    # Every GIN index on the table, the languages' included.
    session.execute(
        text(
            "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
            " WHERE i.indrelid = 'search_documents'::regclass AND a.amname = 'gin'"
        )
    )


def tidy_index(session) -> None:
    """After an edit wrote index rows (SQLite): merge FTS5's b-trees a little (at most
    about 64 pages), so that edits do not leave searches reading many small pieces: 300
    edits left 17 pieces and a match at 115 us without it, 3 pieces and 35 us with it."""
    if session.get_bind().dialect.name == "sqlite":
        for name in _sqlite_fts_tables(session):
            session.execute(text(f"INSERT INTO {name}({name}, rank) VALUES('merge', 64)"))
