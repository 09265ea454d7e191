"""Search: the index of every article and page translation, its words, the inbox's folded text

The index is filled from the content already stored by a later migration (c9d1e3f5a7b2,
which adds the bodies' plain text), with the site's own code (``flask search reindex``).

Revision ID: 393090db3bf6
Revises: fc43cdbd1922
Create Date: 2026-12-01 17:36:41.963795

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

from eurobrew.models.contact_messages import ContactMessage
from eurobrew.models.search import POSTGRES_INDEX
from eurobrew.search.terms import folded_text


# revision identifiers, used by Alembic.
revision = '393090db3bf6'
down_revision = 'fc43cdbd1922'
branch_labels = None
depends_on = None

# SQLite's index as this revision made it: one FTS5 table of every language's rows (external
# content), kept in step by triggers. Revision b7d3f9a2c5e1 replaces it with a table per
# language.
SQLITE_SHARED_INDEX = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    title_lemmas, title_words, body_lemmas, body_words, exact,
    content='search_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER IF NOT EXISTS search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts(rowid, title_lemmas, title_words, body_lemmas, body_words, exact)
    VALUES (new.id, new.title_lemmas, new.title_words, new.body_lemmas, new.body_words,
    new.exact); END""",
    """CREATE TRIGGER IF NOT EXISTS search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title_lemmas, title_words, body_lemmas, body_words,
    exact)
    VALUES ('delete', old.id, old.title_lemmas, old.title_words, old.body_lemmas,
    old.body_words, old.exact); END""",
    """CREATE TRIGGER IF NOT EXISTS search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title_lemmas, title_words, body_lemmas, body_words,
    exact)
    VALUES ('delete', old.id, old.title_lemmas, old.title_words, old.body_lemmas,
    old.body_words, old.exact);
    INSERT INTO search_fts(rowid, title_lemmas, title_words, body_lemmas, body_words, exact)
    VALUES (new.id, new.title_lemmas, new.title_words, new.body_lemmas, new.body_words,
    new.exact); END""",
]


def upgrade():
    op.create_table('search_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('folded', sa.String(length=64), nullable=False),
    sa.Column('word', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_terms')),
    sa.UniqueConstraint('lang', 'folded', name=op.f('uq_search_terms_lang_folded'))
    )
    with op.batch_alter_table('search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_search_terms_lang', ['lang'], unique=False)

    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('page_id', sa.Integer(), nullable=True),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('title_lemmas', sa.Text(), nullable=False),
    sa.Column('title_words', sa.Text(), nullable=False),
    sa.Column('body_lemmas', sa.Text(), nullable=False),
    sa.Column('body_words', sa.Text(), nullable=False),
    sa.Column('exact', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_search_documents_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_search_documents_page_id_pages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('article_id', 'lang', name=op.f('uq_search_documents_article_id_lang')),
    sa.UniqueConstraint('page_id', 'lang', name=op.f('uq_search_documents_page_id_lang')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_article_id'), ['article_id'], unique=False)

    with op.batch_alter_table('contact_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False, server_default=''))

    bind = op.get_bind()
    made = {"sqlite": SQLITE_SHARED_INDEX, "postgresql": POSTGRES_INDEX}
    for statement in made.get(bind.dialect.name, []):
        op.execute(statement)
    session = Session(bind=bind)
    messages = session.execute(sa.select(ContactMessage.id, ContactMessage.name, ContactMessage.email,
                                         ContactMessage.company, ContactMessage.text)).all()
    for row in messages:
        folded = folded_text(" ".join((row.name, row.email, row.company or "", row.text)))
        session.execute(sa.update(ContactMessage).where(ContactMessage.id == row.id)
                        .values(search_text=folded))
    session.flush()



def downgrade():
    with op.batch_alter_table('contact_messages', schema=None) as batch_op:
        batch_op.drop_column('search_text')

    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_documents_article_id'))

    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table('search_documents')
    with op.batch_alter_table('search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_search_terms_lang')

    op.drop_table('search_terms')
