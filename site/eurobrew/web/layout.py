"""What every page's frame shows: menu, language switch and the footer's contact record.

The footer, the main menu and the header's first row are the same on every page of a
language until the content changes, yet rendering them took about a third of an uncached
page's time: ``frame_part`` renders them once per worker and content version, as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Flask, render_template, url_for
from flask_babel import lazy_pgettext
from markupsafe import Markup, escape
from sqlalchemy import select

from ..contexts import app_globals, running_app
from ..extensions import db
from ..i18n.locale import current_language
from ..i18n.switch import language_switch_nav
from ..models import CompanyContact, Page, PageTranslation
from ..models.pages import HOME_KEY, public_pages
from .memo import memoize_per_content

# Translators: the main menu's item for the news section ("Aktuality" in Slovak).
NEWS_MENU_TITLE = lazy_pgettext("main menu", "News")
# Translators: the main menu's item for the contact page ("Kontakt" in Slovak).
CONTACT_MENU_TITLE = lazy_pgettext("main menu", "Contact")
# The contact page follows this page in the menu (or ends the menu without it).
CONTACT_AFTER_KEY = "about"


@dataclass(frozen=True)
class MenuItem:
    """One link of the main menu."""

    key: str
    title: str
    url: str


def menu_items(lang: str) -> list[MenuItem]:
    """Home, News, the visible content pages in menu order and Contact after About, in ``lang``.

    The same on every page until the content changes, so it is built once per content
    version (in debug mode every time, so that an edited catalog shows at once).
    """
    if running_app().debug:
        return build_menu(lang)
    return memoize_per_content(("menu_items", lang), lambda: build_menu(lang))


def build_menu(lang: str) -> list[MenuItem]:
    """The menu read from the database: top-level pages only (a parent lists its own)."""
    rows = db.session.execute(
        select(Page.key, PageTranslation.title, PageTranslation.slug)
        .join(PageTranslation, PageTranslation.page_id == Page.id)
        .where(PageTranslation.lang == lang, Page.parent_id.is_(None), public_pages())
        .order_by(Page.menu_order, Page.id)
    ).all()
    items = []
    for key, title, slug in rows:
        if key == HOME_KEY:
            items.insert(0, MenuItem(key, title, url_for("pages.home", lang=lang)))
        else:
            items.append(MenuItem(key, title, url_for("pages.page", lang=lang, slug=slug)))
    position = 1 if items and items[0].key == HOME_KEY else 0
    items.insert(position, MenuItem("news", str(NEWS_MENU_TITLE), url_for("news.index", lang=lang)))
    keys = [item.key for item in items]
    after = keys.index(CONTACT_AFTER_KEY) + 1 if CONTACT_AFTER_KEY in keys else len(items)
    items.insert(
        after, MenuItem("contact", str(CONTACT_MENU_TITLE), url_for("contact.form", lang=lang))
    )
    return items


def company_contact() -> CompanyContact | None:
    """The company's contact record, read once per content version (per worker).

    It is detached from the session, with every column loaded: pages only read it, and
    the admin's contact form loads its own.
    """
    return memoize_per_content(("company_contact",), load_company_contact)


def load_company_contact() -> CompanyContact | None:
    """The contact record, detached from the session."""
    contact = db.session.scalars(select(CompanyContact).limit(1)).first()
    if contact is not None:
        db.session.expunge(contact)
    return contact


def set_menu_key(key: str, section: bool = False) -> None:
    """Mark the menu item of the page being built as the current one; ``section``: the item
    is the page's parent (the menu lists top-level pages only), not the page itself."""
    page = app_globals()
    page["menu_key"], page["menu_section"] = key, section


def frame_part(template: str, *key) -> Markup:
    """``template`` rendered for the page's language (and ``key``), kept per content version.

    The part may depend only on the language, the content, the year and ``key``, never on
    the request (a query, a form, the user). In debug mode it is rendered every time, so an
    edited template or catalog shows at once.
    """

    def render() -> Markup:
        return Markup(render_template(template))  # noqa: S704 - autoescaped by Jinja

    return _kept(("frame_part", template, *key), render)


# The search field's value as _brand_search.html writes it for an empty query.
SEARCH_FIELD_VALUE = 'name="q" value=""'


@dataclass(frozen=True)
class Frame:
    """The parts of base.html that are the same on every page of a language with the same
    current menu item: looked up with one call instead of a call each."""

    head_links: Markup
    skip_link: Markup
    brand_search: Markup
    menu: Markup
    footer: Markup

    def brand_search_with(self, query: str | None) -> Markup:
        """The header's brand and search field, the field holding ``query`` (a results
        page shows what was searched for)."""
        if not query:
            return self.brand_search
        field = SEARCH_FIELD_VALUE.replace('value=""', f'value="{escape(query)}"')
        markup = str(self.brand_search).replace(SEARCH_FIELD_VALUE, field, 1)
        return Markup(markup)  # noqa: S704 - the query is escaped


def page_frame() -> Frame:
    """The page's frame parts, kept per language, menu item and content version."""

    def render() -> Frame:
        parts = ("_head_links", "_skip_link", "_brand_search", "_menu", "_footer")
        return Frame(*(Markup(render_template(f"{name}.html")) for name in parts))  # noqa: S704

    page = app_globals()
    return _kept(("page_frame", page.get("menu_key"), page.get("menu_section", False)), render)


def _kept(key: tuple, render):
    """``render()``, kept per content version with the language and the year (the footer's
    copyright line) added to ``key``; in debug mode rendered every time."""
    if running_app().debug:
        return render()
    return memoize_per_content((*key, current_language(), date.today().year), render)


def layout_context() -> dict:
    """The page frame's values for a template: the language, the year, the menu's item."""
    page = app_globals()
    return {
        "lang": current_language(),
        "current_year": date.today().year,
        "menu_key": page.get("menu_key"),
        "menu_section": page.get("menu_section", False),
    }


def init_app(app: Flask) -> None:
    """Register the frame's context processor, and its helpers as template globals."""
    app.context_processor(layout_context)
    for helper in (frame_part, page_frame, menu_items, company_contact, language_switch_nav):
        app.add_template_global(helper)
