"""The search index keeps each body's plain text with its words parted

search_documents.body_text holds the text's gaps and words, in turn, parted by U+001F
(``eurobrew.search.snippets.parted``), so that a results page splits a snippet's text
without a regular expression. The texts are parted in place, a batch at a time, and the
index is settled after (on SQLite each update wrote the row's terms anew); going down takes
the marks out again.

Revision ID: a4e8b2d6c1f3
Revises: c9d1e3f5a7b2
Create Date: 2026-12-03 10:50:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from eurobrew.models.search_upkeep import settle_index
from eurobrew.search.snippets import PART, parted

# revision identifiers, used by Alembic.
revision = "a4e8b2d6c1f3"
down_revision = "c9d1e3f5a7b2"
branch_labels = None
depends_on = None

BATCH = 2000
DOCUMENTS = sa.table("search_documents", sa.column("id"), sa.column("body_text"))


def upgrade():
    connection = op.get_bind()
    after = 0
    while True:
        rows = connection.execute(
            sa.select(DOCUMENTS.c.id, DOCUMENTS.c.body_text)
            .where(DOCUMENTS.c.id > after)
            .order_by(DOCUMENTS.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        changed = [
            {"row_id": row_id, "text": parted(text)}
            for row_id, text in rows
            if text and PART not in text
        ]
        if changed:
            connection.execute(
                DOCUMENTS.update()
                .where(DOCUMENTS.c.id == sa.bindparam("row_id"))
                .values(body_text=sa.bindparam("text")),
                changed,
            )
        after = rows[-1][0]
    # Each row's update wrote its terms anew (SQLite's trigger): the index back in one piece.
    settle_index(Session(bind=connection))


def downgrade():
    op.execute(
        DOCUMENTS.update().values(body_text=sa.func.replace(DOCUMENTS.c.body_text, PART, ""))
    )
