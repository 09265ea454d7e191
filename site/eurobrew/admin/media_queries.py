"""The library's queries: its images (searched as the site search folds words) and where
each one is used."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..markup import media_ids
from ..models import Article, ArticleTranslation, Image, Page, PageTranslation
from ..search.terms import folded_text
from .kinds import ARTICLE, PAGE, Kind


@dataclass(frozen=True)
class Use:
    """One place that shows an image: an article or page (in one language, or all)."""

    kind: Kind
    item_id: int
    lang: str
    title: str
    in_trash: bool

    @property
    def edit_url(self) -> str:
        """Where the item is edited."""
        return self.kind.edit_url(self.item_id)


def library_query(limit: int | None = None):
    """The images out of the trash with their texts, newest first (a scalar result)."""
    query = (
        select(Image)
        .where(Image.deleted_at.is_(None))
        .options(selectinload(Image.texts))
        .order_by(Image.id.desc())
        .limit(limit)
    )
    return db.session.scalars(query)


def library(search: str = "") -> list[Image]:
    """The images out of the trash, newest first; with ``search``, those whose alt texts,
    captions or credit hold every word of it (case and diacritics aside)."""
    images = list(library_query())
    words = folded_text(search).split()
    if not words:
        return images
    return [image for image in images if all(w in _searchable(image) for w in words)]


def newest_images(count: int = 48) -> list[Image]:
    """The newest ``count`` images out of the trash, for the editors' image picker."""
    return list(library_query(count))


def _searchable(image: Image) -> str:
    texts = [image.credit] + [f"{t.alt} {t.caption}" for t in image.texts]
    return folded_text(" ".join(texts))


def _bodies_naming(translation, owner, kind: Kind, image_id: int) -> list[Use]:
    key = getattr(translation, translation.owner_key)
    query = (
        select(key, translation.lang, translation.title, translation.body, owner.deleted_at)
        .join(owner, owner.id == key)
        .where(translation.body.contains(f"media:{image_id}"))
        .order_by(key, translation.lang)
    )
    return [
        Use(kind, row[0], row.lang, row.title, row.deleted_at is not None)
        for row in db.session.execute(query)
        if image_id in media_ids(row.body)  # media:4 is also found in media:42
    ]


def _articles_showing(image_id: int) -> list[Use]:
    query = (
        select(Article.id, ArticleTranslation.lang, ArticleTranslation.title, Article.deleted_at)
        .join(ArticleTranslation, ArticleTranslation.article_id == Article.id)
        .where(Article.image_id == image_id)
        .order_by(Article.id, ArticleTranslation.lang)
    )
    return [
        Use(ARTICLE, row.id, row.lang, row.title, row.deleted_at is not None)
        for row in db.session.execute(query)
    ]


def image_uses(image_id: int) -> list[Use]:
    """Every article (in the trash too) showing the image as its photo, and every article
    and page whose body places it."""
    return (
        _articles_showing(image_id)
        + _bodies_naming(ArticleTranslation, Article, ARTICLE, image_id)
        + _bodies_naming(PageTranslation, Page, PAGE, image_id)
    )


def trashed_images() -> list[Image]:
    """The images in the trash, deleted last first."""
    query = (
        select(Image)
        .where(Image.deleted_at.is_not(None))
        .options(selectinload(Image.texts))
        .order_by(Image.deleted_at.desc(), Image.id.desc())
    )
    return list(db.session.scalars(query))
