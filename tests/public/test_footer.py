"""Every page's footer comes from the contact record."""

from datetime import date

import pytest
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import CompanyContact


@pytest.mark.parametrize("path", ["/sk/", "/en/news/", "/en/about-us", "/sk/nic"])
def test_footer_on_every_page_type(client, path):
    html = client.get(path).get_data(as_text=True)
    assert "Hlboká 22, 917 01 Trnava" in html
    assert '<a href="tel:+421335341853">+421 33 53 418 53</a>' in html
    assert "+421 33 53 418 52" in html
    assert '<a href="mailto:info@eurobrew.sk">info@eurobrew.sk</a>' in html
    assert f"© 1997 – {date.today().year} Euro-Brew s.r.o." in html
    assert "Rastislav Laco" in html


def test_footer_speaks_the_page_language(client):
    en = client.get("/en/").get_data(as_text=True)
    sk = client.get("/sk/").get_data(as_text=True)
    assert "Euro-Brew Ltd., Hlboká 22, 917 01 Trnava, Slovakia" in en
    assert "may not be reproduced" in en
    assert "Euro-Brew s.r.o., Hlboká 22, 917 01 Trnava, Slovensko" in sk
    assert "sa nesmú rozmnožovať" in sk


def test_footer_follows_the_record(client, demo_app):
    with demo_app.app_context():
        contact = db.session.scalars(select(CompanyContact)).one()
        contact.phone = "+421 2 1234 5678"
        contact.email = "news@eurobrew.sk"
        db.session.commit()
    html = client.get("/en/").get_data(as_text=True)
    assert '<a href="tel:+421212345678">+421 2 1234 5678</a>' in html
    assert "mailto:news@eurobrew.sk" in html
    assert "+421 33 53 418 53" not in html
