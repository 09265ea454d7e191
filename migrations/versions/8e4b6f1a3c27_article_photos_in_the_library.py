"""Article photos become library images: articles.image_id replaces the photo columns

Every photo an article or a revision names becomes a library image (its files stay where
they are, so their addresses keep working), with the article's alt texts and credit, and
gets its AVIF, WebP and JPEG renditions.

Revision ID: 8e4b6f1a3c27
Revises: 5c0a7e9d2b14
Create Date: 2026-12-01 22:05:00

"""
import logging
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '8e4b6f1a3c27'
down_revision = '5c0a7e9d2b14'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def _now():
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _photos(bind):
    """Every photo named, with its size, credit and alt texts (from the article when one
    shows it, else from the newest revision naming it)."""
    photos = {}
    rows = bind.execute(sa.text(
        "SELECT id, photo, photo_width, photo_height, photo_credit FROM articles "
        "WHERE photo IS NOT NULL ORDER BY id"
    ))
    for row in rows:
        alts = dict(bind.execute(sa.text(
            "SELECT lang, photo_alt FROM article_translations WHERE article_id = :id"
        ), {"id": row.id}).all())
        photos.setdefault(row.photo, (row.photo_width, row.photo_height, row.photo_credit, alts))
    revisions = bind.execute(sa.text(
        "SELECT photo, data FROM revisions WHERE photo IS NOT NULL ORDER BY id DESC"
    ))
    for name, data in revisions:
        if name in photos:
            continue
        if isinstance(data, str):
            import json
            data = json.loads(data)
        texts = data.get("translations") or {}
        alts = {lang: (t.get("photo_alt") or "") for lang, t in texts.items()}
        photos[name] = (data.get("photo_width"), data.get("photo_height"),
                        data.get("photo_credit") or "", alts)
    return photos


def _render(stem):
    """The renditions of a moved photo; a missing file is logged, not fatal."""
    try:
        from eurobrew.media import upload_folder
        from eurobrew.media.renditions import build_renditions
        build_renditions(upload_folder(), stem)
    except Exception as error:  # noqa: BLE001 - `flask media rebuild` can make them later
        log.warning("photo %s: renditions not made (%s); run flask media rebuild", stem, error)


def upgrade():
    with op.batch_alter_table('articles', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.add_column(sa.Column('image_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_articles_image_id'), ['image_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_articles_image_id_images'), 'images', ['image_id'], ['id'],
            ondelete='SET NULL'
        )
    bind = op.get_bind()
    images = sa.table('images', *[sa.column(c) for c in (
        'stem', 'width', 'height', 'credit', 'decorative', 'focal_x', 'focal_y', 'created_at',
        'updated_at', 'updated_by', 'deleted_by', 'version')])
    texts = sa.table('image_texts', sa.column('image_id'), sa.column('lang'),
                     sa.column('alt'), sa.column('caption'))
    for name, (width, height, credit, alts) in _photos(bind).items():
        stem = name.removesuffix('.jpg')
        find = sa.text('SELECT id FROM images WHERE stem = :s')
        image_id = bind.execute(find, {'s': stem}).scalar()
        if image_id is None:  # already in the library after a downgrade: kept as it is
            now = _now()
            bind.execute(images.insert().values(
                stem=stem, width=width or 1200, height=height or 800, credit=credit or '',
                decorative=False, focal_x=50, focal_y=50, created_at=now, updated_at=now,
                updated_by='', deleted_by='', version=1))
            image_id = bind.execute(find, {'s': stem}).scalar_one()
            for lang, alt in alts.items():
                bind.execute(texts.insert().values(image_id=image_id, lang=lang,
                                                   alt=alt or '', caption=''))
        bind.execute(sa.text('UPDATE articles SET image_id = :i WHERE photo = :p'),
                     {'i': image_id, 'p': name})
        _render(stem)
    with op.batch_alter_table('articles', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('photo_credit')
        batch_op.drop_column('photo_height')
        batch_op.drop_column('photo_width')
        batch_op.drop_column('photo')
    with op.batch_alter_table('article_translations', schema=None) as batch_op:
        batch_op.drop_column('photo_alt')


def downgrade():
    with op.batch_alter_table('article_translations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('photo_alt', sa.String(length=300), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('articles', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.add_column(sa.Column('photo', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('photo_width', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('photo_height', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('photo_credit', sa.String(length=200), nullable=False,
                                      server_default=''))
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        'SELECT a.id, i.id AS image_id, i.stem, i.width, i.height, i.credit '
        'FROM articles a JOIN images i ON i.id = a.image_id'
    )).all()
    for row in rows:
        bind.execute(sa.text(
            'UPDATE articles SET photo = :p, photo_width = :w, photo_height = :h, '
            'photo_credit = :c WHERE id = :id'
        ), {'p': row.stem + '.jpg', 'w': row.width, 'h': row.height, 'c': row.credit,
            'id': row.id})
        bind.execute(sa.text(
            'UPDATE article_translations SET photo_alt = '
            '(SELECT alt FROM image_texts t WHERE t.image_id = :i '
            'AND t.lang = article_translations.lang) '
            'WHERE article_id = :id AND EXISTS (SELECT 1 FROM image_texts t '
            'WHERE t.image_id = :i AND t.lang = article_translations.lang)'
        ), {'i': row.image_id, 'id': row.id})
    with op.batch_alter_table('articles', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_articles_image_id_images'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_articles_image_id'))
        batch_op.drop_column('image_id')
