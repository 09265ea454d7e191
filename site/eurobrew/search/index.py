"""Keeping the search index in step with the content, in the same transaction.

A session hook notes every text a flush touches (an article's or a page's translation; a
new or deleted item whole) and, just before the transaction commits, writes their index
rows anew: an edit, a restore and a purge commit whole with their index. A move to the
trash or a change of state changes no text: the search checks those when it runs. Bulk inserts that
bypass the session (generated demo articles) call ``index_articles`` themselves;
``flask search reindex`` rebuilds everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..markup import plain_text
from ..models import Article, ArticleTranslation, ContactMessage, Page, PageTranslation
from ..models.search import SearchDocument, SearchTerm, tidy_index
from .snippets import parted
from .terms import LONGEST_WORD, fold, folded_stream, folded_text, lemma_streams, words

# session.info: {"article": {(id, language or None for all)}, "page": {...}}
TOUCHED = "eurobrew.search.touched"
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


def _touched(obj, whole: bool) -> tuple[str, int | None, str | None] | None:
    """("article"|"page", id, language) a flush touched, the language None for the whole
    item (``whole``: new or deleted); None for anything else. An item's own columns
    (state, dates, the trash) are not in the index: its search checks them when it runs."""
    if isinstance(obj, ArticleTranslation):
        return "article", obj.article_id or (obj.article.id if obj.article else None), obj.lang
    if isinstance(obj, PageTranslation):
        return "page", obj.page_id or (obj.page.id if obj.page else None), obj.lang
    if whole and isinstance(obj, Article):
        return "article", obj.id, None
    if whole and isinstance(obj, Page):
        return "page", obj.id, None
    return None


def note_touched(session: Session, flush_context=None) -> None:
    """After a flush (ids are known then): remember the texts it wrote."""
    touched = session.info.setdefault(TOUCHED, {"article": set(), "page": set()})
    new_or_deleted = [*session.new, *session.deleted]  # each a set built on every access
    changed = [(obj, True) for obj in new_or_deleted] + [(obj, False) for obj in session.dirty]
    for obj, whole in changed:
        found = _touched(obj, whole)
        if found and found[1] is not None:
            touched[found[0]].add(found[1:])


def write_touched(session: Session) -> None:
    """Before the commit: the index rows of every text touched, in the same transaction."""
    session.flush()
    touched = session.info.pop(TOUCHED, None)
    if not touched:
        return
    for kind, index_whole in (("article", index_articles), ("page", index_pages)):
        whole = {item_id for item_id, lang in touched[kind] if lang is None}
        if whole:
            index_whole(session, sorted(whole))
        texts = {(item_id, lang) for item_id, lang in touched[kind] if item_id not in whole}
        index_languages(session, kind, texts)
    tidy_index(session)


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


def forget_touched(session: Session, previous_transaction=None) -> None:
    """A rollback: nothing of it is to be indexed."""
    session.info.pop(TOUCHED, None)


def fold_new_messages(session: Session, flush_context=None, instances=None) -> None:
    """Before a flush: new contact messages get their folded text for the inbox's search."""
    for obj in session.new:
        if isinstance(obj, ContactMessage):
            parts = (obj.name, obj.email, obj.company, obj.text)
            obj.search_text = folded_text(" ".join(p or "" for p in parts))


def init_hooks() -> None:
    """Listen to every session (once per process)."""
    if not event.contains(Session, "after_flush", note_touched):
        event.listen(Session, "before_flush", fold_new_messages)
        event.listen(Session, "after_flush", note_touched)
        event.listen(Session, "before_commit", write_touched)
        event.listen(Session, "after_soft_rollback", forget_touched)
