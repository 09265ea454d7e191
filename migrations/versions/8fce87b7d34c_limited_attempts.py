"""Attempts that limits count (failed logins, contact messages), shared by every worker

Revision ID: 8fce87b7d34c
Revises: 75691298fef3
Create Date: 2026-12-01 15:13:52.913085

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8fce87b7d34c'
down_revision = '75691298fef3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('limited_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_limited_attempts'))
    )
    with op.batch_alter_table('limited_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_limited_attempts_expires_at', ['expires_at'], unique=False)
        batch_op.create_index('ix_limited_attempts_key_created', ['key', 'created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('limited_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_limited_attempts_key_created')
        batch_op.drop_index('ix_limited_attempts_expires_at')

    op.drop_table('limited_attempts')
