"""Reading the site's translatable content for one target language, as plain rows
(100,000 articles in a few seconds): articles, pages, the image library's texts and the
contact data, each as ``Item``s (items.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from types import SimpleNamespace

from flask import url_for
from sqlalchemy import select

from ..extensions import db
from ..i18n import LANGUAGES
from ..media.library import load_library_images
from ..media.renditions import rendition_name, rendition_widths
from ..models import (
    Article,
    ArticleTranslation,
    CompanyContact,
    Page,
    PageTranslation,
)
from ..models.pages import HOME_KEY
from .items import FEW, FIELDS, KINDS, Item, source_language


def _texts(rows, names) -> dict[str, dict[str, str]]:
    return {row.lang: {name: getattr(row, name) or "" for name in names} for row in rows}


def _translated(kind, rows, target, names, make) -> Iterator[Item]:
    """An item per run of rows with the same ``item_id`` that has a source language."""
    for item_id, group in groupby(rows, key=lambda row: row.item_id):
        group = list(group)
        texts = _texts(group, names)
        source = source_language(texts, target)
        if source is not None:
            yield make(group, item_id, source, texts[source], texts.get(target))


def articles(target: str, ids=None) -> Iterator[Item]:
    """Every article out of the trash that has a language to translate from."""
    query = (
        select(Article.id.label("item_id"), Article.version, *_columns(ArticleTranslation))
        .join(ArticleTranslation, ArticleTranslation.article_id == Article.id)
        .where(Article.deleted_at.is_(None))
        .order_by(Article.id, ArticleTranslation.lang)
    )
    if ids is not None and len(ids) <= FEW:
        query = query.where(Article.id.in_([int(i) for i in ids if str(i).isdigit()]))
    rows = db.session.execute(query).all()

    def make(group, item_id, source, sources, targets):
        slugs = {row.lang: row.slug for row in group}
        lang = target if target in slugs else source
        url = url_for("news.detail", lang=lang, slug=slugs[lang], _external=True)
        title = (targets or sources)["title"]
        return Item(
            "article", str(item_id), item_id, group[0].version, source, sources, targets, url, title
        )

    yield from _translated("article", rows, target, FIELDS["article"], make)


def pages(target: str, ids=None) -> Iterator[Item]:
    """Every page out of the trash that has a language to translate from."""
    query = (
        select(Page.id.label("item_id"), Page.version, Page.key, *_columns(PageTranslation))
        .join(PageTranslation, PageTranslation.page_id == Page.id)
        .where(Page.deleted_at.is_(None))
        .order_by(Page.id, PageTranslation.lang)
    )
    rows = db.session.execute(query).all()

    def make(group, item_id, source, sources, targets):
        slugs = {row.lang: row.slug for row in group}
        lang = target if target in slugs else source
        key = group[0].key
        if key == HOME_KEY:
            url = url_for("pages.home", lang=lang, _external=True)
        else:
            url = url_for("pages.page", lang=lang, slug=slugs[lang], _external=True)
        return Item(
            "page",
            key,
            item_id,
            group[0].version,
            source,
            sources,
            targets,
            url,
            (targets or sources)["title"],
        )

    yield from _translated("page", rows, target, FIELDS["page"], make)


def _columns(model) -> list:
    """A translation model's language, slug and translated fields, read as plain values."""
    return [
        model.lang,
        model.slug,
        *(getattr(model, name) for name in FIELDS["article"] if hasattr(model, name)),
    ]


def images(target: str, ids=None) -> Iterator[Item]:
    """Every library image out of the trash with a text to translate from."""
    rows = [
        SimpleNamespace(
            item_id=image.id,
            version=image.version,
            stem=image.stem,
            width=image.width,
            lang=lang,
            alt=alt,
            caption=image.captions.get(lang, ""),
        )
        for image in sorted(load_library_images().values(), key=lambda image: image.id)
        for lang, alt in sorted(image.alts.items())
        if alt or image.captions.get(lang)
    ]

    def make(group, item_id, source, sources, targets):
        first = group[0]
        name = rendition_name(first.stem, rendition_widths(first.width)[-1], "jpg")
        url = url_for("media.photo", filename=name, _external=True)
        return Item(
            "image",
            str(item_id),
            item_id,
            first.version,
            source,
            sources,
            targets,
            url,
            (targets or sources)["alt"] or (targets or sources)["caption"],
        )

    yield from _translated("image", rows, target, FIELDS["image"], make)


def contact(target: str, ids=None) -> Iterator[Item]:
    """The contact data's name and country, when the record exists."""
    record = db.session.scalars(select(CompanyContact).limit(1)).first()
    if record is None:
        return
    texts = {
        lang: {"name": getattr(record, f"name_{lang}", ""), "country": record.country(lang)}
        for lang in LANGUAGES
        if hasattr(record, f"name_{lang}")
    }
    present = [lang for lang, fields in texts.items() if fields["name"] or fields["country"]]
    source = source_language(present, target)
    if source is None:
        return
    targets = texts.get(target) if target in present else None
    url = url_for("contact.form", lang=target, _external=True)
    yield Item(
        "contact",
        "",
        record.id,
        record.version,
        source,
        texts[source],
        targets,
        url,
        texts[source]["name"],
    )


LOADERS = {"article": articles, "page": pages, "contact": contact, "image": images}


def all_items(target: str, wanted: dict[str, set[str]] | None = None) -> Iterator[Item]:
    """Every item to translate into ``target``; with ``wanted`` (kind -> keys) those named."""
    for kind in KINDS:
        if wanted is not None and kind not in wanted:
            continue
        keys = None if wanted is None else wanted[kind]
        for item in LOADERS[kind](target, keys):
            if keys is None or item.key in keys:
                yield item
