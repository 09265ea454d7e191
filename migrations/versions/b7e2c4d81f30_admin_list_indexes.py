"""Indexes for the admin's article list (newest first, of one status) and dashboard

Revision ID: b7e2c4d81f30
Revises: 393090db3bf6
Create Date: 2026-12-01 18:40:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b7e2c4d81f30'
down_revision = '393090db3bf6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_articles_admin_listing', 'articles', ['deleted_at', 'published_on', 'id'], unique=False
    )
    op.create_index(
        'ix_articles_admin_status',
        'articles',
        ['deleted_at', 'status', 'published_on', 'id'],
        unique=False,
    )
    op.create_index('ix_articles_changed', 'articles', ['updated_at', 'id'], unique=False)
    # Fresh statistics, or SQLite's planner prefers the new equality index for every sort.
    op.execute('ANALYZE articles')


def downgrade():
    op.drop_index('ix_articles_changed', table_name='articles')
    op.drop_index('ix_articles_admin_status', table_name='articles')
    op.drop_index('ix_articles_admin_listing', table_name='articles')
