"""``flask`` commands: demo content (catalog and user commands join them later)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from ..media import upload_folder
from . import NEWS, load_demo
from .generator import generate_articles

demo_cli = AppGroup("demo", help="Demo content: news articles, pages and the contact record.")


@demo_cli.command("load")
@click.option(
    "--products/--no-products",
    default=True,
    help="The Products section's four pages and their five drawn pictures (seconds to draw).",
)
def demo_load(products: bool) -> None:
    """Load the demo content into an empty database; do nothing otherwise."""
    if load_demo(upload_folder(), products=products):
        pages, images = ("9 pages (4 under Products)", "6 library images")
        if not products:
            pages, images = ("5 pages", "1 library image")
        click.echo(
            f"Demo content loaded: {1 + len(NEWS)} articles, {pages}, {images}, the contact record."
        )
    else:
        click.echo("The database already has content; nothing loaded.")


@demo_cli.command("articles")
@click.argument("count", type=click.IntRange(min=1, max=1_000_000))
def demo_articles(count: int) -> None:
    """Add COUNT generated articles in Slovak and English."""
    inserted = generate_articles(count)
    current_app.logger.info("generated %d articles", inserted)
    click.echo(f"Added {inserted} articles in Slovak and English.")
