"""Writing a change with its revision: history's starting point, the revision, one commit.

Shared by the admin's editors and the content translations' import, so both record changes
the same way. ``kind`` is anything with a ``name`` ("article", "page", "contact", "image")
and a ``snapshot`` function (models/snapshots.py).
"""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from .revisions import Revision, RevisionAction, record_revision, revisions_of

# session.info key: starting points noted by ensure_baseline, written by commit_revision.
BASELINES = "eurobrew.baselines"


class EditConflict(Exception):
    """The item changed since the form was loaded (or while it was being saved)."""


def ensure_baseline(kind, item) -> None:
    """Before an item's first recorded change, keep its state as history's starting point.

    Only noted here, before the change: ``commit_revision`` writes it once the item's row is
    updated (and so locked), when no revision has appeared meanwhile. Two admins saving an
    item's first change at once thus leave one starting point, and the second gets the
    conflict its stale version calls for.
    """
    if item.id is None or revisions_of(kind.name, item.id):
        return
    baselines = db.session.info.setdefault(BASELINES, {})
    baselines[(kind.name, item.id)] = (item.version, kind.snapshot(item), item.updated_by or "")


def add_revision(kind, item, action: str, username: str) -> Revision:
    """Add ``item``'s revision to the flushed transaction, after the starting point
    ``ensure_baseline`` noted for its first recorded change; the caller commits."""
    baseline = db.session.info.get(BASELINES, {}).pop((kind.name, item.id), None)
    if baseline and not revisions_of(kind.name, item.id):
        version, data, by = baseline
        record_revision(kind.name, item.id, version, RevisionAction.EXISTING, data, by)
    return record_revision(kind.name, item.id, item.version, action, kind.snapshot(item), username)


def commit_revision(kind, item, action: str, username: str, also=()) -> Revision:
    """Flush the change (checking the version), add its revision and commit both at once.

    ``also``: (kind, item, action) of other items changed with it (an article's new photo),
    whose revisions go into the same transaction.
    """
    return commit_revisions(kind, [item], action, username, also)[0]


def commit_revisions(kind, items: list, action: str, username: str, also=()) -> list:
    """Flush the changes of ``items`` (checking each version), add a revision for each and
    commit them all at once (a reordered menu changes several pages)."""
    try:
        db.session.flush()
        revisions = [add_revision(kind, item, action, username) for item in items]
        for other_kind, other, other_action in also:
            add_revision(other_kind, other, other_action, username)
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise EditConflict from error
    return revisions


CHUNK = 500  # ids per IN (...) list


def _numbers(kind, ids: list[int]) -> dict[int, int]:
    """Each item's newest revision number, for those that have one."""
    found = {}
    for start in range(0, len(ids), CHUNK):
        rows = db.session.execute(
            select(Revision.item_id, func.max(Revision.number))
            .where(Revision.kind == kind.name, Revision.item_id.in_(ids[start : start + CHUNK]))
            .group_by(Revision.item_id)
        )
        found.update((item_id, number) for item_id, number in rows)
    return found


def ensure_baselines(kind, items: list) -> None:
    """``ensure_baseline`` for many items of one kind at once (an import changes thousands),
    called before they change."""
    with db.session.no_autoflush:
        recorded = _numbers(kind, [item.id for item in items])
    baselines = db.session.info.setdefault(BASELINES, {})
    for item in items:
        if item.id not in recorded:
            snapshot = (item.version, kind.snapshot(item), item.updated_by or "")
            baselines[(kind.name, item.id)] = snapshot


def add_revisions(kind, items: list, action: str, username: str) -> None:
    """``add_revision`` for many flushed items of one kind: their starting points where
    ``ensure_baselines`` noted one and no revision appeared meanwhile, then the revisions."""
    numbers = _numbers(kind, [item.id for item in items])
    noted = db.session.info.get(BASELINES, {})
    rows = []
    for item in items:
        number = numbers.get(item.id, 0)
        baseline = noted.pop((kind.name, item.id), None)
        if baseline and not number:
            version, data, by = baseline
            number += 1
            existing = RevisionAction.EXISTING
            rows.append(_revision_row(kind, item, number, version, existing, data, by))
        data = kind.snapshot(item)
        rows.append(_revision_row(kind, item, number + 1, item.version, action, data, username))
    if rows:
        # Rows, not entities: nothing reads these back in the transaction, and 20,000
        # entities cost an import more than the rest of its writes.
        db.session.execute(insert(Revision), rows)


def _revision_row(kind, item, number: int, version: int, action: str, data: dict, by: str):
    return {
        "kind": kind.name,
        "item_id": item.id,
        "number": number,
        "version": version,
        "action": action,
        "data": data,
        "photo": data.get("photo"),
        "created_by": by,
    }
