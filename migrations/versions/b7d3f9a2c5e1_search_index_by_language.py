"""The search index of each language

SQLite: the FTS5 table of every language's rows becomes a table per language, filled from
the rows (200,000 rows: about 3 s). PostgreSQL: each language's terms get an index of their
own, beside the index of all terms. See ``eurobrew.search.language_indexes``.

Revision ID: b7d3f9a2c5e1
Revises: a4e8b2d6c1f3
Create Date: 2026-12-04 06:00:00

"""

from alembic import op
from sqlalchemy.orm import Session

from eurobrew.i18n import LANGUAGES
from eurobrew.models.search import (
    sqlite_drop_language_index,
    sqlite_fill_language_index,
    sqlite_language_index,
)
from eurobrew.models.search_upkeep import settle_index
from eurobrew.search.language_indexes import LANGUAGE_INDEXES, index_statement

# revision identifiers, used by Alembic.
revision = "b7d3f9a2c5e1"
down_revision = "a4e8b2d6c1f3"
branch_labels = None
depends_on = None

SHARED_TRIGGERS = ("search_documents_ai", "search_documents_ad", "search_documents_au")
# The table of every language's rows, as revision 393090db3bf6 made it (its triggers too).
SHARED_TABLE = """CREATE VIRTUAL TABLE search_fts USING fts5(
    title_lemmas, title_words, body_lemmas, body_words, exact,
    content='search_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0')"""
COLUMNS = "title_lemmas, title_words, body_lemmas, body_words, exact"
NEW, OLD = (", ".join(f"{row}.{c}" for c in COLUMNS.split(", ")) for row in ("new", "old"))
INSERT = f"INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW});"
DELETE = f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});"
SHARED_INDEX = [
    SHARED_TABLE,
    f"CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN {INSERT} END",
    f"CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN {DELETE} END",
    f"CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents"
    f" BEGIN {DELETE} {INSERT} END",
    "INSERT INTO search_fts(search_fts, rank) VALUES('usermerge', 2)",
    "INSERT INTO search_fts(search_fts) VALUES('rebuild')",
]


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        for lang in LANGUAGE_INDEXES:
            op.execute(index_statement(lang))
        op.execute("ANALYZE search_documents")  # the planner's statistics of the new indexes
        return
    for trigger in SHARED_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    for lang in LANGUAGES:
        for statement in sqlite_language_index(lang):
            op.execute(statement)
        op.execute(sqlite_fill_language_index(lang))
    settle_index(Session(bind=op.get_bind()))


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        for name in LANGUAGE_INDEXES.values():
            op.execute(f"DROP INDEX IF EXISTS {name}")
        return
    for lang in LANGUAGES:
        for statement in sqlite_drop_language_index(lang):
            op.execute(statement)
    for statement in SHARED_INDEX:
        op.execute(statement)
    settle_index(Session(bind=op.get_bind()))
