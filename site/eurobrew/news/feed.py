"""An Atom feed of each language's latest public articles."""

from __future__ import annotations

from xml.etree import ElementTree as ET  # noqa: S405 - builds XML, never parses input

from flask import Response, url_for
from flask_babel import force_locale, gettext

from ..i18n.locale import add_language_rules, current_language
from ..markup import excerpt
from ..media.bodies import render_feed_body
from ..models.base import utcnow
from ..web.layout import company_contact
from . import bp, queries
from .dates import iso_utc, published_datetime

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 20


def feed_title(lang: str) -> str:
    """The feed's name in ``lang``, as readers list it."""
    with force_locale(lang):
        return gettext("Euro-Brew news")


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Append an Atom child element."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def build_feed(lang: str) -> ET.Element:
    """The Atom document: the latest articles that have a translation in ``lang``."""
    items = queries.latest_translations(lang, FEED_SIZE)
    list_url = url_for("news.index", lang=lang, _external=True)
    contact = company_contact()
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    sub(feed, "id", list_url)
    sub(feed, "title", feed_title(lang))
    sub(
        feed,
        "link",
        rel="self",
        type="application/atom+xml",
        href=url_for("news.feed", lang=lang, _external=True),
    )
    sub(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=list_url)
    changes = [max(t.updated_at, t.article.updated_at, t.article.publish_at) for t in items]
    sub(feed, "updated", iso_utc(max(changes, default=utcnow())))
    author = sub(feed, "author")
    sub(author, "name", contact.name(lang) if contact else "Euro-Brew s.r.o.")
    sub(feed, "icon", url_for("static", filename="img/favicon.svg", _external=True))
    for translation in items:
        article = translation.article
        url = url_for("news.detail", lang=lang, slug=translation.slug, _external=True)
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", translation.title)
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        sub(entry, "published", published_datetime(article))
        sub(entry, "updated", iso_utc(max(translation.updated_at, article.updated_at)))
        sub(entry, "summary", excerpt(translation.body))
        sub(entry, "content", render_feed_body(translation.body, lang), type="html")
    return feed


def news_feed():
    """/sk/novinky/feed.xml and /en/news/feed.xml."""
    lang = current_language()
    ET.register_namespace("", ATOM)
    body = ET.tostring(build_feed(lang), encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/atom+xml")


add_language_rules(bp, "news", "feed", news_feed, "/feed.xml")
