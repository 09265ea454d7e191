"""Whole items as plain data: what a revision keeps, what a restore brings back, and the flat
field map that forms, diffs and conflict merges compare ("published_on", "sk-title" ...).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from ..extensions import db
from .company import CompanyContact
from .media import Image, ImageText
from .news import Article, ArticleOldSlug, ArticleTranslation
from .pages import Page, PageOldSlug, PageTranslation, parent_by_key, parent_key
from .translated import assign, set_translations

ARTICLE_FIELDS = ("published_on", "status", "publish_at", "source_url", "image_id")
ARTICLE_TEXTS = ("title", "slug", "place", "body", "note")
PAGE_FIELDS = ("menu_order", "visible")
IMAGE_FIELDS = ("credit", "decorative", "focal_x", "focal_y")
IMAGE_TEXTS = ("alt", "caption")
PAGE_TEXTS = ("title", "slug", "body")
CONTACT_FIELDS = (
    "name_sk",
    "name_en",
    "street",
    "postcode",
    "city",
    "country_sk",
    "country_en",
    "phone",
    "fax",
    "email",
    "design_credit",
)


def _plain(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


def _texts(item, names: tuple[str, ...]) -> dict[str, dict]:
    return {t.lang: {name: getattr(t, name) for name in names} for t in item.translations}


def article_snapshot(article: Article) -> dict:
    """Every field of an article and each of its translations."""
    data = {name: _plain(getattr(article, name)) for name in ARTICLE_FIELDS}
    data["translations"] = _texts(article, ARTICLE_TEXTS)
    return data


def page_snapshot(page: Page) -> dict:
    """Every field of a page and each of its translations."""
    data = {name: getattr(page, name) for name in PAGE_FIELDS}
    data["key"] = page.key
    data["parent"] = parent_key(page)
    data["translations"] = _texts(page, PAGE_TEXTS)
    return data


def image_snapshot(image: Image) -> dict:
    """An image's shared fields, its files' stem and size, and its texts per language."""
    data = {name: getattr(image, name) for name in IMAGE_FIELDS}
    data.update(stem=image.stem, width=image.width, height=image.height)
    data["translations"] = {t.lang: {n: getattr(t, n) for n in IMAGE_TEXTS} for t in image.texts}
    return data


def contact_snapshot(contact: CompanyContact) -> dict:
    """Every field of the contact record."""
    return {name: getattr(contact, name) for name in CONTACT_FIELDS}


def flat_fields(data: dict) -> dict[str, str]:
    """A snapshot as the form names its fields: shared fields, then ``<lang>-<field>``."""
    flat = {key: _shown(value) for key, value in data.items() if key != "translations"}
    for lang, fields in (data.get("translations") or {}).items():
        flat.update({f"{lang}-{name}": _shown(value) for name, value in fields.items()})
    return flat


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "y" if value else ""
    return str(value)


def restore_article(article: Article, data: dict) -> None:
    """Bring ``article`` back to a snapshot: fields, photo, translations and their slugs."""
    article.published_on = date.fromisoformat(data["published_on"])
    article.publish_at = datetime.fromisoformat(data["publish_at"])
    for name in ("status", "source_url"):
        assign(article, name, data.get(name))
    article.image_id = snapshot_image_id(data)
    texts = {
        lang: {name: value for name, value in fields.items() if name in ARTICLE_TEXTS}
        for lang, fields in data["translations"].items()
    }
    set_translations(article, texts, ArticleTranslation, ArticleOldSlug)


def snapshot_image_id(data: dict) -> int | None:
    """The library image a snapshot's article shows, if the library still has it.

    Snapshots taken before photos were library images name the photo's file instead.
    """
    if data.get("photo"):
        stem = str(data["photo"]).removesuffix(".jpg")
        return db.session.scalar(select(Image.id).where(Image.stem == stem))
    if data.get("image_id"):
        return db.session.scalar(select(Image.id).where(Image.id == data["image_id"]))
    return None


def restore_page(page: Page, data: dict) -> None:
    """Bring ``page`` back to a snapshot (its key never changes).

    Its parent comes back if the rules still allow it (one level, home at the top);
    otherwise, and for revisions from before pages had parents, it goes to the top level.
    """
    page.menu_order = data["menu_order"]
    page.visible = data["visible"]
    page.parent_id = parent_by_key(page, data.get("parent") or "")
    set_translations(page, data["translations"], PageTranslation, PageOldSlug)


def restore_contact(contact: CompanyContact, data: dict) -> None:
    """Bring the contact record back to a snapshot."""
    for name in CONTACT_FIELDS:
        assign(contact, name, data.get(name, ""))


def restore_image(image: Image, data: dict) -> None:
    """Bring ``image``'s descriptions back to a snapshot (its files never change)."""
    for name in IMAGE_FIELDS:
        assign(image, name, data.get(name))
    set_image_texts(image, data.get("translations") or {})


def set_image_texts(image: Image, texts: dict[str, dict]) -> None:
    """Make ``image``'s texts exactly ``texts`` (language -> alt and caption)."""
    for text in list(image.texts):
        if text.lang not in texts:
            image.texts.remove(text)
    for lang, fields in texts.items():
        text = image.text(lang)
        if text is None:
            image.texts.append(ImageText(lang=lang, **fields))
            continue
        for name, value in fields.items():
            assign(text, name, value)
