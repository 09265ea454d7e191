"""The search index: one row per article or page translation, with its terms and the
plain text of its body (for the results' snippets).

The rows hold space-separated terms (search/terms.py makes them): per field the lemmas
(``*_lemmas``) and the folded words (``*_words``), and ``exact``, the words as written.
Each database indexes the same columns its own way, created with the table:

- SQLite: an FTS5 table over these columns and the row's language (external content: it
  stores only the index), kept in step by triggers, so every change of a row changes the
  index in its transaction.
- PostgreSQL: two generated ``tsvector`` columns with GIN indexes: ``terms`` (weights A
  title lemmas, B title words, C body lemmas, D body words) and ``exact_terms``. The
  vectors are built from the terms with their positions, not by a text-search parser, so
  both databases match the same tokens.
"""

from __future__ import annotations

from sqlalchemy import DDL, ForeignKey, Index, String, Text, UniqueConstraint, event, text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import NEVER_REUSE_IDS

COLUMNS = ("title_lemmas", "title_words", "body_lemmas", "body_words", "exact")


class SearchDocument(db.Model):
    """The terms of one translation of an article (``article_id``) or a page (``page_id``)."""

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("article_id", "lang"),
        UniqueConstraint("page_id", "lang"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    title_lemmas: Mapped[str] = mapped_column(Text, default="")
    title_words: Mapped[str] = mapped_column(Text, default="")
    body_lemmas: Mapped[str] = mapped_column(Text, default="")
    body_words: Mapped[str] = mapped_column(Text, default="")
    exact: Mapped[str] = mapped_column(Text, default="")
    # Not searched: the body's plain text as a results page shows it, made once when saved,
    # its gaps and words parted by U+001F (search/snippets.py: ``parted``).
    body_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class SearchTerm(db.Model):
    """A word seen in the indexed texts of a language: "Did you mean" picks from these."""

    __tablename__ = "search_terms"
    __table_args__ = (UniqueConstraint("lang", "folded"), Index("ix_search_terms_lang", "lang"))

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(8))
    folded: Mapped[str] = mapped_column(String(64))  # as matched: "pivovar"
    word: Mapped[str] = mapped_column(String(64))  # as shown: "pivovár" if so written


# SQLite's index also holds each row's language, so that a search reads the matches in
# the page's language alone: a word frequent in Slovak, searched on the English page, took
# 22 ms at 100,000 articles to find none (every Slovak match joined to its row to be
# dropped); with the language in the index, 2 ms.
SQLITE_INDEXED = (*COLUMNS, "lang")


