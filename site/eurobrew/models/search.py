"""The search index: one row per article or page translation, with its terms and the
plain text of its body (for the results' snippets).

The rows hold space-separated terms (search/terms.py makes them): per field the lemmas
(``*_lemmas``) and the folded words (``*_words``), and ``exact``, the words as written.
Each database indexes the same columns its own way, created with the table:

- SQLite: an FTS5 table per language over these columns (contentless: it stores only the
  index), kept in step by triggers, so every change of a row changes the index in its
  transaction. The search package makes one for each of the site's languages.
- PostgreSQL: two generated ``tsvector`` columns with GIN indexes: ``terms`` (weights A
  title lemmas, B title words, C body lemmas, D body words) and ``exact_terms``. The
  vectors are built from the terms with their positions, not by a text-search parser, so
  both databases match the same tokens.
"""

from __future__ import annotations

from sqlalchemy import DDL, ForeignKey, Index, String, Text, UniqueConstraint, event
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


def fts_table(lang: str) -> str:
    """SQLite: the name of the FTS5 table of ``lang``'s rows."""
    if not (lang.isascii() and lang.isalpha() and lang.islower()):  # it goes into SQL
        raise ValueError(f"not a language code: {lang!r}")
    return f"search_fts_{lang}"


def sqlite_language_index(lang: str) -> list[str]:
    """SQLite: the FTS5 table of ``lang``'s rows and the triggers that keep it in step with
    every change of such a row, in its transaction.

    A table per language: a search reads the matches in the page's language alone (a word in
    a sixth of 100,000 Slovak texts, searched on the English page, took 22 ms to find none
    in one table of both). Contentless: the texts are the rows', the table holds only the
    index. An index of many small b-trees (one per transaction that wrote it) costs every
    search a look into each: ``tidy_index`` (``search_upkeep.py``) merges any two on a
    level (``usermerge`` 2; FTS5's default waits for four).
    """
    name, columns = fts_table(lang), ", ".join(COLUMNS)
    new, old = (", ".join(f"{row}.{c}" for c in COLUMNS) for row in ("new", "old"))
    # Names and the language code are this module's own, never a visitor's.
    insert = f"INSERT INTO {name}(rowid, {columns}) SELECT new.id, {new}"  # noqa: S608
    delete = f"INSERT INTO {name}({name}, rowid, {columns}) SELECT 'delete', old.id, {old}"  # noqa: S608
    trigger = f"CREATE TRIGGER IF NOT EXISTS {name}_%s AFTER %s ON search_documents WHEN %s"
    old_row, new_row = f"old.lang = '{lang}'", f"new.lang = '{lang}'"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5({columns}, content='',"
        " tokenize='unicode61 remove_diacritics 0')",
        f"INSERT INTO {name}({name}, rank) VALUES('usermerge', 2)",
        trigger % ("ai", "INSERT", new_row) + f" BEGIN {insert}; END",
        trigger % ("ad", "DELETE", old_row) + f" BEGIN {delete}; END",
        trigger % ("au", "UPDATE", f"{old_row} OR {new_row}")
        + f" BEGIN {delete} WHERE {old_row}; {insert} WHERE {new_row}; END",
    ]


def sqlite_fill_language_index(lang: str) -> str:
    """SQLite: the statement that indexes every row of ``lang`` in its (empty) table."""
    columns = ", ".join(COLUMNS)
    return (
        f"INSERT INTO {fts_table(lang)}(rowid, {columns}) "  # noqa: S608 - as above
        f"SELECT id, {columns} FROM search_documents WHERE lang = '{lang}'"
    )


def sqlite_drop_language_index(lang: str) -> list[str]:
    """SQLite: the statements that drop ``lang``'s table and its triggers."""
    name = fts_table(lang)
    triggers = [f"DROP TRIGGER IF EXISTS {name}_{event}" for event in ("ai", "ad", "au")]
    return [*triggers, f"DROP TABLE IF EXISTS {name}"]


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
# PostgreSQL: each language's rows by id, for a frequent word's search, read newest first.
NEWEST_INDEX_PREFIX = "ix_search_documents_newest_"


def made_by_index_statements(obj, name, type_, reflected, compare_to) -> bool:
    """False for what the search's index statements make (FTS5's tables, the tsvector
    columns and their indexes): Alembic's autogenerate (``include_object``) leaves them
    alone."""
    if type_ == "table":
        return not name.startswith("search_fts")
    if type_ == "column":
        return not (obj.table.name == "search_documents" and name in ("terms", "exact_terms"))
    if type_ == "index":
        prefixes = (LANGUAGE_INDEX_PREFIX, NEWEST_INDEX_PREFIX)
        return name not in (TERMS_INDEX, EXACT_INDEX) and not name.startswith(prefixes)
    return True


for _statement in POSTGRES_INDEX:
    event.listen(
        SearchDocument.__table__,
        "after_create",
        DDL(_statement.replace("%", "%%")).execute_if(dialect="postgresql"),
    )
