"""``flask bodies render``: store the rendered HTML of bodies a renderer change left stale."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from ..extensions import db
from ..models import bump_content_version
from ..models.rendered_bodies import store_rendered_bodies

bodies_cli = AppGroup("bodies", help="The articles' and pages' bodies, stored rendered.")


@bodies_cli.command("render")
@click.option("--all", "everything", is_flag=True, help="render every body, not only stale ones")
def render_command(everything: bool) -> None:
    """Render and store each body whose HTML is missing or from another renderer version
    (run after an upgrade that changes how Markdown is rendered); one transaction."""
    started = time.monotonic()
    count = store_rendered_bodies(db.session.connection(), everything)
    if count:
        bump_content_version(db.session)  # pages made from the old HTML are out of date
    db.session.commit()
    click.echo(f"Rendered {count} bodies in {time.monotonic() - started:.1f} s.")
