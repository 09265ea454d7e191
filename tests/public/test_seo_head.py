"""Every public page tells search engines its language, address, counterparts and preview."""

from datetime import timedelta

import pytest

from eurobrew.extensions import db
from eurobrew.models import ArticleStatus
from eurobrew.models.base import utcnow
from support import SITE_URL
from support.builders import add_article
from support.headtags import read_head

BASE = SITE_URL
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
COUNTERPARTS = [
    ("/sk/", "/en/"),
    ("/sk/novinky/", "/en/news/"),
    (SEED_SK, SEED_EN),
    ("/sk/produkty", "/en/products"),
    ("/sk/o-nas", "/en/about-us"),
]
PUBLIC = [path for pair in COUNTERPARTS for path in pair] + [
    "/sk/aktivity",
    "/en/activities",
    "/sk/odkazy",
    "/en/links",
]


def head_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return read_head(response.get_data(as_text=True))


def test_titles_and_descriptions_are_unique(client):
    heads = {path: head_of(client, path) for path in PUBLIC}
    titles = [head.title for head in heads.values()]
    descriptions = [head.one("description") for head in heads.values()]
    assert len(set(titles)) == len(PUBLIC), titles
    assert len(set(descriptions)) == len(PUBLIC), descriptions
    for path, head in heads.items():
        assert head.lang == path[1:3]
        assert 20 <= len(head.one("description")) <= 200


@pytest.mark.parametrize(("sk", "en"), COUNTERPARTS)
def test_counterparts_name_each_other(client, sk, en):
    expected_default = BASE + "/" if sk == "/sk/" else BASE + sk
    for path in (sk, en):
        head = head_of(client, path)
        assert head.canonical() == BASE + path
        assert head.hreflangs() == {"sk": BASE + sk, "en": BASE + en, "x-default": expected_default}
        assert head.one("og:url") == BASE + path


def test_one_language_article_has_no_alternates(demo_app):
    with demo_app.app_context():
        add_article(3, langs=("sk",))
    head = head_of(demo_app.test_client(), "/sk/novinky/clanok-3")
    assert head.canonical() == BASE + "/sk/novinky/clanok-3"
    assert head.hreflangs() == {}


def test_list_pages_are_their_own_canonical(demo_app):
    with demo_app.app_context():
        for n in range(12):
            add_article(n, commit=False)
        db.session.commit()
    client = demo_app.test_client()
    second = head_of(client, "/en/news/?page=2&utm_source=x")
    assert second.canonical() == BASE + "/en/news/?page=2"
    # Page 2 of the English list is not the same content as page 2 of the Slovak one.
    assert second.hreflangs() == {}
    assert "2" in second.title and second.title != head_of(client, "/en/news/").title
    first = head_of(client, "/en/news/?page=1")
    assert first.canonical() == BASE + "/en/news/"


def test_error_page_is_kept_out_of_indexes(client):
    response = client.get("/en/nowhere")
    head = read_head(response.get_data(as_text=True))
    assert response.status_code == 404
    assert head.one("robots") == "noindex"
    assert not [link for link in head.links if link.get("rel") == "canonical"]


def test_article_preview_shows_its_photo(client):
    head = head_of(client, SEED_EN)
    assert head.one("og:type") == "article"
    assert head.one("og:title") == "Japan proposes US purchase of semiconductor products"
    image = head.one("og:image")
    assert image.startswith(BASE + "/media/") and image.endswith(".jpg")
    assert client.get(image.removeprefix(BASE)).status_code == 200
    assert head.one("og:image:alt") == "Semiconductor wafers and microchips"
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:image") == image
    assert head.one("og:locale") == "en_GB"
    assert head.one("og:locale:alternate") == "sk_SK"


def test_pages_without_photo_get_a_plain_card(client):
    head = head_of(client, "/sk/o-nas")
    assert head.one("og:type") == "website"
    assert head.one("twitter:card") == "summary"
    assert "og:image" not in head.meta
    assert head.one("og:title") == "O nás"


def test_home_describes_the_company(client):
    (organization,) = head_of(client, "/sk/").json_ld
    assert organization["@type"] == "Organization"
    assert organization["name"] == "Euro-Brew s.r.o."
    assert organization["url"] == BASE + "/sk/"
    assert organization["telephone"] == "+421 33 53 418 53"
    assert organization["email"] == "info@eurobrew.sk"
    assert organization["address"]["streetAddress"] == "Hlboká 22"
    assert organization["address"]["postalCode"] == "917 01"


def test_article_is_a_news_article(client):
    (data,) = head_of(client, SEED_SK).json_ld
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Japonsko navrhuje nákup amerických polovodičových produktov"
    assert data["inLanguage"] == "sk"
    assert data["mainEntityOfPage"] == BASE + SEED_SK
    assert data["datePublished"] == "2025-05-29T00:00:00+02:00"
    assert data["image"][0].startswith(BASE + "/media/")
    assert data["publisher"]["name"] == "Euro-Brew s.r.o."


def test_json_ld_cannot_close_its_script(demo_app):
    title = 'Tom & Jerry </script><script>alert("x")</script> <!--'
    with demo_app.app_context():
        article = add_article(4, langs=("en",), commit=False)
        article.translations[0].title = title
        db.session.commit()
    html = demo_app.test_client().get("/en/news/article-4").get_data(as_text=True)
    head = read_head(html)
    assert [data["headline"] for data in head.json_ld] == [title]
    assert html.count("</script>") == 1
    assert not [s for s in head.scripts if s.get("type") != "application/ld+json"]


@pytest.mark.parametrize("path", PUBLIC + ["/sk/neexistuje"])
def test_no_inline_script_or_style(client, path):
    head = read_head(client.get(path).get_data(as_text=True))
    # Only JSON-LD data blocks: a Content-Security-Policy without 'unsafe-inline' allows them.
    assert all(s.get("type") == "application/ld+json" for s in head.scripts), head.scripts
    assert head.styled == []


@pytest.mark.parametrize(
    ("path", "feed"), [("/sk/o-nas", "/sk/novinky/feed.xml"), (SEED_EN, "/en/news/feed.xml")]
)
def test_head_links_the_language_feed(client, path, feed):
    head = head_of(client, path)
    feeds = [link["href"] for link in head.links if link.get("type") == "application/atom+xml"]
    assert feeds == [BASE + feed]


def test_scheduled_article_is_not_previewed(demo_app):
    with demo_app.app_context():
        add_article(5, publish_at=utcnow() + timedelta(days=1))
        add_article(6, status=ArticleStatus.DRAFT.value)
    client = demo_app.test_client()
    assert client.get("/en/news/article-5").status_code == 404
    assert client.get("/en/news/article-6").status_code == 404
