"""``flask media``: remove unused picture files, make the library's renditions again."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from ..extensions import db
from ..models import Image
from . import upload_folder
from .collect import collect_unused
from .renditions import build_renditions, master_name

media_cli = AppGroup("media", help="Uploaded pictures and the image library.")


@media_cli.command("gc")
@click.option("--grace-hours", type=click.FloatRange(min=0), help="keep newer files (hours)")
def gc_command(grace_hours: float | None) -> None:
    """Remove picture files nothing names (older than MEDIA_GRACE_HOURS)."""
    removed = collect_unused(grace_hours)
    current_app.logger.info("media gc removed %d files", len(removed))
    click.echo(f"Removed {len(removed)} unused files.")


@media_cli.command("rebuild")
def rebuild_command() -> None:
    """Make every library image's renditions again from its stored picture."""
    folder = upload_folder()
    images = db.session.execute(select(Image.stem, Image.focal_x, Image.focal_y)).all()
    missing = []
    for stem, focal_x, focal_y in images:
        if not (folder / master_name(stem)).is_file():
            missing.append(stem)
            continue
        build_renditions(folder, stem, (focal_x, focal_y))
    click.echo(f"Rebuilt the renditions of {len(images) - len(missing)} images.")
    if missing:
        click.echo(f"No stored picture for {len(missing)}: {', '.join(missing)}", err=True)
        raise SystemExit(1)
