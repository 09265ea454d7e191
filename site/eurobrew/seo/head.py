"""The head's metadata: canonical URL, hreflang alternates, Open Graph locale, JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request, url_for
from markupsafe import Markup
from werkzeug.urls import iri_to_uri

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, OG_LOCALES
from ..i18n.locale import current_language
from ..i18n.switch import recorded_counterparts
from ..media.library import largest_jpeg_url
from ..models import Article, ArticleTranslation
from ..web.layout import company_contact
from . import bp, structured


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang>`` of the head."""

    hreflang: str
    href: str


def absolute(path: str) -> str:
    """An absolute URL for a path of this site: ``SITE_URL``, never the request's Host."""
    return current_app.config["SITE_URL"] + path


def canonical_url() -> str:
    """This page's own address without stray query strings; list pages keep ``?page=N``.

    The page number is only kept when the view accepted it (a bad one is a 404 that has no
    canonical), and page 1 is the list's plain address, as its links already say.
    """
    page = request.args.get("page", "")
    url = absolute(iri_to_uri(request.script_root + request.path))
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
    if page.isascii() and page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


def alternates() -> list[Alternate]:
    """hreflang links for content that exists in every language, else none.

    Only the canonical version carries them: the other languages' URLs recorded by the
    view point at their first list page, so page 2 of a list is not their counterpart.
    """
    urls = recorded_counterparts()
    if set(urls) != set(LANGUAGES):
        return []
    own = absolute(urls[current_language()])
    if own != canonical_url():
        return []
    links = [Alternate(lang, absolute(urls[lang])) for lang in LANGUAGES]
    # Home's x-default is / itself, which picks the visitor's language.
    home = all(urls[lang] == url_for("pages.home", lang=lang) for lang in LANGUAGES)
    default = absolute(url_for("pages.root")) if home else absolute(urls[DEFAULT_LANGUAGE])
    links.append(Alternate("x-default", default))
    return links


def organization_ld() -> Markup:
    """The home page's Organization JSON-LD, from the contact record (empty without one)."""
    contact = company_contact()
    if contact is None:
        return Markup("")
    lang = current_language()
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


@bp.app_context_processor
def head_context() -> dict:
    """Template helpers for the head, computed only when a template calls them."""
    return {
        "canonical_url": canonical_url,
        "hreflang_alternates": alternates,
        "absolute_url": absolute,
        "og_locales": OG_LOCALES,
        "organization_ld": organization_ld,
        "article_ld": article_ld,
    }
