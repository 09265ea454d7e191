"""The search index reads each language's matches alone

SQLite: FTS5's table gets the row's language as a column of its own, so that a search
names the page's language. An FTS5 table cannot gain a column: the table and its triggers
are made anew and the index rebuilt from the rows (200,000 rows: about 3 s).

PostgreSQL: each language's terms get an index of their own
(``eurobrew.search.language_indexes``).

Revision ID: b7d3f9a2c5e1
Revises: a4e8b2d6c1f3
Create Date: 2026-12-04 06:00:00

"""

from alembic import op
from sqlalchemy.orm import Session

from eurobrew.models.search import COLUMNS, SQLITE_MERGE_PAIRS, settle_index, sqlite_index
from eurobrew.search.language_indexes import LANGUAGE_INDEXES, index_statement

# revision identifiers, used by Alembic.
revision = "b7d3f9a2c5e1"
down_revision = "a4e8b2d6c1f3"
branch_labels = None
depends_on = None

TRIGGERS = ("search_documents_ai", "search_documents_ad", "search_documents_au")


def _sqlite_index_over(columns: tuple[str, ...]) -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    for statement in sqlite_index(columns):
        op.execute(statement)
    op.execute(SQLITE_MERGE_PAIRS)
    op.execute("INSERT INTO search_fts(search_fts) VALUES('rebuild')")
    settle_index(Session(bind=op.get_bind()))


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_index_over((*COLUMNS, "lang"))
        return
    for lang in LANGUAGE_INDEXES:
        op.execute(index_statement(lang))
    op.execute("ANALYZE search_documents")  # the planner's statistics of the new expressions


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_index_over(COLUMNS)
        return
    for name in LANGUAGE_INDEXES.values():
        op.execute(f"DROP INDEX IF EXISTS {name}")
