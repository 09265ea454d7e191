"""Pages admins shape: create, hide, reorder, delete and restore, with the menu, the sitemap
and the search following at once."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import Page
from http_client import FormValues
from support import SITE_URL

NEW = "/admin/pages/new"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
EMPTY = {f"{lang}-{name}": "" for lang in ("sk", "en") for name in ("title", "slug", "body")}
BREWHOUSES = {
    "sk-title": "Varne",
    "sk-body": "Varne pre **malé** pivovary.",
    "en-title": "Brewhouses",
    "en-body": "Brewhouses for small breweries.",
}


def create(client, **fields):
    """Send the new page form as a browser would, with ``fields`` typed in."""
    values = FormValues(client.get(NEW).text).values
    return client.post(NEW, data={**values, **EMPTY, **fields, "save": "Save"})


def page_of(app, **where) -> Page:
    with app.app_context():
        page = db.session.scalars(select(Page).filter_by(**where)).one()
        db.session.expunge(page)
        return page


def menu(html: str) -> list[str]:
    """The main menu's link texts, in order."""
    nav = html.split('class="main-menu"')[1].split("</nav>")[0]
    return re.findall(r">([^<>]+)</a>", nav)


def sitemap(client) -> dict[str, dict[str, str]]:
    """loc -> its hreflang alternates, from /sitemap.xml."""
    root = ET.fromstring(client.get("/sitemap.xml").get_data())  # noqa: S314 - our own site
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def action(client, path: str, **fields):
    """POST the form at ``path`` (a confirmation) as the browser shows it."""
    return client.post(path, data={**FormValues(client.get(path).text).values, **fields})


def move(client, page_id: int, direction: str):
    html = client.get("/admin/pages/").text
    row = re.search(rf'<tr id="page-{page_id}".*?</tr>', html, re.S)[0]
    return client.post(
        f"/admin/pages/{page_id}/move", data={**FormValues(row).values, "direction": direction}
    )


def test_a_created_page_joins_the_menu_and_the_sitemap(admin_client, demo_app):
    visitor = demo_app.test_client()
    assert "Brewhouses" not in menu(visitor.get("/en/").text)  # the menu is kept per version
    response = create(admin_client, **BREWHOUSES)
    assert response.status_code == 302, response.text
    page = page_of(demo_app, key="varne")  # the key comes from the first slug
    english = visitor.get("/en/brewhouses")
    assert english.status_code == 200 and "Brewhouses for small breweries." in english.text
    assert "Varne pre <strong>malé</strong> pivovary." in visitor.get("/sk/varne").text
    # Created last: at the end of the menu, in each language.
    assert menu(visitor.get("/en/").text)[-2:] == ["Contact", "Brewhouses"]
    assert menu(visitor.get("/sk/").text)[-1] == "Varne"
    alternates = {"sk": f"{SITE_URL}/sk/varne", "en": f"{SITE_URL}/en/brewhouses"}
    alternates["x-default"] = alternates["sk"]
    entries = sitemap(visitor)
    assert entries[f"{SITE_URL}/en/brewhouses"] == alternates
    assert entries[f"{SITE_URL}/sk/varne"] == alternates
    # Its history begins with its creation.
    history = admin_client.get(f"/admin/history/page/{page.id}").text
    assert "Created" in history


def test_hide_reorder_delete_and_restore(admin_client, demo_app):
    visitor = demo_app.test_client()
    create(admin_client, **BREWHOUSES)
    page = page_of(demo_app, key="varne")
    edit = f"/admin/pages/{page.id}/edit"
    assert "Brewhouses" in menu(visitor.get("/en/").text)
    # Hidden: off the menu, the sitemap and the site.
    assert action(admin_client, edit, visible="", save="Save").status_code == 302
    assert "Brewhouses" not in menu(visitor.get("/en/").text)
    assert visitor.get("/en/brewhouses").status_code == 404
    assert f"{SITE_URL}/en/brewhouses" not in sitemap(visitor)
    assert action(admin_client, edit, visible="y", save="Save").status_code == 302
    # Moved up twice: over About us and Links.
    assert move(admin_client, page.id, "up").status_code == 303
    assert move(admin_client, page.id, "up").status_code == 303
    titles = menu(visitor.get("/en/").text)
    assert titles.index("Brewhouses") == titles.index("Activities") + 1
    assert titles.index("Links") == titles.index("Brewhouses") + 1
    # Moved down again: after Links.
    move(admin_client, page.id, "down")
    titles = menu(visitor.get("/en/").text)
    assert titles.index("Brewhouses") == titles.index("Links") + 1
    # Deleted: into the trash, off the site, the menu and the sitemap.
    assert action(admin_client, f"/admin/pages/{page.id}/delete").status_code == 302
    assert "Brewhouses" not in menu(visitor.get("/en/").text)
    assert visitor.get("/en/brewhouses").status_code == 404
    assert f"{SITE_URL}/en/brewhouses" not in sitemap(visitor)
    assert "Brewhouses" in admin_client.get("/admin/trash/").text
    # Restored: back everywhere, at its place.
    trash = admin_client.get("/admin/trash/").text
    form = re.search(rf"<form[^>]*/admin/trash/page/{page.id}/restore.*?</form>", trash, re.S)[0]
    restore = admin_client.post(
        f"/admin/trash/page/{page.id}/restore", data=FormValues(form).values
    )
    assert restore.status_code == 302
    assert visitor.get("/en/brewhouses").status_code == 200
    titles = menu(visitor.get("/en/").text)
    assert titles.index("Brewhouses") == titles.index("Links") + 1
    assert f"{SITE_URL}/en/brewhouses" in sitemap(visitor)


