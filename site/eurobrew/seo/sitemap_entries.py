"""The sitemap's entries, read in slices so that any number of articles fits in memory.

Entries come in a fixed order: the homes and news lists, the content pages, the contact
pages, then the articles by id. Part N of a split sitemap is simply the N-th slice of that
order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime
from itertools import groupby
from urllib.parse import quote

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Article, ArticleTranslation, CompanyContact, Page, PageTranslation
from ..models.pages import HOME_KEY, public_pages
from ..news.queries import count_visible, visible_articles_clause
from ..web.memo import memoize_per_content
from .sitemap_xml import BATCH, Entry


def latest_news_change() -> dict[str, datetime]:
    """Per language, when its news list last got an article (the newest publish time).

    One index-ordered look per language: a MAX over every article took 80 ms at 100,000.
    """
    changes = {}
    for lang in LANGUAGES:
        newest = (
            select(Article.publish_at)
            .join(ArticleTranslation, ArticleTranslation.article_id == Article.id)
            .where(visible_articles_clause(), ArticleTranslation.lang == lang)
            .order_by(Article.publish_at.desc())
            .limit(1)
        )
        moment = db.session.scalar(newest)
        if moment is not None:
            changes[lang] = moment
    return changes


def fixed_entries() -> list[Entry]:
    """The homes, the news lists, the visible content pages and the contact pages.

    Kept per content version (their URLs start with ``SITE_URL``, whatever the request's
    host): the index and every part start with them.
    """
    return memoize_per_content(("sitemap_fixed",), read_fixed_entries)


def read_fixed_entries() -> list[Entry]:
    """The fixed entries, read from the database."""
    news_changed = latest_news_change()
    pages = db.session.execute(
        select(
            Page.id,
            Page.key,
            PageTranslation.lang,
            PageTranslation.slug,
            Page.updated_at.label("page_changed"),
            PageTranslation.updated_at.label("changed"),
        )
        .join(PageTranslation, PageTranslation.page_id == Page.id)
        .where(public_pages())
        .order_by(Page.menu_order, Page.id, PageTranslation.lang)
    ).all()
    home_changed = {
        row.lang: max(row.changed, row.page_changed) for row in pages if row.key == HOME_KEY
    }
    homes = {lang: url_for("pages.home", lang=lang, _external=True) for lang in LANGUAGES}
    lists = {lang: url_for("news.index", lang=lang, _external=True) for lang in LANGUAGES}
    root = url_for("pages.root", _external=True)
    entries = []
    for lang in LANGUAGES:
        changed = [m for m in (home_changed.get(lang), news_changed.get(lang)) if m]
        entries.append(Entry(lang, homes, max(changed, default=None), default=root))
    for lang in LANGUAGES:
        entries.append(Entry(lang, lists, news_changed.get(lang)))
    content = [row for row in pages if row.key != HOME_KEY]
    for _, rows in groupby(content, key=lambda row: row.id):
        rows = list(rows)
        urls = {
            row.lang: url_for("pages.page", lang=row.lang, slug=row.slug, _external=True)
            for row in rows
        }
        entries.extend(Entry(row.lang, urls, max(row.changed, row.page_changed)) for row in rows)
    entries.extend(contact_entries())
    return entries


def contact_entries() -> list[Entry]:
    """The contact form and the privacy notice; both show the contact record.

    The thank-you page is left out: it is only reached by sending the form, and says so to
    search engines with ``noindex``.
    """
    changed = db.session.scalar(select(func.max(CompanyContact.updated_at)))
    entries = []
    for endpoint in ("contact.form", "contact.privacy"):
        urls = {lang: url_for(endpoint, lang=lang, _external=True) for lang in LANGUAGES}
        entries.extend(Entry(lang, urls, changed) for lang in LANGUAGES)
    return entries


def count_articles() -> int:
    """How many article URLs the sitemap lists: one per visible translation.

    The news lists' own counts, which are kept per content version.
    """
    return sum(count_visible(lang) for lang in LANGUAGES)


def article_entries(offset: int, limit: int) -> Iterator[Entry]:
    """Article URLs ``offset`` to ``offset + limit`` of the sitemap's order, read in batches."""
    if limit <= 0:
        return
    own = ArticleTranslation
    other = aliased(ArticleTranslation)
    window = (
        select(own.id)
        .join(Article, Article.id == own.article_id)
        .where(visible_articles_clause())
        .order_by(own.article_id, own.lang)
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    query = (
        select(
            own.id,
            own.lang,
            own.updated_at,
            Article.updated_at.label("article_updated"),
            other.lang.label("other_lang"),
            other.slug.label("other_slug"),
        )
        .join(window, window.c.id == own.id)
        .join(Article, Article.id == own.article_id)
        .join(other, other.article_id == own.article_id)
        .order_by(own.article_id, own.lang, other.lang)
        .execution_options(yield_per=BATCH)
    )
    # Slugs are URL-safe already; quoting only guards against a stray character.
    prefixes = {lang: url_for("news.index", lang=lang, _external=True) for lang in LANGUAGES}
    for _, rows in groupby(db.session.execute(query), key=lambda row: row.id):
        rows = list(rows)
        first = rows[0]
        urls = {row.other_lang: prefixes[row.other_lang] + quote(row.other_slug) for row in rows}
        yield Entry(first.lang, urls, max(first.updated_at, first.article_updated))


def part_count(fixed: list[Entry], limit: int) -> int:
    """How many files of at most ``limit`` URLs the sitemap needs."""
    return max(1, math.ceil((len(fixed) + count_articles()) / limit))


def part_entries(fixed: list[Entry], start: int, limit: int) -> Iterator[Entry]:
    """Entries ``start`` to ``start + limit`` of the sitemap's order."""
    shown = fixed[start : start + limit]
    yield from shown
    yield from article_entries(max(0, start - len(fixed)), limit - len(shown))
