"""Writing an import: each changed item gets its new texts and a revision, as an edit in the
admin would, and everything is committed in one transaction or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from ..models import (
    Article,
    ArticleTranslation,
    CompanyContact,
    Image,
    ImageText,
    Page,
    PageTranslation,
)
from ..models.base import utcnow
from ..models.recording import EditConflict, add_revisions, ensure_baselines
from ..models.revisions import RevisionAction
from ..models.snapshots import article_snapshot, contact_snapshot, image_snapshot, page_snapshot
from ..models.translated import assign, slugify
from ..web.routing import reserved_segments
from .outcome import ItemChange, Plan

CHUNK = 500
SLUG_LENGTH = 120


@dataclass(frozen=True)
class Recorded:
    """A kind as its history names it (models/recording.py needs no more)."""

    name: str
    model: type
    snapshot: Callable


RECORDED = {
    "article": Recorded("article", Article, article_snapshot),
    "page": Recorded("page", Page, page_snapshot),
    "contact": Recorded("contact", CompanyContact, contact_snapshot),
    "image": Recorded("image", Image, image_snapshot),
}
CHILDREN = {"article": "translations", "page": "translations", "image": "texts"}


class Slugs:
    """Free slugs for new translations, none given twice within one import."""

    def __init__(self):
        self.given: set[tuple[str, str, str]] = set()

    def free(self, model, lang: str, title: str, reserved: set[str] = frozenset()) -> str:
        """A slug made from ``title`` that no text of ``model`` in ``lang`` has."""
        base = slugify(title, SLUG_LENGTH - 4) or model.__tablename__.split("_")[0]
        query = select(model.slug).where(model.lang == lang, model.slug.startswith(base))
        taken = set(db.session.scalars(query)) | set(reserved)
        taken |= {slug for table, code, slug in self.given if (table, code) == (model, lang)}
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        self.given.add((model, lang, candidate))
        return candidate


def _write_translated(item, lang: str, after: dict, model, slugs: Slugs, reserved=frozenset()):
    translation = item.translation(lang)
    if translation is None:
        slug = slugs.free(model, lang, after["title"], reserved)
        item.translations.append(model(lang=lang, slug=slug, **after))
        return
    for name, value in after.items():
        assign(translation, name, value)


def _write(kind: str, item, lang: str, after: dict, slugs: Slugs) -> None:
    if kind == "article":
        _write_translated(item, lang, after, ArticleTranslation, slugs)
    elif kind == "page":
        reserved = reserved_segments(current_app, lang)
        _write_translated(item, lang, after, PageTranslation, slugs, reserved)
    elif kind == "image":
        text = item.text(lang)
        if text is None:
            text = ImageText(lang=lang, alt="", caption="")
            item.texts.append(text)
        for name, value in after.items():
            assign(text, name, value)
    else:
        for name, value in after.items():
            assign(item, f"{name}_{lang}", value)


def _load(kind: str, ids: list[int]) -> dict[int, object]:
    model = RECORDED[kind].model
    loaded = {}
    for start in range(0, len(ids), CHUNK):
        query = select(model).where(model.id.in_(ids[start : start + CHUNK]))
        if kind in CHILDREN:
            query = query.options(selectinload(getattr(model, CHILDREN[kind])))
        loaded.update((item.id, item) for item in db.session.scalars(query))
    return loaded


def _changed_items(plan: Plan, username: str) -> list[tuple[str, list]]:
    written, slugs = [], Slugs()
    by_kind: dict[str, list[ItemChange]] = {}
    for change in plan.changes:
        by_kind.setdefault(change.item.kind, []).append(change)
    for kind, changes in by_kind.items():
        loaded = _load(kind, [change.item.id for change in changes])
        items = [loaded.get(change.item.id) for change in changes]
        if any(
            i is None or i.version != c.item.version for i, c in zip(items, changes, strict=True)
        ):
            raise EditConflict(kind)
        ensure_baselines(RECORDED[kind], items)
        # One flush for the whole import, not one per query the slugs ask.
        with db.session.no_autoflush:
            for item, change in zip(items, changes, strict=True):
                _write(kind, item, plan.lang, change.after, slugs)
            if kind in CHILDREN:
                _count_versions(kind, items, username)
            else:
                for item in items:
                    item.updated_by, item.updated_at = username, utcnow()
        written.append((kind, items))
    return written


def _count_versions(kind: str, items: list, username: str) -> None:
    """Count up each item's version, with who changed it and when, in one executemany
    statement; raise EditConflict when one's version moved since it was read.

    The items' texts are in their children's rows, so their own rows change only here.
    SQLAlchemy's version counter would send one UPDATE per item (it checks each row's
    count, which rules out executemany): 100,000 statements for as many articles.
    """
    table = RECORDED[kind].model.__table__
    now = utcnow()
    statement = (
        update(table)
        .where(table.c.id == bindparam("item_id"), table.c.version == bindparam("read"))
        .values(version=table.c.version + 1, updated_by=username, updated_at=now)
    )
    rows = [{"item_id": item.id, "read": item.version} for item in items]
    if db.session.execute(statement, rows).rowcount != len(items):
        raise EditConflict(kind)
    for item in items:
        set_committed_value(item, "version", item.version + 1)
        set_committed_value(item, "updated_by", username)
        set_committed_value(item, "updated_at", now)


def apply_plan(plan: Plan, username: str) -> int:
    """Write ``plan``'s changes with a revision per item, all in one transaction; returns
    how many items changed. Raises EditConflict (nothing written) when one changed
    meanwhile."""
    if plan.problems:
        raise ValueError("a file with problems is never applied")
    try:
        written = _changed_items(plan, username)
        db.session.flush()
        for kind, items in written:
            add_revisions(RECORDED[kind], items, RevisionAction.SAVED, username)
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise EditConflict from error
    except BaseException:
        db.session.rollback()
        raise
    return sum(len(items) for _, items in written)
