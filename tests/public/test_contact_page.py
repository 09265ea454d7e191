"""The contact page: the record, the form's markup, the menu, the switch, the privacy notice."""

import re

import pytest
from sqlalchemy import func, select

from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from eurobrew.models.contact_messages import NAME_MAX, TEXT_MAX
from support.mailserver import VISITOR, contact_form

PAGES = {"sk": "/sk/kontakt", "en": "/en/contact"}
PRIVACY = {"sk": "/sk/ochrana-osobnych-udajov", "en": "/en/privacy"}
FIELDS = ("name", "email", "company", "phone", "message", "consent", "website")


def main_of(page: str) -> str:
    return page[page.index("<main") : page.index("</main>")]


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_the_page_shows_the_contact_record_and_a_plain_map_link(client, lang):
    response = client.get(PAGES[lang])
    assert response.status_code == 200
    main = main_of(response.text)
    assert "Hlboká 22" in main and "917 01 Trnava" in main
    assert 'href="tel:+421335341853"' in main
    assert 'href="mailto:info@eurobrew.sk"' in main
    assert "+421 33 53 418 52" in main  # fax
    assert 'href="https://www.openstreetmap.org/search?query=Hlbok%C3%A1%2022%2C' in main
    assert "<iframe" not in response.text and "<script" not in response.text
    assert " style=" not in response.text


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_every_field_has_a_label_and_a_length_limit(client, lang):
    page = client.get(PAGES[lang]).text
    for name in FIELDS:
        assert re.search(rf'<label for="{name}">', page), name
    for name, limit in (("name", NAME_MAX), ("email", 254), ("phone", 50), ("message", TEXT_MAX)):
        assert re.search(rf'<(input|textarea)[^>]*maxlength="{limit}"[^>]*name="{name}"', page)
    assert f'<a href="{PRIVACY[lang]}">' in page
    assert 'aria-describedby="consent-help"' in page


def test_the_honeypot_is_hidden_by_a_class_and_out_of_the_tab_order(client):
    page = client.get("/en/contact").text
    trap = re.search(r'<div class="field contact-trap">(.*?)</div>', page, re.S).group(1)
    assert '<label for="website">Leave this field empty</label>' in trap
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap
    css = client.get("/static/css/contact.css").text
    assert ".contact-trap {" in css


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_contact_follows_about_us_in_the_menu(client, lang):
    page = client.get(PAGES[lang]).text
    menu = re.search(r'<nav class="main-menu".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"', menu)
    about = {"sk": "/sk/o-nas", "en": "/en/about-us"}[lang]
    assert links[links.index(about) + 1] == PAGES[lang]
    assert f'<a href="{PAGES[lang]}" aria-current="page">' in menu
    home = client.get(f"/{lang}/").text
    assert {"sk": ">Kontakt</a>", "en": ">Contact</a>"}[lang] in home


def test_the_language_switch_links_the_two_pages(client):
    for lang, other in (("sk", "en"), ("en", "sk")):
        for pages in (PAGES, PRIVACY):
            page = client.get(pages[lang]).text
            assert f'<a href="{pages[other]}" hreflang="{other}"' in page
    thanks = client.get("/en/contact/thank-you").text
    assert '<a href="/sk/kontakt/dakujeme" hreflang="sk"' in thanks


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sk", "Každú správu vymažeme najneskôr 365 dní po jej odoslaní"),
        ("en", "We delete each message 365 days after it was sent at the latest"),
    ],
)
def test_the_privacy_notice_says_what_why_and_how_long(client, lang, said):
    page = client.get(PRIVACY[lang])
    assert page.status_code == 200
    assert said in page.text
    assert "info@eurobrew.sk" in page.text


def test_the_privacy_notice_follows_the_retention_setting(client, demo_app):
    demo_app.config["CONTACT_RETENTION_DAYS"] = 30
    assert "najneskôr 30 dní po" in client.get(PRIVACY["sk"]).text


def test_the_form_page_is_never_shared_by_caches(demo_app):
    response = demo_app.test_client().get("/en/contact")  # it holds the visitor's token
    assert "ETag" not in response.headers and "X-Accel-Expires" not in response.headers
    assert demo_app.test_client().get("/en/privacy").headers.get("ETag")


def test_an_edited_contact_record_shows_on_the_next_visit(demo_app):
    from eurobrew.models import CompanyContact

    client = demo_app.test_client()
    assert "+421 33 53 418 53" in main_of(client.get("/en/contact").text)
    with demo_app.app_context():
        db.session.scalars(db.select(CompanyContact)).one().phone = "+421 33 111 22 33"
        db.session.commit()
    main = main_of(client.get("/en/contact").text)
    assert "+421 33 111 22 33" in main and "+421 33 53 418 53" not in main


def test_each_visitor_gets_a_form_of_their_own(demo_app):
    from support.mailserver import hidden_value

    first, second = (demo_app.test_client().get("/en/contact").text for _ in range(2))
    assert hidden_value(first, "csrf_token") != hidden_value(second, "csrf_token")
    # The empty fields' markup is kept per language; a visitor's typed text never is.
    visitor = demo_app.test_client()
    data = contact_form(visitor, demo_app, "/en/contact", message="")
    typed = visitor.post("/en/contact", data=data).text
    assert VISITOR["name"] in typed
    assert VISITOR["name"] not in demo_app.test_client().get("/en/contact").text


def stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ContactMessage))


def test_errors_sit_next_to_each_field_and_keep_what_was_typed(client, demo_app):
    data = contact_form(
        client,
        demo_app,
        "/sk/kontakt",
        name="",
        email="eva(at)example",
        phone="call me",
        company="Ň" * 201,
        consent=None,
    )
    response = client.post("/sk/kontakt", data=data)
    assert response.status_code == 400
    page = response.text
    for field in ("name", "email", "phone", "company", "consent"):
        assert f'id="{field}-error-1"' in page, field
        assert re.search(rf'aria-describedby="[^"]*{field}-error-1"', page), field
    assert "Uveďte, prosím, svoje meno." in page
    assert 'value="eva(at)example"' in page and 'value="call me"' in page
    assert VISITOR["message"] in page
    assert stored(demo_app) == 0


def test_too_long_fields_are_refused_by_the_server(client, demo_app):
    data = contact_form(client, demo_app, "/en/contact", name="x" * 101, message="y" * 5001)
    response = client.post("/en/contact", data=data)
    assert response.status_code == 400
    assert response.text.count("At most") == 2
    assert stored(demo_app) == 0


def test_control_characters_never_reach_the_database(client, demo_app):
    data = contact_form(client, demo_app, "/en/contact", message="Hello\x00 there\x07\r\nBye")
    assert client.post("/en/contact", data=data).status_code == 302
    with demo_app.app_context():
        assert db.session.scalars(select(ContactMessage.text)).one() == "Hello there\nBye"


def test_hidden_fields_are_the_tags_wtforms_writes(demo_app):
    """The form writes its hidden inputs itself: the same tag as WTForms' widget, any value
    escaped."""
    from wtforms.widgets import HiddenInput

    from eurobrew.contact.form_markup import hidden_input
    from eurobrew.contact.forms import ContactForm

    with demo_app.test_request_context("/en/contact"):
        form = ContactForm()
        form.started.data = "a\"<b>&'c"
        for field in (form.csrf_token, form.started):
            assert str(hidden_input(field.name, field._value())) == str(HiddenInput()(field))
        assert 'value="a&#34;&lt;b&gt;&amp;&#39;c"' in hidden_input("started", form.started.data)
