"""Sub-pages one level under a parent: the rules, the breadcrumb, the parent's list, and
forms that come back whole when the pages changed meanwhile."""

from __future__ import annotations

import re

from test_page_shaping import BREWHOUSES, EMPTY, NEW, action, create, menu, page_of, sitemap

from eurobrew.extensions import db
from eurobrew.models import Page
from http_client import FormValues
from support import SITE_URL


def under(app, key: str) -> dict:
    return {"parent": str(page_of(app, key=key).id)}


def parent_options(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="parent".*?</select>', html, re.S)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select[0]) if select else []


def test_a_sub_page_has_a_flat_address_a_breadcrumb_and_its_parents_list(admin_client, demo_app):
    response = create(admin_client, **BREWHOUSES, **under(demo_app, "products"))
    assert response.status_code == 302, response.text
    visitor = demo_app.test_client()
    html = visitor.get("/en/brewhouses").text
    trail = re.search(r'<nav class="breadcrumb" aria-label="You are here">.*?</nav>', html, re.S)
    assert trail, "no breadcrumb"
    items = re.findall(r"<li>(.*?)</li>", trail[0], re.S)
    assert items == [
        '<a href="/en/">Home</a>',
        '<a href="/en/products">Products</a>',
        '<a href="/en/brewhouses" aria-current="page">Brewhouses</a>',
    ]
    assert "<ol>" in trail[0]
    # The menu lists the top level only, with the section marked.
    assert "Brewhouses" not in menu(html)
    assert 'href="/en/products" aria-current="true">Products</a>' in html
    # The parent lists its sub-pages; a top-level page shows no breadcrumb.
    products = visitor.get("/en/products").text
    section = re.search(r'<nav class="subpages".*?</nav>', products, re.S)[0]
    assert '<a href="/en/brewhouses">Brewhouses</a>' in section
    assert 'class="breadcrumb"' not in products
    assert 'href="/en/products" aria-current="page"' in products
    slovak = visitor.get("/sk/varne").text
    assert '<li><a href="/sk/produkty">Produkty</a></li>' in slovak
    assert f"{SITE_URL}/en/brewhouses" in sitemap(visitor)


def test_hiding_the_parent_hides_its_sub_pages(admin_client, demo_app):
    create(admin_client, **BREWHOUSES, **under(demo_app, "products"))
    products = f"/admin/pages/{page_of(demo_app, key='products').id}/edit"
    visitor = demo_app.test_client()
    assert visitor.get("/en/brewhouses").status_code == 200
    assert action(admin_client, products, visible="", save="Save").status_code == 302
    assert visitor.get("/en/brewhouses").status_code == 404
    assert f"{SITE_URL}/en/brewhouses" not in sitemap(visitor)
    assert action(admin_client, products, visible="y", save="Save").status_code == 302
    assert visitor.get("/en/brewhouses").status_code == 200


def test_one_level_only(admin_client, demo_app):
    create(admin_client, **BREWHOUSES, **under(demo_app, "products"))
    child = page_of(demo_app, key="varne")
    # A sub-page is not offered as a parent; home and the page itself neither.
    offered = parent_options(admin_client.get(f"/admin/pages/{child.id}/edit").text)
    assert offered[1:] == ["Products", "Activities", "Links", "About us"]
    links = page_of(demo_app, key="links").id
    assert "Brewhouses" not in parent_options(admin_client.get(f"/admin/pages/{links}/edit").text)
    # A page with a sub-page cannot go under another page; what was typed stays.
    products = f"/admin/pages/{page_of(demo_app, key='products').id}/edit"
    typed = {"en-title": "Our products", "save": "Save", **under(demo_app, "links")}
    refused = action(admin_client, products, **typed)
    assert refused.status_code == 400
    assert "This page has sub-pages of its own, so it cannot go under another page." in refused.text
    assert FormValues(refused.text).values["en-title"] == "Our products"
    assert page_of(demo_app, key="products").parent_id is None
    # Nor can it be deleted while the sub-page is there.
    delete = f"/admin/pages/{page_of(demo_app, key='products').id}/delete"
    assert "has sub-pages" in admin_client.get(delete).text
    token = FormValues(admin_client.get(products).text).values["csrf_token"]
    assert admin_client.post(delete, data={"csrf_token": token, "version": "1"}).status_code == 409
    assert not page_of(demo_app, key="products").in_trash


def test_the_home_page_has_no_parent_and_stays_shown(admin_client, demo_app):
    home = f"/admin/pages/{page_of(demo_app, key='home').id}/edit"
    form = admin_client.get(home).text
    assert 'name="parent"' not in form and 'name="visible"' not in form
    sent = action(admin_client, home, save="Save", visible="", **under(demo_app, "products"))
    assert sent.status_code == 302
    page = page_of(demo_app, key="home")
    assert page.parent_id is None and page.visible
    assert "Home" in menu(demo_app.test_client().get("/en/").text)
    assert "Home" not in parent_options(admin_client.get(NEW).text)


def test_a_create_form_whose_parent_left_meanwhile_is_a_409_that_keeps_the_text(
    admin_client, demo_app
):
    loaded = FormValues(admin_client.get(NEW).text).values
    activities = page_of(demo_app, key="activities")
    action(admin_client, f"/admin/pages/{activities.id}/delete")  # deleted meanwhile
    typed = {**loaded, **EMPTY, **BREWHOUSES, "parent": str(activities.id), "save": "Save"}
    response = admin_client.post(NEW, data=typed)
    assert response.status_code == 409
    assert "The page you chose was deleted or put under another page meanwhile." in response.text
    values = FormValues(response.text).values
    assert values["en-body"] == "Brewhouses for small breweries."
    assert values["sk-title"] == "Varne"
    assert "Activities" not in parent_options(response.text)
    with demo_app.app_context():
        assert db.session.query(Page).filter_by(key="varne").first() is None


def test_a_stale_edit_of_a_created_page_is_a_409_that_keeps_the_text(admin_client, demo_app):
    create(admin_client, **BREWHOUSES)
    path = f"/admin/pages/{page_of(demo_app, key='varne').id}/edit"
    first, second = (FormValues(admin_client.get(path).text).values for _ in range(2))
    saved = admin_client.post(path, data={**first, "en-title": "Brew houses", "save": "Save"})
    assert saved.status_code == 302
    stale = admin_client.post(path, data={**second, "en-body": "Mine.", "save": "Save"})
    assert stale.status_code == 409
    assert FormValues(stale.text).values["en-body"] == "Mine."
    assert "Brew houses" in stale.text  # what is saved now, beside the field
    assert page_of(demo_app, key="varne").version == 2


def test_history_keeps_the_parent_and_a_restore_brings_it_back(admin_client, demo_app):
    create(admin_client, **BREWHOUSES, **under(demo_app, "products"))
    child = page_of(demo_app, key="varne")
    edit = f"/admin/pages/{child.id}/edit"
    assert action(admin_client, edit, parent="", save="Save").status_code == 302
    assert "Brewhouses" in menu(demo_app.test_client().get("/en/").text)
    revision = f"/admin/history/page/{child.id}/1"
    assert "products" in admin_client.get(f"/admin/history/page/{child.id}/2").text
    form = FormValues(admin_client.get(revision).text).values
    restored = admin_client.post(revision + "/restore", data=form)
    assert restored.status_code == 302
    assert page_of(demo_app, key="varne").parent_id == page_of(demo_app, key="products").id
    assert "Brewhouses" not in menu(demo_app.test_client().get("/en/").text)


def test_a_sub_page_restored_after_its_parent_left_comes_back_at_the_top(admin_client, demo_app):
    create(admin_client, **BREWHOUSES, **under(demo_app, "activities"))
    child = page_of(demo_app, key="varne")
    parent = page_of(demo_app, key="activities")
    assert action(admin_client, f"/admin/pages/{child.id}/delete").status_code == 302
    # Without its sub-page, the parent may go to the trash too.
    assert action(admin_client, f"/admin/pages/{parent.id}/delete").status_code == 302
    trash = admin_client.get("/admin/trash/").text
    form = re.search(rf"<form[^>]*/admin/trash/page/{child.id}/restore.*?</form>", trash, re.S)[0]
    restored = admin_client.post(
        f"/admin/trash/page/{child.id}/restore", data=FormValues(form).values
    )
    assert restored.status_code == 302
    assert page_of(demo_app, key="varne").parent_id is None
    titles = menu(demo_app.test_client().get("/en/").text)
    assert "Brewhouses" in titles and "Activities" not in titles
