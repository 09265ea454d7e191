"""The sitemap's XML: ``<url>`` entries with their language alternates, parts and index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from flask import url_for
from markupsafe import escape

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES
from ..news.dates import iso_utc

URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
INDEX_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
BATCH = 1000


@dataclass(frozen=True)
class Entry:
    """One URL of the sitemap and the same content's URL in every language it exists in."""

    lang: str
    urls: dict[str, str]
    lastmod: datetime | None
    default: str | None = None  # x-default when not the Slovak version

    def to_xml(self) -> str:
        """The entry's ``<url>`` element; alternates only when every language has it."""
        parts = [f"<url><loc>{escape(self.urls[self.lang])}</loc>"]
        if self.lastmod:
            parts.append(f"<lastmod>{iso_utc(self.lastmod)}</lastmod>")
        if set(self.urls) == set(LANGUAGES):
            for lang in LANGUAGES:
                parts.append(alternate_link(lang, self.urls[lang]))
            parts.append(alternate_link("x-default", self.default or self.urls[DEFAULT_LANGUAGE]))
        parts.append("</url>\n")
        return "".join(parts)


def alternate_link(hreflang: str, url: str) -> str:
    """An ``xhtml:link`` alternate."""
    return f'<xhtml:link rel="alternate" hreflang="{hreflang}" href="{escape(url)}"/>'


def render_urlset(entries: Iterable[Entry]) -> Iterator[str]:
    """The ``<urlset>`` of ``entries``, produced a batch of entries at a time."""
    yield URLSET_OPEN
    chunk: list[str] = []
    for entry in entries:
        chunk.append(entry.to_xml())
        if len(chunk) >= BATCH:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)
    yield "</urlset>\n"


def render_index(parts: int) -> Iterator[str]:
    """The sitemap index naming each part."""
    yield INDEX_OPEN
    for number in range(1, parts + 1):
        loc = url_for("seo.sitemap_part", number=number, _external=True)
        yield f"<sitemap><loc>{escape(loc)}</loc></sitemap>\n"
    yield "</sitemapindex>\n"
