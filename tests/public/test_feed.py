"""An Atom feed per language, with only that language's public articles."""

from datetime import timedelta
from xml.etree import ElementTree as ET

import pytest

from eurobrew.extensions import db
from eurobrew.models import ArticleStatus
from eurobrew.models.base import utcnow
from support import SITE_URL
from support.builders import add_article

ATOM = {"a": "http://www.w3.org/2005/Atom"}
BASE = SITE_URL
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"


def read_feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.get_data())  # noqa: S314 - well-formed XML, or this raises
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/sk/novinky/feed.xml", "sk", "Aktuality Euro-Brew"), ("/en/news/feed.xml", "en", None)],
)
def test_feed_has_the_atom_essentials(client, path, lang, title):
    feed = read_feed(client, path)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for tag in ("id", "title", "updated", "author/a:name"):
        assert feed.findtext(f"a:{tag}", namespaces=ATOM), tag
    if title:
        assert feed.findtext("a:title", namespaces=ATOM) == title
    self_link = feed.find("a:link[@rel='self']", ATOM)
    assert self_link.get("href") == BASE + path
    (entry,) = feed.findall("a:entry", ATOM)
    for tag in ("id", "title", "updated", "published", "summary", "content"):
        assert entry.findtext(f"a:{tag}", namespaces=ATOM), tag
    assert entry.find("a:link", ATOM).get("href").startswith(f"{BASE}/{lang}/")


def test_english_feed_has_only_english_public_articles(demo_app):
    with demo_app.app_context():
        add_article(1, langs=("sk",))
        add_article(2, langs=("en",))
        add_article(3, status=ArticleStatus.DRAFT.value)
        add_article(4, publish_at=utcnow() + timedelta(days=1))
    feed = read_feed(demo_app.test_client(), "/en/news/feed.xml")
    links = [e.find("a:link", ATOM).get("href") for e in feed.findall("a:entry", ATOM)]
    assert links == [BASE + SEED_EN, BASE + "/en/news/article-2"]


def test_feed_keeps_the_latest_twenty(demo_app):
    with demo_app.app_context():
        for n in range(30):
            add_article(n, published_on=utcnow().date() - timedelta(days=30 - n), commit=False)
        db.session.commit()
    feed = read_feed(demo_app.test_client(), "/sk/novinky/feed.xml")
    titles = [e.findtext("a:title", namespaces=ATOM) for e in feed.findall("a:entry", ATOM)]
    assert titles == [f"Clanok {n}" for n in range(29, 9, -1)]


def test_feed_escapes_what_articles_contain(demo_app):
    with demo_app.app_context():
        article = add_article(
            5,
            langs=("en",),
            published_on=utcnow().date(),
            body="Fish & <chips> ]]> end",
            commit=False,
        )
        article.translations[0].title = "Q&A: <b>bold</b>"
        db.session.commit()
    feed = read_feed(demo_app.test_client(), "/en/news/feed.xml")
    entry = feed.find("a:entry", ATOM)
    assert entry.findtext("a:title", namespaces=ATOM) == "Q&A: <b>bold</b>"
    assert "<chips>" not in entry.findtext("a:content", namespaces=ATOM)


def test_feed_dates_are_iso_8601_in_utc_and_the_site_zone():
    """Database times are naive UTC: written with their offset, without fractions."""
    from datetime import UTC, date, datetime
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from eurobrew.news.dates import iso_utc, published_datetime

    assert iso_utc(datetime(2026, 3, 1, 8, 5, 9, 999_999)) == "2026-03-01T08:05:09+00:00"
    assert iso_utc(datetime(2026, 3, 1, 8, 5, 9, tzinfo=UTC)) == "2026-03-01T08:05:09+00:00"
    bratislava = ZoneInfo("Europe/Bratislava")
    winter, summer = (
        SimpleNamespace(published_on=date(2026, 1, 5)),
        SimpleNamespace(published_on=date(2026, 7, 5)),
    )
    assert published_datetime(winter, bratislava) == "2026-01-05T00:00:00+01:00"
    assert published_datetime(summer, bratislava) == "2026-07-05T00:00:00+02:00"
