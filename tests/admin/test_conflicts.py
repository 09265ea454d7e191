"""Two editors at once: a stale save is a 409 that loses nothing, and the merge keeps both."""

from __future__ import annotations

import re
from html import unescape

import pytest

from eurobrew.extensions import db
from eurobrew.models import Article, CompanyContact, Page, User
from http_client import FormValues
from support.auth import login

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"


@pytest.fixture
def jan(demo_app, admin_user, csrf_token):
    """A second admin, logged in on their own client (Eva is ``admin_client``)."""
    with demo_app.app_context():
        user = User(username="jan")
        user.set_password("another long password")
        db.session.add(user)
        db.session.commit()
    client = demo_app.test_client()
    client.set_cookie("lang", "en")
    assert login(client, csrf_token, "jan", "another long password").status_code == 302
    return client


def loaded(client, path: str) -> dict[str, str]:
    """The form at ``path`` as a browser shows it: every field with its value."""
    return FormValues(client.get(path).text).values


def send(client, path: str, values: dict[str, str], **changes) -> object:
    return client.post(path, data={**values, **changes, "save": "Save"})


def radio_choice(html: str, field: str) -> str:
    """Which choice the 409 form pre-selects for ``field``: "mine" or "saved"."""
    pattern = rf'name="merge-{re.escape(field)}" value="(\w+)" checked'
    match = re.search(pattern, html)
    assert match, f"no choice for {field}"
    return match[1]


def article_path(app) -> str:
    with app.app_context():
        return f"/admin/articles/{db.session.scalars(db.select(Article.id)).first()}/edit"


def test_a_stale_article_save_is_a_409_that_keeps_both_texts(admin_client, jan, demo_app):
    path = article_path(demo_app)
    eva_form, jan_form = loaded(admin_client, path), loaded(jan, path)
    saved = send(
        admin_client, path, eva_form, **{"en-title": "Eva's title", "en-body": "Eva's text."}
    )
    assert saved.status_code == 302
    # Jan saves a change of his own, made on the version he loaded.
    conflict = send(jan, path, jan_form, **{"en-note": "Jan's note"})
    assert conflict.status_code == 409
    html = conflict.text
    shown = unescape(html)
    assert "eva saved this article at" in shown and "nothing is lost" in shown
    assert FormValues(html).values["en-note"] == "Jan's note"  # his text kept in the field
    assert "Eva's title" in shown  # what Eva saved, shown beside the field
    assert radio_choice(html, "en-title") == "saved"  # Jan did not touch it: take Eva's
    assert radio_choice(html, "en-note") == "mine"  # Jan changed it: keep his
    with demo_app.app_context():  # nothing of Eva's was lost
        article = db.session.scalars(db.select(Article)).first()
        assert article.translation("en").title == "Eva's title"
        assert article.translation("en").note == "1 EUR = 163.72 JPY; 1 EUR = 1.1356 USD"
    # Jan keeps the suggested choices and saves again: both changes are kept.
    merged = FormValues(html).values
    merged.update({"merge-en-title": "saved", "merge-en-body": "saved", "merge-en-note": "mine"})
    assert send(jan, path, merged).status_code == 302
    with demo_app.app_context():
        english = db.session.scalars(db.select(Article)).first().translation("en")
        assert (english.title, english.body, english.note) == (
            "Eva's title",
            "Eva's text.",
            "Jan's note",
        )
    assert "Eva's title" in unescape(jan.get(SEED_EN).text)  # on the site too


def test_a_stale_page_save_can_take_the_saved_text_per_field(admin_client, jan, demo_app):
    with demo_app.app_context():
        page_id = db.session.scalars(db.select(Page.id).where(Page.key == "about")).one()
    path = f"/admin/pages/{page_id}/edit"
    eva_form, jan_form = loaded(admin_client, path), loaded(jan, path)
    assert send(admin_client, path, eva_form, **{"sk-title": "O firme"}).status_code == 302
    conflict = send(jan, path, jan_form, **{"sk-title": "O nás a o pivovaroch", "menu_order": "7"})
    assert conflict.status_code == 409
    assert radio_choice(conflict.text, "sk-title") == "mine"  # both changed it: his stays
    merged = FormValues(conflict.text).values
    merged["merge-sk-title"] = "saved"  # Jan decides Eva's title is better
    assert send(jan, path, merged).status_code == 302
    with demo_app.app_context():
        page = db.session.get(Page, page_id)
        assert page.translation("sk").title == "O firme" and page.menu_order == 7


def test_a_stale_contact_save_is_a_409_and_then_merges(admin_client, jan, demo_app):
    path = "/admin/contact"
    eva_form, jan_form = loaded(admin_client, path), loaded(jan, path)
    assert send(admin_client, path, eva_form, fax="+421 33 000 000").status_code == 302
    conflict = send(jan, path, jan_form, city="Bratislava")
    assert conflict.status_code == 409
    assert radio_choice(conflict.text, "fax") == "saved"
    assert 'value="Bratislava"' in conflict.text
    assert (
        send(jan, path, FormValues(conflict.text).values | {"merge-fax": "saved"}).status_code
        == 302
    )
    with demo_app.app_context():
        record = db.session.scalars(db.select(CompanyContact)).one()
        assert (record.fax, record.city) == ("+421 33 000 000", "Bratislava")


def test_a_save_to_an_article_deleted_meanwhile_keeps_the_text(admin_client, jan, demo_app):
    path = article_path(demo_app)
    jan_form = loaded(jan, path)
    delete = path.replace("/edit", "/delete")
    assert (
        admin_client.post(delete, data=FormValues(admin_client.get(delete).text).values).status_code
        == 302
    )
    gone = send(jan, path, jan_form, **{"en-title": "Jan's rescued title"})
    assert gone.status_code == 410
    assert "eva moved this article to the trash" in gone.text
    assert FormValues(gone.text).values["en-title"] == "Jan's rescued title"
    # Saved as a new article, with slugs that are free.
    rescued = FormValues(gone.text).values
    response = jan.post("/admin/articles/new", data={**rescued, "save_as_new": "1"})
    assert response.status_code == 302, response.text
    with demo_app.app_context():
        articles = db.session.scalars(db.select(Article).order_by(Article.id)).all()
        assert len(articles) == 2 and articles[0].in_trash
        assert articles[1].translation("en").title == "Jan's rescued title"
        assert articles[1].translation("en").slug.endswith("-2")


def test_restoring_a_deleted_article_with_the_typed_text(admin_client, jan, demo_app):
    path = article_path(demo_app)
    jan_form = loaded(jan, path)
    delete = path.replace("/edit", "/delete")
    admin_client.post(delete, data=FormValues(admin_client.get(delete).text).values)
    gone = send(jan, path, jan_form, **{"en-title": "Back again"})
    values = FormValues(gone.text).values
    response = jan.post(path, data={**values, "undelete": "1"})
    assert response.status_code == 302
    with demo_app.app_context():
        article = db.session.scalars(db.select(Article)).one()
        assert not article.in_trash and article.translation("en").title == "Back again"
    assert jan.get(SEED_EN).status_code == 200  # its old address works again
