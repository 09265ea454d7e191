"""admin sessions: one row per login, so an admin may be logged in on several devices

The session token kept on each account (users.session_token) is dropped: sessions opened
before this revision end, and their admins log in again.

Revision ID: acb49a4024c2
Revises: 8fce87b7d34c
Create Date: 2026-12-01 16:23:03.076753

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'acb49a4024c2'
down_revision = '8fce87b7d34c'
branch_labels = None
depends_on = None


def upgrade():
    # Before admin_sessions exists: SQLite's batch mode copies the users table anew, and no
    # table may refer to it meanwhile.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_token')

    op.create_table('admin_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('user_agent', sa.String(length=300), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_admin_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admin_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_admin_sessions_token_hash')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('admin_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_sessions_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('admin_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_sessions_user_id'))

    op.drop_table('admin_sessions')
    # The old tokens cannot come back: an empty one opens no session, so every admin logs
    # in again.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), nullable=False, server_default=''))
