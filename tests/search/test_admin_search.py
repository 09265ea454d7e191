"""The admin's lists search like the site: every word, any language, word forms, no accents."""

import re

from eurobrew.extensions import db
from eurobrew.models import ArticleStatus, ContactMessage
from support.builders import add_article


def titles(html: str) -> list[str]:
    found = r'<td><a href="/admin/(?:articles|pages)/\d+/edit">(?:<span[^>]*>)?([^<]+)<'
    return re.findall(found, html)


def test_the_article_list_finds_drafts_in_any_language(admin_client, demo_app):
    with demo_app.app_context():
        draft = add_article(5, status=ArticleStatus.DRAFT.value, body="Nové laboratórium pivovaru.")
        draft_title = draft.translation("en").title
    seed = "Japan proposes US purchase of semiconductor products"
    page = admin_client.get("/admin/articles/", query_string={"q": "cipy"}).text
    assert seed in titles(page) and draft_title not in titles(page)
    assert 'value="cipy"' in page  # the field keeps the words
    found = titles(admin_client.get("/admin/articles/", query_string={"q": "pivovar"}).text)
    assert found == [draft_title]
    both = {"q": "pivovar", "status": "published"}
    assert titles(admin_client.get("/admin/articles/", query_string=both).text) == []
    english = titles(admin_client.get("/admin/articles/", query_string={"q": "chips"}).text)
    assert english == [seed]


def test_the_page_list_searches_too(admin_client):
    found = titles(admin_client.get("/admin/pages/", query_string={"q": "Produkty"}).text)
    assert found == ["Products"]
    empty = admin_client.get("/admin/pages/", query_string={"q": "xylofón"}).text
    assert "No page matches the search." in empty


def test_the_inbox_search_ignores_diacritics_and_case(admin_client, demo_app):
    with demo_app.app_context():
        db.session.add(
            ContactMessage(
                name="Ľubomír Šťastný",
                email="lubo@example.sk",
                text="Máte čipy na sklade?",
                language="sk",
            )
        )
        db.session.commit()
    for query in ("cipy", "ČIPY", "stastny sklade", "Ľubo"):
        page = admin_client.get("/admin/messages/", query_string={"q": query}).text
        assert "1 message" in page, query
    assert "0 messages" in admin_client.get("/admin/messages/?q=cipy+banan").text
