"""contact: messages sent through the contact form, kept for the admins' inbox

A new table only; existing content is untouched.

Revision ID: 75691298fef3
Revises: 879d9ec97e71
Create Date: 2026-11-24 17:14:45.486061

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '75691298fef3'
down_revision = '879d9ec97e71'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('contact_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('mail_sent_at', sa.DateTime(), nullable=True),
    sa.Column('mail_error', sa.String(length=500), nullable=False),
    sa.CheckConstraint("status IN ('new', 'read', 'archived')", name=op.f('ck_contact_messages_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_messages'))
    )
    with op.batch_alter_table('contact_messages', schema=None) as batch_op:
        batch_op.create_index('ix_contact_messages_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_contact_messages_listing', ['status', 'created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('contact_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_messages_listing')
        batch_op.drop_index('ix_contact_messages_created_at')

    op.drop_table('contact_messages')
