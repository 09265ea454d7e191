"""Indexes for the admin's article list (newest first, of one status), dashboard and trash

Revision ID: b7e2c4d81f30
Revises: 393090db3bf6
Create Date: 2026-12-01 18:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e2c4d81f30'
down_revision = '393090db3bf6'
branch_labels = None
depends_on = None


NOT_IN_TRASH = sa.text('deleted_at IS NULL')


def upgrade():
    # Partial: PostgreSQL sorts by an index only after equalities, and IS NULL is not one.
    op.create_index(
        'ix_articles_admin_listing',
        'articles',
        ['published_on', 'id'],
        unique=False,
        sqlite_where=NOT_IN_TRASH,
        postgresql_where=NOT_IN_TRASH,
    )
    op.create_index(
        'ix_articles_admin_status',
        'articles',
        ['status', 'published_on', 'id'],
        unique=False,
        sqlite_where=NOT_IN_TRASH,
        postgresql_where=NOT_IN_TRASH,
    )
    op.create_index('ix_articles_changed', 'articles', ['updated_at', 'id'], unique=False)
    op.create_index('ix_articles_trash', 'articles', ['deleted_at', 'id'], unique=False)
    # Fresh statistics, or SQLite's planner prefers the new indexes for every sort.
    op.execute('ANALYZE articles')


def downgrade():
    op.drop_index('ix_articles_trash', table_name='articles')
    op.drop_index('ix_articles_changed', table_name='articles')
    op.drop_index('ix_articles_admin_status', table_name='articles')
    op.drop_index('ix_articles_admin_listing', table_name='articles')
