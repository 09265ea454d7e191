"""{contact:phone} and its kin in a body show the contact record as it is saved now."""

from bs4 import BeautifulSoup
from sqlalchemy import select

from eurobrew.demo.content import CONTACT
from eurobrew.extensions import db
from eurobrew.models import CompanyContact, Page
from support import hidden_fields_in

ABOUT = {"sk": "/sk/o-nas", "en": "/en/about-us"}


def contact_section(client, lang: str):
    html = BeautifulSoup(client.get(ABOUT[lang]).text, "html.parser")
    return html.select_one("main .body")


def set_about_body(app, body: str) -> None:
    with app.app_context():
        page = db.session.scalars(select(Page).where(Page.key == "about")).one()
        for text in page.translations:
            text.body = body
        db.session.commit()


def test_the_about_page_shows_the_contact_record_as_links(client):
    body = contact_section(client, "en")
    assert body.select_one('a[href="tel:+421335341853"]').text == "+421\xa033\xa053\xa0418\xa053"
    assert body.select_one('a[href="mailto:info@eurobrew.sk"]').text == "info@eurobrew.sk"
    assert "Euro-Brew Ltd., Hlboká 22, 917 01 Trnava, Slovakia" in body.text
    slovak = contact_section(client, "sk")
    assert "Euro-Brew s.r.o., Hlboká 22, 917 01 Trnava, Slovensko" in slovak.text
    assert "{contact:" not in body.text + slovak.text


def test_editing_the_contact_data_changes_the_about_page(admin_client, demo_app):
    fields = hidden_fields_in(admin_client.get("/admin/contact").text)
    changed = {**CONTACT, "street": "Nová 7", "phone": "+421 2 1234 5678"}
    changed |= {"email": "obchod@eurobrew.sk", "fax": "", "country_en": "the Slovak Republic"}
    response = admin_client.post("/admin/contact", data={**fields, **changed})
    assert response.status_code == 302, response.text
    for lang, label in (("sk", "Telefón: "), ("en", "Telephone: ")):
        body = contact_section(admin_client, lang)
        phone = body.select_one("a[href^='tel:']")
        assert phone["href"] == "tel:+421212345678"
        assert phone.parent.text == label + "+421\xa02\xa01234\xa05678"  # the typed label stays
        assert body.select_one("a[href^='mailto:']")["href"] == "mailto:obchod@eurobrew.sk"
        assert "418 53" not in body.text.replace("\xa0", " ")
        assert "Nová 7, 917 01 Trnava" in body.text
        assert [li.text for li in body.select("li")][1] == "Fax: "  # no fax: nothing shown
    assert "the Slovak Republic" in contact_section(admin_client, "en").text
    assert "We look forward to working with you." in contact_section(admin_client, "en").text


def test_text_around_tokens_is_kept_and_other_braces_stay_as_typed(demo_app):
    set_about_body(
        demo_app,
        "Call **{contact:phone}** today, write to {contact:email}, "
        "or ask {contact:name}. {contact:street} and {contact} stay.",
    )
    body = contact_section(demo_app.test_client(), "en")
    assert body.select_one("strong a[href='tel:+421335341853']")
    assert body.text == (
        "Call +421\xa033\xa053\xa0418\xa053 today, write to info@eurobrew.sk, "
        "or ask Euro-Brew Ltd.. {contact:street} and {contact} stay."
    )


def test_contact_data_shows_as_text_never_as_markup(demo_app):
    with demo_app.app_context():
        contact = db.session.scalars(select(CompanyContact)).one()
        contact.name_en = "Euro-Brew *Ltd* [x](javascript:alert(1)) <b>"
        db.session.commit()
    set_about_body(demo_app, "{contact:address}")
    body = contact_section(demo_app.test_client(), "en")
    assert body.find("em") is None and body.find("b") is None and body.find("a") is None
    assert body.text.strip().startswith("Euro-Brew *Ltd* [x](javascript:alert(1)) <b>, Hlboká 22")


def test_the_page_description_leaves_the_tokens_out(demo_app):
    set_about_body(demo_app, "Call us at {contact:phone} or write.")
    html = BeautifulSoup(demo_app.test_client().get(ABOUT["en"]).text, "html.parser")
    assert html.select_one('meta[name="description"]')["content"] == "Call us at or write."


def test_contact_data_inside_a_link_shows_as_text_not_a_second_link(demo_app):
    set_about_body(
        demo_app,
        "[Call {contact:phone} or write to {contact:email}](https://example.com/contact) "
        "or call {contact:phone}.",
    )
    body = contact_section(demo_app.test_client(), "en")
    outer = body.select_one('a[href="https://example.com/contact"]')
    assert outer.find("a") is None  # a link inside a link is not HTML
    assert outer.text == "Call +421\xa033\xa053\xa0418\xa053 or write to info@eurobrew.sk"
    # outside the link, the same token is a link of its own
    assert [a["href"] for a in body.select("a")] == [
        "https://example.com/contact",
        "tel:+421335341853",
    ]