def test_the_ends_of_the_list_have_no_button_that_leads_nowhere(admin_client, demo_app):
    html = admin_client.get("/admin/pages/").text
    products = page_of(demo_app, key="products").id
    about = page_of(demo_app, key="about").id
    row = re.search(rf'<tr id="page-{products}".*?</tr>', html, re.S)[0]
    assert 'value="down"' in row and 'value="up"' not in row
    row = re.search(rf'<tr id="page-{about}".*?</tr>', html, re.S)[0]
    assert 'value="up"' in row and 'value="down"' not in row
    home = page_of(demo_app, key="home").id
    assert "move" not in re.search(rf'<tr id="page-{home}".*?</tr>', html, re.S)[0]


def test_a_move_without_the_token_moves_nothing(admin_client, demo_app):
    about = page_of(demo_app, key="about")
    response = admin_client.post(
        f"/admin/pages/{about.id}/move", data={"direction": "up", "version": about.version}
    )
    assert response.status_code in (303, 400)
    assert page_of(demo_app, key="about").menu_order == about.menu_order


def test_a_page_in_one_language_only(admin_client, demo_app):
    visitor = demo_app.test_client()
    response = create(admin_client, **{"sk-title": "Len po slovensky", "sk-body": "Text."})
    assert response.status_code == 302, response.text
    html = visitor.get("/sk/len-po-slovensky").text
    assert "Len po slovensky" in menu(html)
    # The switch leads to the English home and says the page is not in English.
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S)[0]
    assert 'href="/en/" hreflang="en"' in nav
    assert '<span class="switch-note" lang="en">(not available in English)</span>' in nav
    assert "Len po slovensky" not in visitor.get("/en/").text
    assert visitor.get("/en/len-po-slovensky").status_code == 404
    entries = sitemap(visitor)
    # Listed in Slovak alone, with no alternate in another language.
    assert entries[f"{SITE_URL}/sk/len-po-slovensky"] == {}
    assert not any("len-po-slovensky" in loc for loc in entries if "/en/" in loc)


def test_a_page_needs_one_language_and_free_slugs_and_keeps_what_was_typed(admin_client):
    empty = create(admin_client)
    assert empty.status_code == 400
    assert "Fill in at least one language." in empty.text
    reserved = create(admin_client, **{**BREWHOUSES, "en-slug": "news"})
    assert reserved.status_code == 400
    assert "The address /en/news belongs to the site itself." in reserved.text
    values = FormValues(reserved.text).values
    assert values["en-slug"] == "news" and values["sk-body"] == "Varne pre **malé** pivovary."
    taken = create(admin_client, **{**BREWHOUSES, "en-slug": "products"})
    assert taken.status_code == 400
    assert "Another page already uses this slug." in taken.text
    assert FormValues(taken.text).values["en-title"] == "Brewhouses"
    assert admin_client.get("/en/brewhouses").status_code == 404  # nothing was saved


def test_slugs_refused_in_the_admins_language(admin_client):
    admin_client.set_cookie("lang", "sk")
    response = create(admin_client, **{**BREWHOUSES, "sk-slug": "novinky"})
    assert response.status_code == 400
    assert "Adresa /sk/novinky patrí samotnej stránke." in response.text
    assert 'value="novinky"' in response.text


def test_search_finds_a_created_page_and_not_a_trashed_one(admin_client, demo_app):
    visitor = demo_app.test_client()
    create(admin_client, **{**BREWHOUSES, "en-body": "Copper kettles by the dozen."})
    found = visitor.get("/en/search", query_string={"q": "kettles"}).text
    assert 'href="/en/brewhouses"' in found
    page = page_of(demo_app, key="varne")
    action(admin_client, f"/admin/pages/{page.id}/delete")
    gone = visitor.get("/en/search", query_string={"q": "kettles"}).text
    assert 'href="/en/brewhouses"' not in gone
