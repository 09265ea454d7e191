"""Keeping the search index in step with the content, in the same transaction.

A session hook notes every text a flush touches (an article's or a page's translation; a
new or deleted item whole) and, just before the transaction commits, writes their index
rows anew (``index.py``): an edit, a restore and a purge commit whole with their index. A
move to the trash or a change of state changes no text: the search checks those when it
runs.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..models import Article, ArticleTranslation, ContactMessage, Page, PageTranslation
from ..models.search_upkeep import tidy_index
from .index import index_articles, index_languages, index_pages
from .terms import folded_text

# session.info: {"article": {(id, language or None for all)}, "page": {...}}
TOUCHED = "eurobrew.search.touched"


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
