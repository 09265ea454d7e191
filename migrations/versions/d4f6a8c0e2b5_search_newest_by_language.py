"""Each language's search rows by id (PostgreSQL)

A frequent word's search reads a language's rows newest first until enough match; an index
of that language's ids alone spares it the other languages' rows. SQLite keeps a full-text
table per language already. See ``eurobrew.search.language_indexes``.

Revision ID: d4f6a8c0e2b5
Revises: b7d3f9a2c5e1
Create Date: 2026-12-04 14:30:00

"""

from alembic import op

from eurobrew.search.language_indexes import NEWEST_INDEXES, newest_index_statement

# revision identifiers, used by Alembic.
revision = "d4f6a8c0e2b5"
down_revision = "b7d3f9a2c5e1"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    for lang in NEWEST_INDEXES:
        op.execute(newest_index_statement(lang))


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    for name in NEWEST_INDEXES.values():
        op.execute(f"DROP INDEX IF EXISTS {name}")
