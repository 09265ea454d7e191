"""Bodies rendered once, when they are saved, and stored beside their Markdown.

A page shows ``body_html`` (``markup.body_html``) instead of rendering the Markdown for a
reader: a crawler asking for 100,000 articles once each would otherwise render every one.
Whoever sets a body through the ORM (an editor, a translations import, a restore) stores
its HTML by the attribute event below; bulk inserts add ``rendered_body``'s columns
themselves; ``store_rendered_bodies`` fills what a migration or a new renderer left.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, column, or_, select, table, update

from ..markup import MARKUP_VERSION, render_markdown

TABLES = ("article_translations", "page_translations")
CHUNK = 1000


def rendered_body(body: str | None) -> dict:
    """The stored rendering of ``body``: its HTML and the renderer's version."""
    return {"body_html": str(render_markdown(body or "")), "body_html_version": MARKUP_VERSION}


def render_body_when_set(target, value, oldvalue, initiator) -> None:
    """The attribute event of a translation's ``body``: store its HTML with it."""
    if value != oldvalue or target.body_html is None:
        for name, stored in rendered_body(value).items():
            setattr(target, name, stored)


def store_rendered_bodies(connection: Connection, everything: bool = False) -> int:
    """Render and store every body whose HTML is missing or from another renderer version
    (``everything``: every body); returns how many were stored. The caller commits."""
    stored = 0
    for name in TABLES:
        texts = table(name, *map(column, ("id", "body", "body_html", "body_html_version")))
        stale = or_(
            texts.c.body_html_version.is_(None), texts.c.body_html_version != MARKUP_VERSION
        )
        query = select(texts.c.id, texts.c.body).order_by(texts.c.id)
        if not everything:
            query = query.where(stale)
        write = (
            update(texts)
            .where(texts.c.id == bindparam("row_id"))
            .values(body_html=bindparam("new_html"), body_html_version=bindparam("new_version"))
        )
        last = 0
        while rows := connection.execute(query.where(texts.c.id > last).limit(CHUNK)).all():
            rendered = ({"row_id": row.id, **_new(rendered_body(row.body))} for row in rows)
            connection.execute(write, list(rendered))
            stored += len(rows)
            last = rows[-1].id
    return stored


def _new(rendering: dict) -> dict:
    # An UPDATE's own column names cannot be bound parameters' names.
    return {"new_html": rendering["body_html"], "new_version": rendering["body_html_version"]}
