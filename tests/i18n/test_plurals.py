"""Counts read naturally: Slovak has three plural forms (1 článok, 2 články, 5 článkov)."""

import pytest

from eurobrew.extensions import db
from support.builders import add_article

COUNTS = {
    "sk": {1: "1 článok", 2: "2 články", 5: "5 článkov", 21: "21 článkov"},
    "en": {1: "1 article", 2: "2 articles", 5: "5 articles", 21: "21 articles"},
}
NEWS = {"sk": "/sk/novinky/", "en": "/en/news/"}


@pytest.fixture
def news_site(app):
    """The site with no articles yet, ten per list page; ``add(n)`` adds n more."""
    app.config["NEWS_PER_PAGE"] = 10

    def add(count: int, start: int = 0) -> None:
        with app.app_context():
            for number in range(start, start + count):
                add_article(number, commit=False)
            db.session.commit()

    return app.test_client(), add


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_news_list_counts_articles_in_the_right_plural_form(news_site, lang):
    client, add = news_site
    added = 0
    for count, text in COUNTS[lang].items():
        add(count - added, start=added)
        added = count
        html = client.get(NEWS[lang]).get_data(as_text=True)
        assert f'<p class="count">{text}</p>' in html


@pytest.mark.parametrize(
    ("lang", "position", "title"),
    [
        ("sk", "Strana 2 z 3", "<title>Aktuality – Strana 2 z 3 – Euro-Brew</title>"),
        ("en", "Page 2 of 3", "<title>News – Page 2 of 3 – Euro-Brew</title>"),
    ],
)
def test_page_position_is_translated(news_site, lang, position, title):
    client, add = news_site
    add(21)
    html = client.get(NEWS[lang] + "?page=2").get_data(as_text=True)
    assert f'<span class="position">{position}</span>' in html
    assert title in html
