"""The language switch links straight to the same content in the other language."""

import re

import pytest

from eurobrew.extensions import db
from support.builders import add_article

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"


def switch_links(html: str) -> dict[str, str]:
    """hreflang -> href of the language switch's links."""
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    return dict(
        (lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)
    )


@pytest.mark.parametrize(
    ("sk", "en"),
    [
        ("/sk/", "/en/"),
        ("/sk/novinky/", "/en/news/"),
        (SEED_SK, SEED_EN),
        ("/sk/produkty", "/en/products"),
        ("/sk/aktivity", "/en/activities"),
        ("/sk/odkazy", "/en/links"),
        ("/sk/o-nas", "/en/about-us"),
    ],
)
def test_switch_targets_the_counterpart_on_both_sides(client, sk, en):
    for path in (sk, en):
        links = switch_links(client.get(path).get_data(as_text=True))
        assert links == {"sk": sk, "en": en}
    # The target answers directly, with no redirect in between.
    assert client.get(en).status_code == 200
    assert client.get(sk).status_code == 200


def test_switch_marks_the_current_language(client):
    html = client.get("/en/about-us").get_data(as_text=True)
    assert 'hreflang="en" lang="en" aria-current="true">English</a>' in html
    assert 'hreflang="sk" lang="sk">Slovensky</a>' in html


def test_article_without_translation_says_so_and_leads_to_the_news(demo_app):
    with demo_app.app_context():
        add_article(7, langs=("sk",))
    client = demo_app.test_client()
    html = client.get("/sk/novinky/clanok-7").get_data(as_text=True)
    links = switch_links(html)
    assert links["en"] == "/en/news/"
    assert '<span class="switch-note" lang="en">(not available in English)</span>' in html
    # Absent from the English lists and home, present in the Slovak ones.
    assert "Article 7" not in client.get("/en/news/").get_data(as_text=True)
    assert "/news/article-7" not in client.get("/en/").get_data(as_text=True)
    assert "Clanok 7" in client.get("/sk/novinky/").get_data(as_text=True)
    assert client.get("/en/news/article-7").status_code == 404


def test_english_only_article_note_is_in_slovak(demo_app):
    with demo_app.app_context():
        add_article(8, langs=("en",))
        db.session.commit()
    html = demo_app.test_client().get("/en/news/article-8").get_data(as_text=True)
    assert switch_links(html)["sk"] == "/sk/novinky/"
    assert "v slovenčine nie je k dispozícii" in html


def test_switch_on_a_404_leads_to_the_other_home(client):
    links = switch_links(client.get("/en/nowhere").get_data(as_text=True))
    assert links == {"sk": "/sk/", "en": "/en/"}
