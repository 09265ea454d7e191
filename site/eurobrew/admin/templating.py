"""What admin templates need besides the page frame: languages, states, dates."""

from __future__ import annotations

from datetime import datetime

from babel.dates import get_datetime_format
from flask import request
from flask_babel import format_date, format_time, get_locale

from ..i18n import LANGUAGE_NAMES, LANGUAGES
from ..i18n.locale import language_name
from ..media.pixels import megapixel_caps
from ..media.renditions import rendition_name, rendition_widths
from ..models import Article, ArticleStatus
from ..models.base import utcnow
from . import bp
from .forms import MARKDOWN_HELP
from .media_queries import newest_images
from .permissions import can

# The admin menu's sections; an endpoint belongs to the one its name contains.
SECTIONS = (
    "trash",
    "articles",
    "pages",
    "media",
    "image",  # an image's own pages belong to the library ("media")
    "contact",
    "inbox",
    "translations",
    "sessions",
    "accounts",
    "audit",
    "permissions",
)


def article_state(article: Article) -> str:
    """ "draft", "scheduled" (published, but its time lies ahead) or "published"."""
    if article.status != ArticleStatus.PUBLISHED:
        return "draft"
    return "scheduled" if article.publish_at > utcnow() else "published"


def admin_section() -> str:
    """The menu item of the page being shown."""
    endpoint = (request.endpoint or "").removeprefix("admin.")
    # A history page belongs to its item's kind: /admin/history/article/1 to the articles.
    endpoint += (request.view_args or {}).get("kind", "")
    return next((s for s in SECTIONS if s.rstrip("s") in endpoint), "dashboard")


def thumbnail_name(image) -> str:
    """The file of a library image's smallest JPEG, for the admin's thumbnails."""
    return rendition_name(image.stem, rendition_widths(image.width)[0], "jpg")


@bp.app_template_filter("admin_datetime")
def admin_datetime(value: datetime | None) -> str:
    """A stored UTC time in the site's time zone and the admin's language.

    The date as the public news lists show it and a short time ("1. 12. 2026, 14:46",
    "Dec 1, 2026, 2:46 PM"): Babel's own short date would be a US "12/1/26" in English.
    """
    if not value:
        return ""
    # The locale's way of joining a date and a time, e.g. "{1}, {0}".
    pattern = get_datetime_format("medium", locale=get_locale())
    return pattern.replace("{1}", format_date(value, "medium")).replace(
        "{0}", format_time(value, "short")
    )


@bp.app_template_filter("language_name")
def language_name_filter(code: str) -> str:
    """A language's name in the admin's language inside a sentence ("angličtina")."""
    return language_name(code)


@bp.context_processor
def admin_context() -> dict:
    """Globals of the admin templates."""
    return {
        # In the admin's language for headings, columns and labels (``|language_name`` in a
        # sentence); the language buttons
        # at the top name each language in its own words.
        "language_names": {code: language_name(code, heading=True) for code in LANGUAGES},
        "own_language_names": LANGUAGE_NAMES,
        "article_state": article_state,
        "admin_section": admin_section(),
        "markdown_help": MARKDOWN_HELP,
        "photo_megapixels": megapixel_caps(),
        "thumbnail_name": thumbnail_name,
        "picker_images": newest_images,
        "can": can,
    }
