"""What is left to translate: the interface catalogs' counts, and articles and pages that lack
a language or whose translation fell behind the other language's latest change.

Pure queries returning dataclasses, for the admin's translations overview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import and_, exists, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Article, ArticleTranslation, Page, PageTranslation
from . import LANGUAGES, catalogs

# Both languages saved by one form submission differ by milliseconds; a translation counts
# as outdated only when the other language changed later than this.
OUTDATED_TOLERANCE = timedelta(minutes=1)

# kind -> (the shared record, its per-language rows, the column linking them)
CONTENT = {
    "article": (Article, ArticleTranslation, "article_id"),
    "page": (Page, PageTranslation, "page_id"),
}


@dataclass(frozen=True)
class MissingTranslation:
    """An article or page with no text in ``lang``."""

    kind: str  # "article" or "page"
    id: int
    title: str  # in a language it has; empty when it has none
    lang: str


@dataclass(frozen=True)
class OutdatedTranslation:
    """A translation last saved before the other language was changed."""

    kind: str
    id: int
    title: str  # in the newer language
    lang: str  # the language that fell behind
    updated_at: datetime
    newer_lang: str
    newer_updated_at: datetime


@dataclass(frozen=True)
class ContentStatus:
    """Everything the content still needs from the translators."""

    missing: list[MissingTranslation]
    outdated: list[OutdatedTranslation]


def interface_status() -> list[catalogs.CatalogStats]:
    """Translated / fuzzy / untranslated counts of the current app's catalogs."""
    folder = current_app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0]
    return catalogs.catalog_statuses(Path(folder))


def missing_translations(languages: tuple[str, ...] = LANGUAGES) -> list[MissingTranslation]:
    """Articles and pages lacking a language, by kind, then id, then language."""
    found = []
    for kind, (parent, translation, link) in CONTENT.items():
        link_column = getattr(translation, link)
        any_title = (
            select(translation.title)
            .where(link_column == parent.id)
            .order_by(translation.lang)
            .limit(1)
            .scalar_subquery()
        )
        for lang in languages:
            has_lang = exists().where(link_column == parent.id, translation.lang == lang)
            rows = db.session.execute(select(parent.id, any_title).where(~has_lang))
            found.extend(MissingTranslation(kind, pk, title or "", lang) for pk, title in rows)
    return sorted(found, key=lambda item: (item.kind, item.id, item.lang))


def outdated_translations(tolerance: timedelta = OUTDATED_TOLERANCE) -> list[OutdatedTranslation]:
    """Translations older than another language's text of the same item, newest change first."""
    found = []
    for kind, (_parent, translation, link) in CONTENT.items():
        newer, older = aliased(translation), aliased(translation)
        rows = db.session.execute(
            select(
                getattr(newer, link),
                newer.title,
                older.lang,
                older.updated_at,
                newer.lang,
                newer.updated_at,
            )
            .join(
                older,
                and_(getattr(older, link) == getattr(newer, link), older.lang != newer.lang),
            )
            # Only candidates leave the database; the tolerance is applied below, as date
            # arithmetic differs between SQLite and PostgreSQL.
            .where(newer.updated_at > older.updated_at)
        )
        found.extend(
            OutdatedTranslation(kind, pk, title, lang, at, newer_lang, newer_at)
            for pk, title, lang, at, newer_lang, newer_at in rows
            if newer_at - at > tolerance
        )
    return sorted(found, key=lambda item: item.newer_updated_at, reverse=True)


def content_status() -> ContentStatus:
    """Missing and outdated translations of articles and pages."""
    return ContentStatus(missing_translations(), outdated_translations())
