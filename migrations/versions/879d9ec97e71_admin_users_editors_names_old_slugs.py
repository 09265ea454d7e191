"""admin: user accounts, who changed articles and pages, old slugs answering with 301

Existing articles and pages get an empty "changed by" (server default ''), so the
revision applies to a database that already has content.

Revision ID: 879d9ec97e71
Revises: 549ed0561295
Create Date: 2026-11-24 16:22:32.710466

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '879d9ec97e71'
down_revision = '549ed0561295'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('article_old_slugs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_old_slugs_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_old_slugs')),
    sa.UniqueConstraint('lang', 'slug', name=op.f('uq_article_old_slugs_lang_slug'))
    )
    with op.batch_alter_table('article_old_slugs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_old_slugs_article_id'), ['article_id'], unique=False)

    op.create_table('page_old_slugs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_page_old_slugs_page_id_pages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_page_old_slugs')),
    sa.UniqueConstraint('lang', 'slug', name=op.f('uq_page_old_slugs_lang_slug'))
    )
    with op.batch_alter_table('page_old_slugs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_page_old_slugs_page_id'), ['page_id'], unique=False)

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('updated_by', sa.String(length=80), nullable=False, server_default=''))

    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('updated_by', sa.String(length=80), nullable=False, server_default=''))



def downgrade():
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_column('updated_by')

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_column('updated_by')

    with op.batch_alter_table('page_old_slugs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_page_old_slugs_page_id'))

    op.drop_table('page_old_slugs')
    with op.batch_alter_table('article_old_slugs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_old_slugs_article_id'))

    op.drop_table('article_old_slugs')
    op.drop_table('users')
