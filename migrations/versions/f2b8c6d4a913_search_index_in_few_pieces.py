"""SQLite's search index kept in few pieces: FTS5 merges any two b-trees of a level

Existing databases get the setting that the index's creation now makes, and their index
merged into one piece. PostgreSQL's index needs neither.

Revision ID: f2b8c6d4a913
Revises: 6a2f8d1c4e57
Create Date: 2026-12-02 11:40:00

"""

from alembic import op
from sqlalchemy.orm import Session

from eurobrew.models.search_upkeep import settle_index

# revision identifiers, used by Alembic.
revision = "f2b8c6d4a913"
down_revision = "6a2f8d1c4e57"
branch_labels = None
depends_on = None

SQLITE_MERGE_PAIRS = "INSERT INTO search_fts(search_fts, rank) VALUES('usermerge', 2)"


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_MERGE_PAIRS)
        settle_index(Session(bind=op.get_bind()))


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO search_fts(search_fts, rank) VALUES('usermerge', 4)")
