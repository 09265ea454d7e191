"""Content .po files as a translator's tool treats them: read, edited, written back."""

from __future__ import annotations

import io
import subprocess

from babel.messages.pofile import read_po, write_po
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import ArticleTranslation, CompanyContact, ImageText, PageTranslation
from eurobrew.models.revisions import Revision


def edited(data: bytes, changes: dict[str, str], width: int = 76, fuzzy=()) -> bytes:
    """``data`` with the msgstr of each msgctxt in ``changes`` replaced (and the fuzzy mark
    taken off, as a translator confirming it would); ``fuzzy`` ones marked for review."""
    catalog = read_po(io.BytesIO(data))
    found = set()
    for message in catalog:
        if message.context in changes:
            message.string = changes[message.context]
            message.flags.discard("fuzzy")
            message.previous_id = []
            found.add(message.context)
        if message.context in fuzzy:
            message.flags.add("fuzzy")
    assert found == set(changes), f"not in the file: {set(changes) - found}"
    out = io.BytesIO()
    write_po(out, catalog, width=width, include_previous=True)
    return out.getvalue()


def entry(data: bytes, context: str):
    """The message of ``context`` in a .po file, or None."""
    return next((m for m in read_po(io.BytesIO(data)) if m.context == context), None)


def msgfmt_check(data: bytes, tmp_path) -> subprocess.CompletedProcess:
    """GNU msgfmt --check on a file's bytes."""
    path = tmp_path / "checked.po"
    path.write_bytes(data)
    return subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )


def site_texts() -> dict:
    """Every translatable text on the site, by place, to compare before and after."""
    texts = {}
    for model, owner in ((ArticleTranslation, "article_id"), (PageTranslation, "page_id")):
        for row in db.session.scalars(select(model)):
            for name in ("title", "place", "note", "body", "slug"):
                if hasattr(row, name):
                    texts[model.__tablename__, getattr(row, owner), row.lang, name] = getattr(
                        row, name
                    )
    for row in db.session.scalars(select(ImageText)):
        texts["image", row.image_id, row.lang, "alt"] = row.alt
        texts["image", row.image_id, row.lang, "caption"] = row.caption
    for row in db.session.scalars(select(CompanyContact)):
        for name in ("name_sk", "name_en", "country_sk", "country_en"):
            texts["contact", row.id, "", name] = getattr(row, name)
    return texts


def revision_count() -> int:
    """How many revisions the site holds."""
    return len(db.session.scalars(select(Revision.id)).all())
