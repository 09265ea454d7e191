"""``flask search reindex``: rebuild the search index from the content."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from ..extensions import db
from ..models.search_upkeep import settle_index
from .index import reindex_everything

search_cli = AppGroup("search", help="The site search's index.")


@search_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the index of every article and page, in one transaction."""
    started = time.monotonic()
    count = reindex_everything(db.session)
    db.session.commit()
    settle_index(db.session)
    db.session.commit()
    click.echo(f"Indexed {count} translations in {time.monotonic() - started:.1f} s.")
