"""The page editor and the contact data form."""

import pytest
from sqlalchemy import select

from eurobrew.demo.content import CONTACT
from eurobrew.extensions import db
from eurobrew.models import CompanyContact, Page
from http_client import FormValues
from support import hidden_fields_in


def page_id(app, key: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Page.id).where(Page.key == key))


def page_form(token: str | dict, **fields) -> dict:
    data = {
        **(token if isinstance(token, dict) else {"csrf_token": token}),
        "sk-title": "O firme",
        "sk-slug": "o-firme",
        "sk-body": "Sme **malá** firma.",
        "en-title": "The company",
        "en-slug": "",
        "en-body": "We are a *small* company.",
        "menu_order": "5",
        "visible": "y",
        "save": "Save",
    }
    data.update(fields)
    return data


def edit(client, csrf_token, app, key="about", **fields):
    path = f"/admin/pages/{page_id(app, key)}/edit"
    return client.post(path, data=page_form(hidden_fields_in(client.get(path).text), **fields))


def test_the_list_shows_every_page(admin_client):
    html = admin_client.get("/admin/pages/").text
    for title in ("Home", "Products", "Activities", "Links", "About us"):
        assert title in html


def test_edit_a_page_in_both_languages(admin_client, demo_app, csrf_token):
    response = edit(admin_client, csrf_token, demo_app)
    assert response.status_code == 302
    sk = admin_client.get("/sk/o-firme")
    assert sk.status_code == 200 and "Sme <strong>malá</strong> firma." in sk.text
    en = admin_client.get("/en/the-company")
    assert "We are a <em>small</em> company." in en.text
    # Position 5 puts it before every other page, right after Home and News.
    menu = en.text.split('class="main-menu"')[1].split("</nav>")[0]
    assert menu.index("The company") < menu.index("Products")
    assert " by eva" in admin_client.get("/admin/pages/").text


def test_a_renamed_page_answers_its_old_address_with_a_301(admin_client, demo_app, csrf_token):
    edit(admin_client, csrf_token, demo_app)
    response = admin_client.get("/en/about-us")
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/the-company"
    assert admin_client.get("/sk/o-nas").headers["Location"] == "/sk/o-firme"


def test_a_hidden_page_leaves_the_menu_and_the_site(admin_client, demo_app, csrf_token):
    edit(admin_client, csrf_token, demo_app, visible="")
    assert admin_client.get("/en/the-company").status_code == 404
    assert "The company" not in admin_client.get("/en/").text


def test_the_home_page_keeps_an_empty_slug(admin_client, demo_app, csrf_token):
    form = admin_client.get(f"/admin/pages/{page_id(demo_app, 'home')}/edit").text
    assert 'name="sk-slug"' not in form
    response = edit(admin_client, csrf_token, demo_app, key="home", **{"en-body": "Hello there."})
    assert response.status_code == 302
    assert "Hello there." in admin_client.get("/en/").text
    with demo_app.app_context():
        page = db.session.get(Page, page_id(demo_app, "home"))
        assert [t.slug for t in page.translations] == ["", ""]


def test_validation_keeps_the_input_and_saves_nothing(admin_client, demo_app, csrf_token):
    response = edit(admin_client, csrf_token, demo_app, **{"sk-title": "", "menu_order": "first"})
    assert response.status_code == 400
    assert "Please fill in this field." in response.text
    assert "Not a valid integer value." in response.text
    assert "We are a *small* company.</textarea>" in response.text
    assert admin_client.get("/en/about-us").status_code == 200


def test_slugs_must_be_free_and_not_the_sites_own(admin_client, demo_app, csrf_token):
    taken = edit(admin_client, csrf_token, demo_app, **{"en-slug": "products"})
    assert taken.status_code == 400
    assert "Another page already uses this slug. Choose another one." in taken.text
    assert admin_client.get("/en/about-us").status_code == 200


