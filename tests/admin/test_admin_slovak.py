"""The Slovak admin speaks Slovak: the article and page forms name no "slug", and languages
are named in Slovak."""

import re
from html import unescape

import pytest
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import Article, Page
from support import hidden_fields_in


def shown_text(html: str) -> str:
    """What a reader sees or hears of a page: its text and its labelling attributes."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    labels = re.findall(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(unescape(" ".join([text, *labels])).split())


def form_paths(app) -> list[str]:
    with app.app_context():
        article = db.session.scalars(select(Article.id)).first()
        page = db.session.scalars(select(Page.id).where(Page.key == "about")).one()
    return ["/admin/articles/new", f"/admin/articles/{article}/edit", f"/admin/pages/{page}/edit"]


@pytest.fixture
def slovak_admin(admin_client):
    admin_client.set_cookie("lang", "sk")
    return admin_client


def test_the_slovak_forms_name_the_address_not_a_slug(slovak_admin, demo_app):
    for path in form_paths(demo_app):
        text = shown_text(slovak_admin.get(path).text)
        assert "Koniec webovej adresy" in text, path
        assert not re.search(r"slug", text, flags=re.I), path


def test_the_slovak_forms_name_the_languages_in_slovak(slovak_admin, demo_app):
    for path in form_paths(demo_app):
        html = slovak_admin.get(path).text
        assert "<legend>Angličtina</legend>" in html and "<legend>Slovenčina</legend>" in html
        assert "Náhľad (angličtina)" in shown_text(html), path  # in a sentence
        # Only the buttons that switch the admin's language name each in its own words.
        assert shown_text(html).count("English") == 1, path


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("en-slug", "products", "Túto adresu už používa iná stránka."),
        ("sk-slug", "---", "Koniec adresy zadajte z písmen alebo číslic."),
    ],
)
def test_a_refused_address_is_explained_in_slovak(slovak_admin, demo_app, field, value, said):
    path = form_paths(demo_app)[2]
    fields = hidden_fields_in(slovak_admin.get(path).text)
    response = slovak_admin.post(
        path,
        data={
            **fields,
            "sk-title": "O nás",
            "sk-slug": "o-nas",
            "sk-body": "Text.",
            "en-title": "About us",
            "en-slug": "about-us",
            "en-body": "Text.",
            "menu_order": "50",
            "visible": "y",
            field: value,
        },
    )
    assert response.status_code == 400
    text = shown_text(response.text)
    assert said in text
    assert not re.search(r"slug", text, flags=re.I)
