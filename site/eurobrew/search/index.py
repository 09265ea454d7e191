"""The search index's rows: each text's terms, words and plain text, written anew for an item.

``session_hooks.py`` calls these in the transaction of every edit, restore and purge.
Bulk inserts that bypass the session (generated demo articles) call ``index_articles``
themselves; ``flask search reindex`` rebuilds everything (``reindex_everything``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..markup import plain_text
from ..models import Article, ArticleTranslation, Page, PageTranslation
from ..models.search import SearchDocument, SearchTerm
from .snippets import parted
from .terms import LONGEST_WORD, fold, folded_stream, lemma_streams, words

CHUNK = 2000
LONGEST_INDEXED = 100  # characters


def indexed_words(text: str) -> list[str]:
    """The words of ``text`` worth indexing: a "word" past LONGEST_INDEXED characters is
    junk (a pasted hash or a run of letters), and PostgreSQL refuses terms over 2 kB."""
    return [w for w in words(text) if len(w) <= LONGEST_INDEXED]


def document(lang: str, title: str, body: str, place: str = "", note: str = ""):
    """The index row of one translation (without its owner), and the words it holds.

    ``body`` is searched and shown in snippets; an article's ``place`` and ``note`` are
    searched with it (place, body, note: a phrase may run from one into the next)."""
    body_text = plain_text(body or "")
    searched = [plain_text(place) if place else "", body_text, plain_text(note) if note else ""]
    title_words = indexed_words(title or "")
    body_words = indexed_words(" ".join(part for part in searched if part))
    row = {
        "lang": lang,
        "title_lemmas": lemma_streams(title_words, lang),
        "title_words": folded_stream(title_words),
        "body_lemmas": lemma_streams(body_words, lang),
        "body_words": folded_stream(body_words),
        "exact": " ".join(title_words + body_words),
        "body_text": parted(body_text),  # split at its words once, for the snippets
    }
    return row, title_words + body_words


def article_rows(translations: Iterable) -> tuple[list[dict], dict[str, set[str]]]:
    """Index rows of article translations (objects or dicts), and the words per language."""
    rows, seen = [], {}
    for t in translations:
        get = t.get if isinstance(t, dict) else lambda name, t=t: getattr(t, name)
        row, found = document(get("lang"), get("title"), get("body"), get("place"), get("note"))
        rows.append({**row, "article_id": get("article_id"), "page_id": None})
        seen.setdefault(get("lang"), set()).update(found)
    return rows, seen


def page_rows(translations: Iterable) -> tuple[list[dict], dict[str, set[str]]]:
    """Index rows of page translations, and the words per language."""
    rows, seen = [], {}
    for t in translations:
        row, found = document(t.lang, t.title, t.body)
        rows.append({**row, "article_id": None, "page_id": t.page_id})
        seen.setdefault(t.lang, set()).update(found)
    return rows, seen


def insert_ignoring_duplicates(session: Session, table, rows: list[dict]) -> None:
    """INSERT rows, skipping those a unique key already holds."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[session.get_bind().dialect.name]
    for start in range(0, len(rows), CHUNK):
        statement = dialect.insert(table).on_conflict_do_nothing()
        session.execute(statement, rows[start : start + CHUNK])


def store(session: Session, rows: list[dict], seen: dict[str, set[str]]) -> None:
    """Insert index rows and remember their words for "Did you mean"."""
    # RETURNING has SQLAlchemy send many rows per INSERT ("insertmanyvalues"), not one per
    # row: on SQLite each statement that fires the FTS5 trigger writes the index's pending
    # terms out as a new piece (10,000 articles: 5.1 s one by one, 1.4 s 1,000 at a time).
    statement = SearchDocument.__table__.insert().returning(SearchDocument.id)
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, rows[start : start + CHUNK])
    terms = [
        {"lang": lang, "folded": fold(word), "word": word}
        for lang, found in seen.items()
        for word in found
        if len(word) <= LONGEST_WORD and not word.isdigit()
    ]
    insert_ignoring_duplicates(session, SearchTerm.__table__, terms)


# The columns the index reads (not whole entities: a migration that builds the index runs
# before later columns exist).
_ARTICLE_TEXTS = select(
    *(getattr(ArticleTranslation, name) for name in ("article_id", "lang", "title", "place")),
    ArticleTranslation.body,
    ArticleTranslation.note,
)
_PAGE_TEXTS = select(
    PageTranslation.page_id, PageTranslation.lang, PageTranslation.title, PageTranslation.body
)


def index_articles(session: Session, article_ids: Iterable[int]) -> None:
    """Write the index rows of these articles anew (none for those that no longer exist)."""
    ids = list(article_ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        session.execute(delete(SearchDocument).where(SearchDocument.article_id.in_(chunk)))
        found = session.execute(_ARTICLE_TEXTS.where(ArticleTranslation.article_id.in_(chunk)))
        store(session, *article_rows(found.all()))


def index_pages(session: Session, page_ids: Iterable[int]) -> None:
    """Write the index rows of these pages anew."""
    ids = list(page_ids)
    session.execute(delete(SearchDocument).where(SearchDocument.page_id.in_(ids)))
    found = session.execute(_PAGE_TEXTS.where(PageTranslation.page_id.in_(ids)))
    store(session, *page_rows(found.all()))


def reindex_everything(session: Session) -> int:
    """Rebuild the whole index; returns how many translations it holds."""
    session.execute(delete(SearchDocument))
    session.execute(delete(SearchTerm))
    article_ids = session.scalars(select(Article.id).order_by(Article.id)).all()
    index_articles(session, article_ids)
    index_pages(session, session.scalars(select(Page.id)).all())
    return session.scalar(select(func.count()).select_from(SearchDocument))


def index_languages(session: Session, kind: str, texts: set[tuple[int, str]]) -> None:
    """Write the index rows of these (item id, language) texts anew: an edit of one
    language leaves the others' rows alone."""
    # Plain rows, as for a whole item: an import's 100,000 texts are not loaded as entities.
    translation, link, texts_query, rows_of = {
        "article": (ArticleTranslation, "article_id", _ARTICLE_TEXTS, article_rows),
        "page": (PageTranslation, "page_id", _PAGE_TEXTS, page_rows),
    }[kind]
    by_language: dict[str, list[int]] = {}
    for item_id, lang in texts:
        by_language.setdefault(lang, []).append(item_id)
    for lang, ids in by_language.items():
        ids.sort()
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            documents = getattr(SearchDocument, link).in_(chunk), SearchDocument.lang == lang
            session.execute(delete(SearchDocument).where(*documents))
            texts_now = getattr(translation, link).in_(chunk), translation.lang == lang
            store(session, *rows_of(session.execute(texts_query.where(*texts_now)).all()))
