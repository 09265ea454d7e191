"""The demo's Products section: the Products page over four product pages, with pictures
drawn here and stored in the image library like uploaded ones."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from ..extensions import db
from ..media.storage import store_picture
from ..models import Image, ImageText, Page, PageTranslation
from .illustrations import PICTURES
from .product_pages import PRODUCTS
from .product_texts import CREDIT, PICTURE_TEXTS, SECTION

SECTION_KEY = "products"
_PICTURE_NAME = re.compile(r"\(media:([a-z]+)\)")


def add_products(upload_folder: Path) -> None:
    """Draw and store the pictures, add them and the products' summaries after the Products
    page's introduction and put the product pages under it, in the caller's transaction.

    The pictures' files are written first; should the transaction fail, ``flask media gc``
    removes them.
    """
    section = db.session.scalars(select(Page).where(Page.key == SECTION_KEY)).one()
    numbers = {name: library_picture(name, upload_folder).id for name in PICTURES}
    for text in section.translations:
        text.body = text.body.rstrip() + "\n\n" + with_numbers(SECTION[text.lang], numbers)
    for order, spec in enumerate(PRODUCTS, start=1):
        page = Page(key=spec["key"], menu_order=10 * order, visible=True, parent_id=section.id)
        page.translations = [
            PageTranslation(
                lang=lang,
                title=spec[lang]["title"],
                slug=spec[lang]["slug"],
                body=with_numbers(spec[lang]["body"], numbers),
            )
            for lang in ("sk", "en")
        ]
        db.session.add(page)


def library_picture(name: str, upload_folder: Path) -> Image:
    """Draw picture ``name``, store it with its renditions and add it to the library with
    its alt text and caption in both languages."""
    stored = store_picture(PICTURES[name](), upload_folder)
    image = Image(
        stem=stored.name.removesuffix(".jpg"),
        width=stored.width,
        height=stored.height,
        credit=CREDIT,
    )
    image.texts = [
        ImageText(lang=lang, alt=alt, caption=caption)
        for lang, (alt, caption) in PICTURE_TEXTS[name].items()
    ]
    db.session.add(image)
    db.session.flush()  # its number goes into the bodies
    return image


def with_numbers(body: str, numbers: dict[str, int]) -> str:
    """``body`` with each ``media:NAME`` replaced by that picture's library number."""
    return _PICTURE_NAME.sub(lambda m: f"(media:{numbers[m.group(1)]})", body)
