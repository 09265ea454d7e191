"""An Atom feed of each language's latest public articles."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, url_for
from flask_babel import force_locale, gettext
from markupsafe import escape

from ..i18n.locale import add_language_rules, current_language
from ..markup import excerpt
from ..media.bodies import render_feed_body
from ..models.base import utcnow
from ..web.layout import company_contact
from ..web.memo import memoize_many, memoize_per_content
from . import bp
from .addresses import article_urls
from .dates import iso_utc, published_datetime, site_zone
from .listing import latest_translations

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 20
XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


def feed_title(lang: str) -> str:
    """The feed's name in ``lang``, as readers list it (looked up once per content version)."""

    def translated() -> str:
        with force_locale(lang):
            return gettext("Euro-Brew news")

    return memoize_per_content(("feed_title", lang), translated)


def element(tag: str, text: str | None = None, **attrs: str) -> str:
    """An Atom element as text, its text and attribute values escaped."""
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
    if text is None:
        return f"<{tag}{attributes}/>"
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def build_feed(lang: str) -> str:
    """The Atom document: the latest articles that have a translation in ``lang``.

    Written as text: ElementTree spent more time serialising the feed than everything
    else its request did.
    """
    items = latest_translations(lang, FEED_SIZE)
    list_url = url_for("news.index", lang=lang, _external=True)
    contact = company_contact()
    changes = [max(t.updated_at, t.article.updated_at, t.article.publish_at) for t in items]
    feed_url = url_for("news.feed", lang=lang, _external=True)
    parts = [
        XML_DECLARATION,
        f'<feed xmlns="{ATOM}" xml:lang="{escape(lang)}">',
        element("id", list_url),
        element("title", feed_title(lang)),
        element("link", rel="self", type="application/atom+xml", href=feed_url),
        element("link", rel="alternate", type="text/html", hreflang=lang, href=list_url),
        element("updated", iso_utc(max(changes, default=utcnow()))),
        "<author>",
        element("name", contact.name(lang) if contact else "Euro-Brew s.r.o."),
        "</author>",
        element("icon", url_for("static", filename="img/favicon.svg", _external=True)),
    ]
    zone, article_url = site_zone(), article_urls(lang, external=True)
    # An entry is the same in every request until the content changes, as a list's card.
    keys = [("feed_entry", lang, translation.slug) for translation in items]
    parts += memoize_many(
        keys, lambda n: entry(items[n], lang, zone, article_url), area="fragments"
    )
    parts.append("</feed>")
    return "".join(parts)


def entry(translation, lang: str, zone, article_url: Callable[[str], str]) -> str:
    """One article's ``<entry>``, written in one piece (twenty per feed); its dates are
    ISO 8601 (digits and signs: nothing to escape)."""
    article = translation.article
    url = escape(article_url(translation.slug))
    updated = iso_utc(max(translation.updated_at, article.updated_at))
    content = render_feed_body(translation.body, lang)
    return (
        f"<entry><id>{url}</id><title>{escape(translation.title)}</title>"
        f'<link rel="alternate" type="text/html" href="{url}"/>'
        f"<published>{published_datetime(article, zone)}</published>"
        f"<updated>{updated}</updated>"
        f"<summary>{escape(excerpt(translation.body))}</summary>"
        f'<content type="html">{escape(content)}</content></entry>'
    )


def news_feed():
    """/sk/novinky/feed.xml and /en/news/feed.xml."""
    body = build_feed(current_language()).encode()
    return Response(body, mimetype="application/atom+xml")


add_language_rules(bp, "news", "feed", news_feed, "/feed.xml")
