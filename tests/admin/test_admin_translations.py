"""The admin's translations overview: catalog counts, missing and outdated translations."""

import re
from datetime import timedelta

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.i18n.status import interface_status
from eurobrew.models import ArticleTranslation
from support.builders import add_article


def table_after(html: str, heading: str) -> str:
    return html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]


def test_needs_a_login(client):
    response = client.get("/admin/translations/")
    assert response.status_code == 302
    assert "/admin/login" in response.headers["Location"]


def test_catalog_counts_are_shown(admin_client, demo_app):
    html = admin_client.get("/admin/translations/").get_data(as_text=True)
    interface = table_after(html, "Interface texts")
    with demo_app.app_context():
        stats = {s.lang: s for s in interface_status()}
    for name, lang in (("Slovak", "sk"), ("English", "en")):
        row = re.search(rf"<th scope=\"row\">{name}</th>(.*?)</tr>", interface, re.S).group(1)
        cells = re.findall(r"<td>(\d+)</td>", row)
        assert cells == [str(stats[lang].total), str(stats[lang].translated), "0", "0"]
    assert 'aria-current="page">Translations</a>' in html


def test_missing_and_outdated_content(admin_client, demo_app):
    with demo_app.app_context():
        only_slovak = add_article(70, langs=("sk",))
        both = add_article(71)
        english = db.session.scalars(
            select(ArticleTranslation).where(
                ArticleTranslation.article_id == both.id, ArticleTranslation.lang == "en"
            )
        ).one()
        # The Slovak text changes well after the English one was last saved.
        slovak = both.translation("sk")
        slovak.title = "Clanok 71, opraveny"
        db.session.flush()
        slovak.updated_at = english.updated_at + timedelta(hours=2)
        db.session.commit()
        only_slovak_id, both_id = only_slovak.id, both.id
    html = admin_client.get("/admin/translations/").get_data(as_text=True)
    missing = table_after(html, "Content without a translation")
    assert "1 article or page lacks a language." in missing
    assert f'href="/admin/articles/{only_slovak_id}/edit">Clanok 70</a>' in missing
    assert "<td>English</td>" in missing
    outdated = table_after(html, "Outdated translations")
    assert "1 translation was saved before the other language last changed." in outdated
    assert f'href="/admin/articles/{both_id}/edit">Clanok 71, opraveny</a>' in outdated


def test_overview_in_slovak_counts_with_slovak_plurals(admin_client, demo_app):
    with demo_app.app_context():
        for n in range(80, 85):
            add_article(n, langs=("en",))
    admin_client.set_cookie("lang", "sk")
    html = admin_client.get("/admin/translations/").get_data(as_text=True)
    assert "<h1>Preklady</h1>" in html
    assert "5 článkom alebo stránkam chýba jazyk." in html
