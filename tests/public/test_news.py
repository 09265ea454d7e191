"""The news list, article pages and what the public may see."""

import re
from datetime import date, timedelta

import pytest

from eurobrew.models import ArticleStatus
from eurobrew.models.base import utcnow
from eurobrew.news import listing as news_listing
from support import shown_date
from support.builders import add_article, add_many_articles

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"

SEED_DATE = date(2025, 5, 29)


def dateline(html: str, place: str, lang: str) -> date:
    """The date shown after ``place`` in a ``<time>`` whose machine value is the seed's."""
    shown = re.search(rf'{place}, <time datetime="2025-05-29">([^<]+)</time>', html)
    assert shown, f"no dateline for {place}"
    return shown_date(shown[1], lang)


def titles(html: str) -> list[str]:
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_list_is_newest_first_ten_a_page(demo_app):
    add_many_articles(demo_app, 25)  # plus the seed article, dated 2025-05-29, newest of all
    client = demo_app.test_client()
    first = client.get("/en/news/").get_data(as_text=True)
    assert titles(first)[:3] == [
        "Japan proposes US purchase of semiconductor products",
        "Article 25",
        "Article 24",
    ]
    assert len(titles(first)) == 10
    assert "Page 1 of 3" in first
    assert "26 articles" in first
    third = client.get("/en/news/?page=3").get_data(as_text=True)
    assert titles(third) == [f"Article {n}" for n in range(6, 0, -1)]
    assert "Page 3 of 3" in third
    sk = client.get("/sk/novinky/?page=2").get_data(as_text=True)
    assert "Strana 2 z 3" in sk
    assert "26 článkov" in sk


def test_pagination_links_walk_the_list(demo_app):
    add_many_articles(demo_app, 25)
    client = demo_app.test_client()
    html = client.get("/en/news/?page=2").get_data(as_text=True)
    assert 'rel="prev" href="/en/news/"' in html
    assert 'rel="next" href="/en/news/?page=3"' in html
    last = client.get("/en/news/?page=3").get_data(as_text=True)
    assert 'rel="next"' not in last


def test_list_items_show_place_date_and_excerpt(client):
    html = client.get("/sk/novinky/").get_data(as_text=True)
    assert dateline(html, "Tokio", "sk") == SEED_DATE
    assert "Japonsko navrhlo" in html or "Japonsko" in html
    en = client.get("/en/news/").get_data(as_text=True)
    assert dateline(en, "Tokyo", "en") == SEED_DATE
    assert "Japan has proposed buying up to 1 trillion yen" in en


def test_article_page_has_everything(client):
    html = client.get(SEED_EN).get_data(as_text=True)
    assert "<h1>Japan proposes US purchase of semiconductor products</h1>" in html
    assert dateline(html, "Tokyo", "en") == SEED_DATE
    assert "1 EUR = 163.72 JPY; 1 EUR = 1.1356 USD" in html
    assert ">Source</a>" in html and 'href="https://www.tasr.sk/"' in html
    assert "Photo: Jen" in html
    assert re.search(r'<source type="image/avif" srcset="/media/[0-9a-f]+-480\.avif 480w', html)
    assert re.search(
        r'<img src="/media/[0-9a-f]+-\d+\.jpg" srcset="[^"]+" sizes="[^"]+" width', html
    )
    assert re.search(r'alt="Semiconductor wafers and microchips" fetchpriority="high"', html)
    assert "odkaz na stránku" not in html
    sk = client.get(SEED_SK).get_data(as_text=True)
    assert dateline(sk, "Tokio", "sk") == SEED_DATE
    assert "mája" in sk  # the article page names the month, in the genitive
    assert "1 EUR = 163,72 JPY" in sk
    assert ">Zdroj</a>" in sk and "Foto: Jen" in sk and "Späť na aktuality" in sk


def test_article_photo_is_served_with_a_long_cache(client):
    html = client.get(SEED_EN).get_data(as_text=True)
    src = re.search(r'<img src="(/media/[^"]+)"', html).group(1)
    response = client.get(src)
    assert response.status_code == 200
    assert response.mimetype == "image/jpeg"
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/../instance/secret_key").status_code == 404
    assert client.get("/media/nothing.jpg").status_code == 404


