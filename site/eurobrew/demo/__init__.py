"""Demo content: the seed article, a dozen news articles, the five pages (Products with its
product pages and their pictures) and the contact record."""

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
from .content import CONTACT, SEED_ARTICLE
from .news_company import COMPANY_NEWS
from .news_europe import EUROPE_NEWS
from .news_japan import JAPAN_NEWS
from .pages import PAGES
from .photo import seed_photo
from .products import add_products

# Enough articles besides the seed for a second news page (NEWS_PER_PAGE is 10), newest first.
NEWS = sorted(
    COMPANY_NEWS + JAPAN_NEWS + EUROPE_NEWS, key=lambda spec: spec["published_on"], reverse=True
)


def database_is_empty() -> bool:
    """True when no content exists yet: no article, no page and no contact record."""
    return not any(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Article, Page, CompanyContact)
    )


def load_demo(upload_folder: Path, news: bool = True, products: bool = True) -> bool:
    """Load the demo content into an empty database, in one transaction.

    Returns False and changes nothing when the database already has content, so running
    it at every start never duplicates or overwrites what admins wrote. ``news=False``
    leaves out the dozen news articles besides the seed article; ``products=False`` the
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
    if news:
        db.session.add_all(news_article(spec) for spec in NEWS)
    db.session.commit()
    return True


def seed_article(upload_folder: Path) -> Article:
    """The seed's news article in both languages, published, with its photo."""
    texts = SEED_ARTICLE["translations"]
    alts = {lang: fields["photo_alt"] for lang, fields in texts.items()}
    article = Article(
        published_on=SEED_ARTICLE["published_on"],
        status=ArticleStatus.PUBLISHED.value,
        publish_at=utcnow(),
        image=seed_photo(upload_folder, SEED_ARTICLE["photo_credit"], alts),
        source_url=SEED_ARTICLE["source_url"],
    )
    article.translations = [
        ArticleTranslation(lang=lang, **{k: v for k, v in fields.items() if k != "photo_alt"})
        for lang, fields in texts.items()
    ]
    return article


def news_article(spec: dict) -> Article:
    """A demo news article in both languages, published, without a photo."""
    article = Article(
        published_on=spec["published_on"],
        status=ArticleStatus.PUBLISHED.value,
        publish_at=utcnow(),
        source_url=spec["source_url"],
    )
    article.translations = [
        ArticleTranslation(lang=lang, **fields) for lang, fields in spec["translations"].items()
    ]
    return article
