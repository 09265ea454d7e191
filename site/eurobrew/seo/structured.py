"""Structured data (schema.org JSON-LD) for the home page and articles."""

from __future__ import annotations

import json

from flask import url_for
from markupsafe import Markup

from ..i18n.locale import current_language
from ..media.library import largest_jpeg_url
from ..models import Article, ArticleTranslation, CompanyContact
from ..news.dates import iso_utc, published_datetime
from ..web.layout import company_contact
from ..web.memo import memoize_per_content
from .urls import absolute, canonical_url

# Inside <script>, "</script>" or "<!--" in content would end or confuse the element; JSON
# allows these characters escaped, so nothing in the data can break out of the block.
_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def json_ld(data: dict) -> Markup:
    """``data`` as JSON that is safe to place inside a ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # str.replace, not str.translate: a translate table walks non-ASCII text in Python
    # objects (40 us for an article's data), replace scans it in C.
    for character, escaped in _ESCAPES:
        text = text.replace(character, escaped)
    return Markup(text)  # noqa: S704 - the only markup characters are escaped


def organization(contact: CompanyContact, lang: str, home_url: str) -> dict:
    """The company as a schema.org Organization, from the contact record."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": contact.name(lang),
        "alternateName": contact.name_en if lang == "sk" else contact.name_sk,
        "url": home_url,
        "foundingDate": "1997",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": contact.street,
            "postalCode": contact.postcode,
            "addressLocality": contact.city,
            "addressCountry": contact.country(lang),
        },
    }
    if contact.email:
        data["email"] = contact.email
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.fax:
        data["faxNumber"] = contact.fax
    return data


def modified_datetime(article: Article, translation: ArticleTranslation) -> str:
    """When the article or this translation last changed."""
    return iso_utc(max(article.updated_at, translation.updated_at))


def news_article(
    article: Article, translation: ArticleTranslation, page_url: str, publisher: dict | None
) -> dict:
    """An article as a schema.org NewsArticle."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": translation.title,
        "inLanguage": translation.lang,
        "mainEntityOfPage": page_url,
        "url": page_url,
        "datePublished": published_datetime(article),
        "dateModified": modified_datetime(article, translation),
    }
    if translation.place:
        data["dateline"] = translation.place
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher["name"]}
        data["author"] = {"@type": "Organization", "name": publisher["name"]}
    return data


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
    return json_ld(organization(contact, lang, home))


def article_ld(article: Article, translation: ArticleTranslation, photo=None) -> Markup:
    """An article page's NewsArticle JSON-LD (``photo``: its library image, if any)."""
    contact = company_contact()
    publisher = {"name": contact.name(translation.lang)} if contact else None
    data = news_article(article, translation, canonical_url(), publisher)
    if photo is not None:
        data["image"] = [largest_jpeg_url(photo)]
    return json_ld(data)
