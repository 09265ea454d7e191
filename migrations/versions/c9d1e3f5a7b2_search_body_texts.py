"""The search index keeps each body's plain text for the results' snippets

search_documents gains body_text (the body without Markdown, as a results page shows
it), and the index is built anew from the stored content with the site's own code (the
same as ``flask search reindex``), which writes it.

Revision ID: c9d1e3f5a7b2
Revises: f2b8c6d4a913
Create Date: 2026-12-02 12:10:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from eurobrew.models.search_upkeep import settle_index
from eurobrew.search.index import reindex_everything

# revision identifiers, used by Alembic.
revision = "c9d1e3f5a7b2"
down_revision = "f2b8c6d4a913"
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN: rebuilding the table (batch mode) would drop SQLite's triggers.
    op.add_column(
        "search_documents", sa.Column("body_text", sa.Text(), nullable=False, server_default="")
    )
    session = Session(bind=op.get_bind())
    reindex_everything(session)
    settle_index(session)
    session.flush()


def downgrade():
    op.execute("ALTER TABLE search_documents DROP COLUMN body_text")
