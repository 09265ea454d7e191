"""Demo content: the seed article, the five pages (Products with its product pages and
their pictures) and the contact record."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from ..extensions import db
from ..models import (
    Article,
    ArticleStatus,
    ArticleTranslation,
    CompanyContact,
    Page,
    PageTranslation,
)
from ..models.base import utcnow
from .content import CONTACT, PAGES, SEED_ARTICLE
from .photo import seed_photo
from .products import add_products


def database_is_empty() -> bool:
    """True when no content exists yet: no article, no page and no contact record."""
    return not any(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Article, Page, CompanyContact)
    )


def load_demo(upload_folder: Path, products: bool = True) -> bool:
    """Load the demo content into an empty database, in one transaction.

    Returns False and changes nothing when the database already has content, so running
    it at every start never duplicates or overwrites what admins wrote. ``products``: the
    product pages under Products with their drawn pictures (about 3 s to draw and encode).
    """
    if not database_is_empty():
        return False
    db.session.add(CompanyContact(**CONTACT))
    for spec in PAGES:
        page = Page(key=spec["key"], menu_order=spec["menu_order"], visible=True)
        page.translations = [
            PageTranslation(lang=lang, **fields) for lang, fields in spec["translations"].items()
        ]
        db.session.add(page)
    if products:
        add_products(upload_folder)
    db.session.add(seed_article(upload_folder))
    db.session.commit()
    return True


def seed_article(upload_folder: Path) -> Article:
    """The seed's news article in both languages, published, with its photo."""
    photo = seed_photo(upload_folder)
    article = Article(
        published_on=SEED_ARTICLE["published_on"],
        status=ArticleStatus.PUBLISHED.value,
        publish_at=utcnow(),
        photo=photo.name,
        photo_width=photo.width,
        photo_height=photo.height,
        photo_credit=SEED_ARTICLE["photo_credit"],
        source_url=SEED_ARTICLE["source_url"],
    )
    article.translations = [
        ArticleTranslation(lang=lang, **fields)
        for lang, fields in SEED_ARTICLE["translations"].items()
    ]
    return article