def sqlite_index(columns: tuple[str, ...]) -> list[str]:
    """FTS5's table over ``columns`` of ``search_documents`` (external content: it stores
    only the index) and the triggers of FTS5's external-content recipe, so that the index
    follows every row change in its transaction."""
    names = ", ".join(columns)
    new, old = (", ".join(f"{row}.{c}" for c in columns) for row in ("new", "old"))
    # The column names are this module's own, never a visitor's.
    insert = f"INSERT INTO search_fts(rowid, {names}) VALUES (new.id, {new});"  # noqa: S608
    delete = (
        f"INSERT INTO search_fts(search_fts, rowid, {names}) "  # noqa: S608
        f"VALUES ('delete', old.id, {old});"
    )
    return [
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5({names},
    content='search_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0')""",
        f"""CREATE TRIGGER IF NOT EXISTS search_documents_ai AFTER INSERT ON search_documents
    BEGIN {insert} END""",
        f"""CREATE TRIGGER IF NOT EXISTS search_documents_ad AFTER DELETE ON search_documents
    BEGIN {delete} END""",
        f"""CREATE TRIGGER IF NOT EXISTS search_documents_au AFTER UPDATE ON search_documents
    BEGIN {delete} {insert} END""",
    ]


SQLITE_INDEX = sqlite_index(SQLITE_INDEXED)

# An index of many small b-trees (one per transaction that wrote it) costs every search a
# look into each: tidy_index merges any two on a level (FTS5's default waits for four).
SQLITE_MERGE_PAIRS = "INSERT INTO search_fts(search_fts, rank) VALUES('usermerge', 2)"
SQLITE_INDEX.append(SQLITE_MERGE_PAIRS)

TERMS_INDEX, EXACT_INDEX = "ix_search_documents_terms", "ix_search_documents_exact"
POSTGRES_INDEX = [
    # 'term':position+weight for each term of a space-separated run; IMMUTABLE, so a
    # generated column may call it. Terms are letters and digits only (search/terms.py).
    """CREATE OR REPLACE FUNCTION search_vector(terms text, weight text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(quote_literal(term) || ':' || least(n, 16383)::text || weight, ' '),
                    '')::tsvector
    FROM unnest(string_to_array(terms, ' ')) WITH ORDINALITY AS t(term, n) WHERE term <> ''
    $$""",
    """ALTER TABLE search_documents ADD COLUMN terms tsvector GENERATED ALWAYS AS (
    search_vector(title_lemmas, 'A') || search_vector(title_words, 'B')
    || search_vector(body_lemmas, 'C') || search_vector(body_words, 'D')) STORED""",
    """ALTER TABLE search_documents ADD COLUMN exact_terms tsvector GENERATED ALWAYS AS (
    search_vector(exact, 'A')) STORED""",
    f"CREATE INDEX {TERMS_INDEX} ON search_documents USING gin (terms)",
    f"CREATE INDEX {EXACT_INDEX} ON search_documents USING gin (exact_terms)",
]
# Each language's terms have an index of their own as well (search/language_indexes.py,
# which knows the languages): their names begin with this.
LANGUAGE_INDEX_PREFIX = "ix_search_documents_terms_"


def made_by_index_statements(obj, name, type_, reflected, compare_to) -> bool:
    """False for what ``index_statements`` makes (FTS5's tables, the tsvector columns and
    their indexes): Alembic's autogenerate (``include_object``) leaves them alone."""
    if type_ == "table":
        return not name.startswith("search_fts")
    if type_ == "column":
        return not (obj.table.name == "search_documents" and name in ("terms", "exact_terms"))
    if type_ == "index":
        return name not in (TERMS_INDEX, EXACT_INDEX) and not name.startswith(LANGUAGE_INDEX_PREFIX)
    return True


def index_statements(dialect: str) -> list[str]:
    """The statements that build the index over ``search_documents`` in ``dialect``."""
    return {"sqlite": SQLITE_INDEX, "postgresql": POSTGRES_INDEX}.get(dialect, [])


for _dialect in ("sqlite", "postgresql"):
    for _statement in index_statements(_dialect):
        event.listen(
            SearchDocument.__table__,
            "after_create",
            DDL(_statement.replace("%", "%%")).execute_if(dialect=_dialect),
        )
event.listen(
    SearchDocument.__table__,
    "before_drop",
    DDL("DROP TABLE IF EXISTS search_fts").execute_if(dialect="sqlite"),
)


def settle_index(session) -> None:
    """After many documents were written at once: bring the index into the shape searches
    read fastest.

    SQLite: merge FTS5's b-trees into one. A demo site's index left in 18 pieces took 45 us
    for each of a search's three matches (140-320 us for the results statement); in one
    piece, 10-15 us (60-140 us).

    PostgreSQL: move the GIN indexes' pending entries into the indexes proper. GIN takes new
    entries into a pending list that every search reads through, until autovacuum (some
    time later) merges it. After 99,000 generated articles a one-word search took 2.4 ms
    instead of 1.5 ms on a server running meanwhile; merging is what a VACUUM would do,
    without its wait.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))
        return
    # Every GIN index on the table, the languages' included.
    session.execute(
        text(
            "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
            " WHERE i.indrelid = 'search_documents'::regclass AND a.amname = 'gin'"
        )
    )


def tidy_index(session) -> None:
    """After an edit wrote index rows (SQLite): merge FTS5's b-trees a little (at most
    about 64 pages), so that edits do not leave searches reading many small pieces: 300
    edits left 17 pieces and a match at 115 us without it, 3 pieces and 35 us with it."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO search_fts(search_fts, rank) VALUES('merge', 64)"))
