"""The head's metadata: canonical URL, hreflang alternates, Open Graph locale, JSON-LD."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext
from markupsafe import Markup, escape
from werkzeug.urls import iri_to_uri

from ..contexts import app_globals, current_request, running_app
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, OG_LOCALES
from ..i18n.locale import current_language
from ..i18n.switch import recorded_counterparts
from ..media.library import largest_jpeg_url
from ..models import Article, ArticleTranslation
from ..web.layout import company_contact
from ..web.memo import memoize_per_content
from . import bp, structured


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang>`` of the head."""

    hreflang: str
    href: str


def absolute(path: str) -> str:
    """An absolute URL for a path of this site: ``SITE_URL``, never the request's Host."""
    return running_app().config["SITE_URL"] + path


def canonical_url() -> str:
    """This page's own address without stray query strings; list pages keep ``?page=N``.

    The page number is only kept when the view accepted it (a bad one is a 404 that has no
    canonical), and page 1 is the list's plain address, as its links already say. Built
    once per request (the head and the structured data both name it).
    """
    page = app_globals()
    known = page.get("canonical_url")
    if known is None:
        known = page["canonical_url"] = _canonical_url()
    return known


# A path of these characters is already a URI: iri_to_uri would return it unchanged.
_URI_SAFE_PATH = re.compile(r"[A-Za-z0-9/._~-]*")


def _canonical_url() -> str:
    request = current_request()
    page = request.args.get("page", "") if request.query_string else ""
    path = request.script_root + request.path
    url = absolute(path if _URI_SAFE_PATH.fullmatch(path) else iri_to_uri(path))
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
    if page.isascii() and page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


def alternates(canonical: str | None = None) -> list[Alternate]:
    """hreflang links for content that exists in every language, else none.

    Only the canonical version carries them: the other languages' URLs recorded by the
    view point at their first list page, so page 2 of a list is not their counterpart.
    ``canonical``: this page's canonical URL, when the caller has it already.
    """
    urls = recorded_counterparts()
    if set(urls) != set(LANGUAGES):
        return []
    own = absolute(urls[current_language()])
    if own != (canonical or canonical_url()):
        return []
    links = [Alternate(lang, absolute(urls[lang])) for lang in LANGUAGES]
    # Home's x-default is / itself, which picks the visitor's language.
    home = all(urls[lang] == path for lang, path in _home_paths().items())
    default = absolute(url_for("pages.root")) if home else absolute(urls[DEFAULT_LANGUAGE])
    links.append(Alternate("x-default", default))
    return links


def _home_paths() -> dict[str, str]:
    """The home page's path in each language."""
    return memoize_per_content(
        ("home_paths",), lambda: {lang: url_for("pages.home", lang=lang) for lang in LANGUAGES}
    )


def _language_tags(lang: str) -> tuple[str, str]:
    """The tags of a page in ``lang`` that are the same on every page: the feed's link with
    the site's name, and the Open Graph locales (kept per content version)."""

    def build() -> tuple[str, str]:
        feed = url_for("news.feed", lang=lang, _external=True)
        site = (
            f'<link rel="alternate" type="application/atom+xml" '
            f'title="{escape(gettext("Euro-Brew news"))}" href="{escape(feed)}">\n'
            '<meta property="og:site_name" content="Euro-Brew">'
        )
        locales = [_meta("og:locale", OG_LOCALES[lang])]
        locales += [
            _meta("og:locale:alternate", code)
            for other, code in OG_LOCALES.items()
            if other != lang
        ]
        return site, "\n".join(locales)

    return memoize_per_content(("language_tags", lang), build)


def head_tags(title: str, description: str, og_type: str, og_image: dict | None) -> Markup:
    """The head's links and tags for search engines and link previews: canonical, language
    alternates, the feed, Open Graph and Twitter cards. ``title`` and ``description`` are
    the page's own blocks, already escaped.

    Written here rather than as an included template: it was a fifth of an uncached
    content page's time in Jinja, for tags whose order and text never change.
    """
    site, locales = _language_tags(current_language())
    canonical = canonical_url()
    # Each of these is shown twice: escaped once (the title and description are Markup
    # already, and escape() makes a new Markup of each all the same).
    url, title, description = escape(canonical), escape(title), escape(description)
    tags = [f'<link rel="canonical" href="{url}">']
    tags += [
        f'<link rel="alternate" hreflang="{link.hreflang}" href="{escape(link.href)}">'
        for link in alternates(canonical)
    ]
    tags += [
        site,
        _meta("og:type", og_type),
        _escaped_meta("og:title", title),
        _escaped_meta("og:description", description),
        _escaped_meta("og:url", url),
        locales,
    ]
    tags += _image_tags(og_image)
    tags += [
        _escaped_meta("twitter:title", title, "name"),
        _escaped_meta("twitter:description", description, "name"),
    ]
    return Markup("\n".join(tags))  # noqa: S704 - every value is escaped


def _image_tags(og_image: dict | None) -> list[str]:
    """The share image's tags, or the small card's."""
    if not og_image:
        return [_meta("twitter:card", "summary", "name")]
    tags = [_meta("og:image", og_image["url"])]
    if og_image.get("width"):
        tags += [
            _meta("og:image:width", og_image["width"]),
            _meta("og:image:height", og_image["height"]),
        ]
    if og_image.get("alt"):
        tags.append(_meta("og:image:alt", og_image["alt"]))
    tags += [
        _meta("twitter:card", "summary_large_image", "name"),
        _meta("twitter:image", og_image["url"], "name"),
    ]
    if og_image.get("alt"):
        tags.append(_meta("twitter:image:alt", og_image["alt"], "name"))
    return tags


def _meta(name: str, content, attribute: str = "property") -> str:
    return _escaped_meta(name, escape(content), attribute)


def _escaped_meta(name: str, content: Markup, attribute: str = "property") -> str:
    return f'<meta {attribute}="{name}" content="{content}">'


def organization_ld() -> Markup:
    """The home page's Organization JSON-LD, from the contact record (empty without one);
    the same for every visit until the content changes."""
    lang = current_language()
    return memoize_per_content(("organization_ld", lang), lambda: _organization_ld(lang))


def _organization_ld(lang: str) -> Markup:
    contact = company_contact()
    if contact is None:
        return Markup("")
    home = absolute(url_for("pages.home", lang=lang))
    return structured.json_ld(structured.organization(contact, lang, home))


def article_ld(article: Article, translation: ArticleTranslation, photo=None) -> Markup:
    """An article page's NewsArticle JSON-LD (``photo``: its library image, if any)."""
    contact = company_contact()
    publisher = {"name": contact.name(translation.lang)} if contact else None
    data = structured.news_article(article, translation, canonical_url(), publisher)
    if photo is not None:
        data["image"] = [largest_jpeg_url(photo)]
    return structured.json_ld(data)


# Template helpers for the head, globals rather than a context processor: nothing to do
# per render until a template calls one.
HEAD_HELPERS = {
    "canonical_url": canonical_url,
    "head_tags": head_tags,
    "hreflang_alternates": alternates,
    "absolute_url": absolute,
    "og_locales": OG_LOCALES,
    "organization_ld": organization_ld,
    "article_ld": article_ld,
}
for _name, _helper in HEAD_HELPERS.items():
    bp.add_app_template_global(_helper, _name)
