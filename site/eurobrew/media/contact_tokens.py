"""The company's contact data in a body: ``{contact:phone}`` and its kin, from the record.

A body names a part of the contact record instead of repeating it, so an edit of the
contact data shows on every page that names it. The rendered body holds a marker where a
token was (``markup.CONTACT_MARK``); the page puts in the part's HTML, rendered from
Markdown like anything typed and kept per content version and language:

=====================  =======================================================
``{contact:name}``     the company's name in the page's language
``{contact:address}``  name, street, postcode and city, country (page's language)
``{contact:phone}``    the phone number as a ``tel:`` link
``{contact:fax}``      the fax number
``{contact:email}``    the e-mail address as a ``mailto:`` link
=====================  =======================================================

A part the record leaves empty (or no record at all) leaves nothing behind. Inside an
author's link (``[call {contact:phone}](...)``) the phone number and the e-mail address show
as text: a link within a link is not HTML, and a reader could follow only one of them.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..markup import CONTACT_MARK, CONTACT_START, render_markdown
from ..web.layout import company_contact
from ..web.memo import memoize_per_content

# What Python-Markdown reads as syntax and takes back with a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
NO_BREAK_SPACE = "\u00a0"
# In a rendered body: a link's start, a link's end, or a contact marker (nh3 wrote the tags,
# so each is whole and written alike).
_LINK_EDGE_OR_MARK = re.compile(f"(<a[\\s>])|(</a>)|{CONTACT_MARK.pattern}")


def literal(value: str) -> str:
    """``value`` as Markdown that shows exactly these characters."""
    value = value.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def contact_markdown(contact, part: str, lang: str, linked: bool = True) -> str:
    """One part of ``contact`` as Markdown in ``lang``; empty when it has none. The phone
    number and the e-mail address are links unless ``linked`` is false."""
    if contact is None:
        return ""
    if part == "name":
        return literal(contact.name(lang))
    if part == "address":
        place = f"{contact.postcode} {contact.city}".strip()
        parts = (contact.name(lang), contact.street, place, contact.country(lang))
        return literal(", ".join(p for p in parts if p))
    if part == "email":
        if not contact.email or not linked:
            return literal(contact.email)
        return f"[{literal(contact.email)}](mailto:{quote(contact.email, safe='@+')})"
    number = contact.phone if part == "phone" else contact.fax
    # No-break spaces keep the number on one line; the tel: address holds every digit.
    shown = literal(number.replace(" ", NO_BREAK_SPACE))
    if part == "fax" or not number or not linked:
        return shown
    return f"[{shown}]({contact.phone_uri})"


def fill_contact_data(html: str, lang: str) -> str:
    """A rendered body's contact markers replaced with the record's data in ``lang``."""
    if CONTACT_START not in html:
        return html
    links_open = 0

    def fill(match: re.Match) -> str:
        nonlocal links_open
        link_start, _link_end, part = match.groups()
        if part:
            return contact_html(part, lang, linked=not links_open)
        links_open = links_open + 1 if link_start else max(0, links_open - 1)
        return match.group(0)

    return _LINK_EDGE_OR_MARK.sub(fill, html)


def contact_html(part: str, lang: str, linked: bool = True) -> str:
    """One part of the contact record as inline HTML in ``lang`` (empty when it has none);
    ``linked`` false: without a link of its own, for a place inside one."""

    def render() -> str:
        markdown = contact_markdown(company_contact(), part, lang, linked)
        html = str(render_markdown(markdown)) if markdown else ""
        return html.removeprefix("<p>").removesuffix("</p>")

    return memoize_per_content(("contact_html", part, lang, linked), render)
