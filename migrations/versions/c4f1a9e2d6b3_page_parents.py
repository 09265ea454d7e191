"""Pages under a parent page: pages.parent_id (one level, kept by the admin's rules)

Revision ID: c4f1a9e2d6b3
Revises: b7e2c4d81f30
Create Date: 2026-12-02 10:00:00.000000

Purging a parent leaves its children at the top level (ON DELETE SET NULL). SQLite adds a
foreign key only by rebuilding the table, which keeps AUTOINCREMENT (ids never reused).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4f1a9e2d6b3'
down_revision = 'b7e2c4d81f30'
branch_labels = None
depends_on = None


def batch():
    return op.batch_alter_table('pages', table_kwargs={'sqlite_autoincrement': True})


def upgrade():
    with batch() as pages:
        pages.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        pages.create_foreign_key(
            op.f('fk_pages_parent_id_pages'), 'pages', ['parent_id'], ['id'], ondelete='SET NULL'
        )
        pages.create_index(op.f('ix_pages_parent_id'), ['parent_id'], unique=False)


def downgrade():
    with batch() as pages:
        pages.drop_index(op.f('ix_pages_parent_id'))
        pages.drop_constraint(op.f('fk_pages_parent_id_pages'), type_='foreignkey')
        pages.drop_column('parent_id')
