"""The head's metadata: hreflang alternates, the feed, Open Graph and Twitter tags; the
templates' helpers for the head (the canonical URL from ``urls.py``, JSON-LD from
``structured.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext
from markupsafe import Markup, escape

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, OG_LOCALES
from ..i18n.locale import current_language
from ..i18n.switch import recorded_counterparts
from ..web.memo import memoize_per_content
from . import bp
from .structured import article_ld, organization_ld
from .urls import absolute, canonical_url


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang>`` of the head."""

    hreflang: str
    href: str


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
