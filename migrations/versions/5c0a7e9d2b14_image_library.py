"""The image library: images stored once, with alt text and caption per language

Revision ID: 5c0a7e9d2b14
Revises: c4f1a9e2d6b3
Create Date: 2026-12-01 21:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c0a7e9d2b14'
down_revision = 'c4f1a9e2d6b3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('images',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stem', sa.String(length=64), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('credit', sa.String(length=200), nullable=False),
    sa.Column('decorative', sa.Boolean(), nullable=False),
    sa.Column('focal_x', sa.Integer(), nullable=False),
    sa.Column('focal_y', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('focal_x BETWEEN 0 AND 100', name=op.f('ck_images_focal_x')),
    sa.CheckConstraint('focal_y BETWEEN 0 AND 100', name=op.f('ck_images_focal_y')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_images')),
    sa.UniqueConstraint('stem', name=op.f('uq_images_stem')),
    sqlite_autoincrement=True
    )
    op.create_table('image_texts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('image_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('alt', sa.String(length=300), nullable=False),
    sa.Column('caption', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['image_id'], ['images.id'], name=op.f('fk_image_texts_image_id_images'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_image_texts')),
    sa.UniqueConstraint('image_id', 'lang', name=op.f('uq_image_texts_image_id_lang'))
    )


def downgrade():
    op.drop_table('image_texts')
    op.drop_table('images')
