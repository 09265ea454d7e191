"""What the revisions say about a translation: the source text it was made from, and what an
item held at the version an export saw.

Every save writes a snapshot of all languages, so the source text at the moment a
translation last changed is in the revision that changed it.
"""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import select

from ..extensions import db
from ..models.revisions import Revision, revision_of_version
from .items import FEW, Item


def field_in(kind: str, data: dict, lang: str, field: str) -> str | None:
    """A field's text in ``lang`` in a snapshot; None when that language is not there."""
    if kind == "contact":
        value = data.get(f"{field}_{lang}")
        return None if value is None else str(value)
    texts = (data.get("translations") or {}).get(lang)
    return None if texts is None else str(texts.get(field) or "")


def _revisions(kind: str, ids: list[int]):
    query = select(Revision.item_id, Revision.data).where(Revision.kind == kind)
    if len(ids) <= FEW:
        query = query.where(Revision.item_id.in_(ids))
    wanted = set(ids)
    rows = db.session.execute(query.order_by(Revision.item_id, Revision.number))
    for item_id, group in groupby(rows, key=lambda row: row.item_id):
        if item_id in wanted:
            yield item_id, [row.data for row in group]


def _source_when_translated(item: Item, snapshots: list[dict], target: str, field: str):
    """The source text in the revision where the translation of ``field`` last changed, if
    the translation is still what that revision holds."""
    previous, source_then = None, None
    for data in snapshots:
        translation = field_in(item.kind, data, target, field)
        if translation != previous:
            previous = translation
            source_then = field_in(item.kind, data, item.source_lang, field)
    if previous is None or previous != item.targets.get(field):
        return None
    return source_then


def sources_then(kind: str, items: list[Item], target: str) -> dict[int, dict[str, str]]:
    """Per item id, per field: the source text its current translation was made from, as
    far as the revisions know (items never edited since they were made have none)."""
    by_id = {item.id: item for item in items if item.targets}
    found: dict[int, dict[str, str]] = {}
    for item_id, snapshots in _revisions(kind, list(by_id)):
        item = by_id[item_id]
        for field in item.sources:
            then = _source_when_translated(item, snapshots, target, field)
            if then is not None:
                found.setdefault(item_id, {})[field] = then
    return found


def target_at_version(item: Item, version: int, target: str, field: str) -> str | None:
    """The translation of ``field`` when ``item`` was at ``version``; None if no revision
    recorded that version."""
    revision = revision_of_version(item.kind, item.id, version)
    if revision is None:
        return None
    return field_in(item.kind, revision.data, target, field) or ""