def test_back_link_leads_to_the_list_page_of_the_article(demo_app):
    add_many_articles(demo_app, 25)
    client = demo_app.test_client()
    # Article 3 is the 24th newest of 26: on page 3.
    html = client.get("/en/news/article-3").get_data(as_text=True)
    assert '<p class="back"><a href="/en/news/?page=3">' in html
    assert "Article 3" in client.get("/en/news/?page=3").get_data(as_text=True)
    html = client.get("/sk/novinky/clanok-20").get_data(as_text=True)
    assert '<p class="back"><a href="/sk/novinky/">' in html


@pytest.mark.parametrize(("marks_kept", "offset_limit"), [(11, 5), (3, 256), (2048, 256)])
def test_every_articles_back_link_names_the_page_that_lists_it(
    demo_app, monkeypatch, marks_kept, offset_limit
):
    # The place in the list is found from the key of every stride-th article (stride: the
    # articles over MARKS_KEPT; every article's on a list of up to MARKS_KEPT), a deep page
    # read from one: strides of 3 and 11 put articles and pages on either side of many kept
    # ones; same-day articles, an English-only one and a draft check the order within a
    # day and what is counted.
    monkeypatch.setattr(news_listing, "MARKS_KEPT", marks_kept)
    monkeypatch.setattr(news_listing, "OFFSET_LIMIT", offset_limit)
    add_many_articles(demo_app, 25)
    with demo_app.app_context():
        for number in range(26, 31):
            add_article(number, published_on=date(2024, 1, 10))
        add_article(31, langs=("en",), published_on=date(2024, 1, 5))
        add_article(32, published_on=date(2024, 1, 7), status=ArticleStatus.DRAFT.value)
    client = demo_app.test_client()
    for list_path, count in (("/en/news/", 32), ("/sk/novinky/", 31)):  # with the seed's
        listed_in_order = []
        for page in (1, 2, 3, 4):
            listed = client.get(f"{list_path}?page={page}").text
            links = re.findall(rf'<h2><a href="({list_path}[^"]+)">', listed)
            dates = re.findall(r'<time datetime="([^"]+)">', listed)
            assert dates == sorted(dates, reverse=True)
            listed_in_order += links
            back = f"{list_path}?page={page}" if page > 1 else list_path
            for link in links:
                html = client.get(link).text
                assert f'<p class="back"><a href="{back}">' in html, (link, back)
        assert len(listed_in_order) == len(set(listed_in_order)) == count


def test_drafts_and_scheduled_articles_are_nowhere(demo_app):
    with demo_app.app_context():
        add_article(50, status=ArticleStatus.DRAFT.value, published_on=date(2030, 1, 1))
        add_article(51, publish_at=utcnow() + timedelta(hours=1), published_on=date(2030, 1, 2))
    client = demo_app.test_client()
    for path in ("/en/news/", "/en/", "/sk/novinky/", "/sk/"):
        html = client.get(path).get_data(as_text=True)
        assert "50" not in "".join(titles(html)) and "Article 50" not in html
        assert "Article 51" not in html and "Clanok 51" not in html
    for path in ("/en/news/article-50", "/en/news/article-51", "/sk/novinky/clanok-51"):
        assert client.get(path).status_code == 404
    assert "1 article" in client.get("/en/news/").get_data(as_text=True)


def test_scheduled_article_appears_once_its_time_has_passed(demo_app):
    with demo_app.app_context():
        article = add_article(52, publish_at=utcnow() + timedelta(hours=1))
        from eurobrew.extensions import db

        article.publish_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert demo_app.test_client().get("/en/news/article-52").status_code == 200


def test_home_shows_its_text_and_the_latest_news(demo_app):
    add_many_articles(demo_app, 8)
    html = demo_app.test_client().get("/en/").get_data(as_text=True)
    assert "Latest news" in html
    latest = re.findall(r'<h3><a href="([^"]+)">', html)
    assert latest[0].endswith("japan-proposes-us-purchase-of-semiconductor-products")
    assert latest[1:] == [
        "/en/news/article-8",
        "/en/news/article-7",
        "/en/news/article-6",
        "/en/news/article-5",
    ]