@pytest.mark.parametrize(
    ("field", "slug", "admin_lang", "said"),
    [
        ("sk-slug", "novinky", "en", "The address /sk/novinky belongs to the site itself."),
        ("sk-slug", "kontakt", "sk", "Adresa /sk/kontakt patrí samotnej stránke."),
        ("en-slug", "privacy", "en", "The address /en/privacy belongs to the site itself."),
        ("en-slug", "contact", "sk", "Adresa /en/contact patrí samotnej stránke."),
        ("en-slug", "news", "en", "The address /en/news belongs to the site itself."),
        ("sk-slug", "ochrana-osobnych-udajov", "sk", "Adresa /sk/ochrana-osobnych-udajov"),
        ("en-slug", "admin", "en", "The address /en/admin belongs to the site itself."),
        ("sk-slug", "media", "sk", "Adresa /sk/media patrí samotnej stránke."),
    ],
)
def test_a_slug_that_would_hide_a_route_of_the_site_is_refused(
    admin_client, demo_app, csrf_token, field, slug, admin_lang, said
):
    admin_client.set_cookie("lang", admin_lang)
    response = edit(admin_client, csrf_token, demo_app, **{field: slug})
    assert response.status_code == 400
    assert said in response.text
    assert f'value="{slug}"' in response.text  # what was typed stays in the field
    assert admin_client.get("/en/about-us").status_code == 200
    assert admin_client.get("/sk/o-nas").status_code == 200


def contact_form(token: str | dict, **fields) -> dict:
    return {**(token if isinstance(token, dict) else {"csrf_token": token}), **CONTACT, **fields}


def test_contact_data_reaches_every_footer(admin_client, demo_app, csrf_token):
    token = hidden_fields_in(admin_client.get("/admin/contact").text)
    response = admin_client.post(
        "/admin/contact",
        data=contact_form(
            token, street="Nová 7", phone="+421 2 1234 5678", email="ahoj@example.sk"
        ),
    )
    assert response.status_code == 302
    for path in ("/sk/", "/en/news/", "/en/about-us"):
        html = admin_client.get(path).text
        assert "Nová 7" in html
        assert 'href="tel:+421212345678"' in html
        assert "mailto:ahoj@example.sk" in html


def test_contact_validation(admin_client, demo_app, csrf_token):
    token = hidden_fields_in(admin_client.get("/admin/contact").text)
    response = admin_client.post(
        "/admin/contact",
        data=contact_form(
            token, name_sk="", street="Nová 7", email="not an address", fax="call me"
        ),
    )
    assert response.status_code == 400
    assert "Please fill in this field." in response.text
    assert "Enter an address like name@example.sk." in response.text
    assert "Use only digits, spaces and + ( ) / - ." in response.text
    assert 'value="Nová 7"' in response.text
    with demo_app.app_context():
        assert db.session.scalars(select(CompanyContact)).one().street == "Hlboká 22"


def test_contact_record_is_created_when_missing(app, csrf_token):
    from eurobrew.models import User

    with app.app_context():
        user = User(username="eva")
        user.set_password("correct horse battery staple")
        db.session.add(user)
        db.session.commit()
    client = app.test_client()
    client.set_cookie("lang", "en")
    token = csrf_token(client, "/admin/login")
    client.post(
        "/admin/login",
        data={"csrf_token": token, "username": "eva", "password": "correct horse battery staple"},
    )
    form = client.get("/admin/contact")
    assert form.status_code == 200
    response = client.post(
        "/admin/contact", data=contact_form(hidden_fields_in(client.get("/admin/contact").text))
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(CompanyContact)).one().city == "Trnava"


def test_a_browsers_line_breaks_leave_an_untouched_translation_unchanged(admin_client, demo_app):
    # A browser sends every text area back with CR LF line breaks, edited or not.
    path = f"/admin/pages/{page_id(demo_app, 'about')}/edit"
    values = FormValues(admin_client.get(path).text).values
    assert "\n" in values["en-body"]  # the English text has several paragraphs
    values = {key: value.replace("\n", "\r\n") for key, value in values.items()}
    values["sk-title"] = "O firme Euro-Brew"
    with demo_app.app_context():
        before = {
            t.lang: t.updated_at
            for t in db.session.get(Page, page_id(demo_app, "about")).translations
        }
    response = admin_client.post(path, data={**values, "save": "Save"})
    assert response.status_code == 302, response.text
    with demo_app.app_context():
        page = db.session.get(Page, page_id(demo_app, "about"))
        after = {t.lang: t.updated_at for t in page.translations}
        english = page.translation("en").body
    assert after["en"] == before["en"]  # the English text was not touched
    assert after["sk"] > before["sk"]
    assert "\r" not in english
