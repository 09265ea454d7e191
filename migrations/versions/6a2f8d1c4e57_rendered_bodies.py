"""Each article's and page's body stored rendered beside its Markdown

article_translations and page_translations gain body_html (the cleaned HTML, with markers
for library images and contact data) and body_html_version (the renderer's version that
made it). Every existing body is rendered here; a later renderer version renders again
with `flask bodies render`.

Revision ID: 6a2f8d1c4e57
Revises: 3d7c2b9e4f10
Create Date: 2026-12-02 06:00:00

"""

import sqlalchemy as sa
from alembic import op

from eurobrew.models.rendered_bodies import TABLES, store_rendered_bodies

# revision identifiers, used by Alembic.
revision = "6a2f8d1c4e57"
down_revision = "3d7c2b9e4f10"
branch_labels = None
depends_on = None


def upgrade():
    for name in TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.add_column(sa.Column("body_html", sa.Text(), nullable=True))
            batch_op.add_column(sa.Column("body_html_version", sa.Integer(), nullable=True))
    store_rendered_bodies(op.get_bind())


def downgrade():
    for name in TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.drop_column("body_html_version")
            batch_op.drop_column("body_html")
