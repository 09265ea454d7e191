"""Photo files that nothing names any more, removed after a grace period (``flask media gc``).

A photo stays while an article (in the trash too) or any revision names it, so history can
bring it back and a backup's database copy never names a file its archive lacks. A file no
row names is kept for MEDIA_GRACE_HOURS more: a form being filled in may hold it.
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select, union

from ..extensions import db
from ..models import Article
from ..models.revisions import Revision
from . import upload_folder
from .storage import PHOTO_NAME, delete_photo

media_cli = AppGroup("media", help="Uploaded photos.")


def named_photos() -> set[str]:
    """Every photo an article or a revision names."""
    query = union(
        select(Article.photo).where(Article.photo.is_not(None)),
        select(Revision.photo).where(Revision.photo.is_not(None)),
    )
    return set(db.session.scalars(query))


def collect_unused(grace_hours: float | None = None, now: float | None = None) -> list[str]:
    """Remove the photos (with their smaller copies) no row names and older than the grace.

    Returns the names removed.
    """
    if grace_hours is None:
        grace_hours = current_app.config["MEDIA_GRACE_HOURS"]
    folder = upload_folder()
    if not folder.is_dir():
        return []
    keep = named_photos()
    cutoff = (time.time() if now is None else now) - grace_hours * 3600
    removed = []
    for path in sorted(folder.iterdir()):
        if PHOTO_NAME.match(path.name) and path.name not in keep and _older(path, cutoff):
            delete_photo(path.name, folder)
            removed.append(path.name)
    return removed


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except FileNotFoundError:
        return False


@media_cli.command("gc")
@click.option("--grace-hours", type=click.FloatRange(min=0), help="keep newer files (hours)")
def gc_command(grace_hours: float | None) -> None:
    """Remove photo files no article or revision names (older than MEDIA_GRACE_HOURS)."""
    removed = collect_unused(grace_hours)
    current_app.logger.info("media gc removed %d photos", len(removed))
    click.echo(f"Removed {len(removed)} unused photos.")
