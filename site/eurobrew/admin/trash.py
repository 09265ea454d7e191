"""The trash: deleted articles and pages wait here, restorable, until they are purged."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.cli import AppGroup
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import delete, select

from ..extensions import db
from ..media.collect import collect_unused
from ..models import Article, Page
from ..models.base import utcnow
from ..models.pages import parent_allowed
from ..models.revisions import Revision, RevisionAction
from . import bp, queries
from .audit import record_event
from .editing import commit_revision, is_stale
from .forms import VersionedConfirmForm
from .kinds import ARTICLE, IMAGE, PAGE, Kind
from .media_queries import trashed_images

TRASHABLE = {"article": ARTICLE, "page": PAGE, "image": IMAGE}
trash_cli = AppGroup("trash", help="Deleted articles and pages.")


def restore_from_trash(kind: Kind, item, username: str) -> None:
    """Take ``item`` out of the trash, with its slugs and photo, as it was deleted.

    A page whose parent has left meanwhile (deleted, or put under another page) comes back
    at the top level.
    """
    item.deleted_at = None
    item.deleted_by = ""
    if isinstance(item, Page) and not parent_allowed(item, item.parent_id):
        item.parent_id = None
    commit_revision(kind, item, RevisionAction.UNDELETED, username)


def days_left(item) -> int:
    """Whole days until the item may be purged (0: at the next purge)."""
    ends = item.deleted_at + timedelta(days=current_app.config["TRASH_DAYS"])
    return max(0, (ends - utcnow()).days)


@bp.get("/trash/")
def trash():
    """Every deleted article, page and image, with who deleted it, when, and a way back."""
    return render_template(
        "admin/trash.html",
        articles=queries.trashed(Article),
        pages=queries.trashed(Page),
        images=trashed_images(),
        days_left=days_left,
        form=VersionedConfirmForm(),
    )


@bp.post("/trash/<kind>/<id:item_id>/restore")
def restore_trashed(kind: str, item_id: int):
    """Restore one item from the trash (the form names the version it was shown at)."""
    if kind not in TRASHABLE:
        abort(404)
    item = db.get_or_404(TRASHABLE[kind].model, item_id)
    form = VersionedConfirmForm()
    if not form.validate_on_submit() or not item.in_trash or is_stale(form.version.data, item):
        flash(gettext("It was changed meanwhile; nothing was restored. Look again."), "info")
        return redirect(url_for("admin.trash"), code=303)
    restore_from_trash(TRASHABLE[kind], item, current_user.username)
    flash(gettext("Restored from the trash."), "success")
    return redirect(TRASHABLE[kind].edit_url(item.id))


def purge(older_than_days: int) -> int:
    """Delete for good what was put in the trash more than ``older_than_days`` ago.

    Their revisions go with them, so that the photos only they named can be collected.
    """
    before = utcnow() - timedelta(days=older_than_days)
    purged = 0
    for kind in TRASHABLE.values():
        items = db.session.scalars(select(kind.model).where(kind.model.deleted_at < before)).all()
        for item in items:
            db.session.execute(
                delete(Revision).where(Revision.kind == kind.name, Revision.item_id == item.id)
            )
            # No account does this: the trash's time ran out (flask trash purge).
            record_event("purged", "-", f"{kind.name} {item.id}")
            db.session.delete(item)
        purged += len(items)
    db.session.commit()
    return purged


@trash_cli.command("purge")
@click.option("--older-than", "days", type=click.IntRange(min=0), help="days in the trash")
def purge_command(days: int | None) -> None:
    """Delete for good what has been in the trash longer than TRASH_DAYS (or --older-than)."""
    days = current_app.config["TRASH_DAYS"] if days is None else days
    purged = purge(days)
    removed = collect_unused()
    current_app.logger.info("trash purged: %d items older than %d days", purged, days)
    click.echo(f"Purged {purged} items from the trash; removed {len(removed)} unused photos.")
