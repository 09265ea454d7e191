"""/sitemap.xml lists every public URL with its alternates; /robots.txt points to it."""

from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from eurobrew.extensions import db
from eurobrew.i18n import LANGUAGES
from eurobrew.models import ArticleStatus
from eurobrew.models.base import utcnow
from support import SITE_URL
from support.builders import add_article

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BASE = SITE_URL
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
DEMO_PATHS = {
    "/sk/",
    "/en/",
    "/sk/novinky/",
    "/en/news/",
    SEED_SK,
    SEED_EN,
    "/sk/produkty",
    "/en/products",
    "/sk/aktivity",
    "/en/activities",
    "/sk/odkazy",
    "/en/links",
    "/sk/o-nas",
    "/en/about-us",
    "/sk/kontakt",
    "/en/contact",
    "/sk/ochrana-osobnych-udajov",
    "/en/privacy",
}


def get_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.mimetype == "application/xml"
    return ET.fromstring(response.get_data())  # noqa: S314 - the site under test


def url_entries(root) -> dict[str, dict]:
    """loc -> {"lastmod": ..., "alternates": {hreflang: href}} of a <urlset>."""
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        }
    return entries


def test_sitemap_lists_every_public_page_with_alternates(client):
    entries = url_entries(get_xml(client, "/sitemap.xml"))
    assert set(entries) == {BASE + path for path in DEMO_PATHS}
    assert all(entry["lastmod"] for entry in entries.values())
    assert entries[BASE + SEED_EN]["alternates"] == {
        "sk": BASE + SEED_SK,
        "en": BASE + SEED_EN,
        "x-default": BASE + SEED_SK,
    }
    assert entries[BASE + "/sk/o-nas"]["alternates"] == entries[BASE + "/en/about-us"]["alternates"]
    assert entries[BASE + "/en/"]["alternates"]["x-default"] == BASE + "/"
    assert entries[BASE + "/sk/kontakt"]["alternates"]["en"] == BASE + "/en/contact"
    # Every listed page answers, so no crawler is sent to a dead end.
    for loc in entries:
        assert client.get(loc.removeprefix(BASE)).status_code == 200, loc


def test_drafts_scheduled_and_hidden_pages_stay_out(demo_app):
    with demo_app.app_context():
        add_article(1, status=ArticleStatus.DRAFT.value)
        add_article(2, publish_at=utcnow() + timedelta(hours=1))
        add_article(3, langs=("sk",))
        from eurobrew.models import Page

        db.session.scalars(db.select(Page).where(Page.key == "links")).one().visible = False
        db.session.commit()
    entries = url_entries(get_xml(demo_app.test_client(), "/sitemap.xml"))
    locs = set(entries)
    assert BASE + "/sk/novinky/clanok-1" not in locs
    assert BASE + "/en/news/article-2" not in locs
    assert BASE + "/en/links" not in locs and BASE + "/sk/odkazy" not in locs
    # A one-language article is listed without alternates.
    assert entries[BASE + "/sk/novinky/clanok-3"]["alternates"] == {}


def test_large_sitemap_splits_under_an_index(demo_app):
    demo_app.config["SITEMAP_MAX_URLS"] = 10
    with demo_app.app_context():
        for n in range(30):
            add_article(n, commit=False)
        db.session.commit()
    client = demo_app.test_client()
    index = get_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    # 14 demo URLs + 60 article URLs = 74 URLs: 8 files of at most 10.
    assert parts == [f"{BASE}/sitemap-{n}.xml" for n in range(1, 9)]
    seen: dict[str, dict] = {}
    for part in parts:
        entries = url_entries(get_xml(client, part.removeprefix(BASE)))
        assert 1 <= len(entries) <= 10
        assert not set(entries) & set(seen), "a URL is in two parts"
        seen.update(entries)
    expected = {BASE + path for path in DEMO_PATHS}
    expected |= {f"{BASE}/sk/novinky/clanok-{n}" for n in range(30)}
    expected |= {f"{BASE}/en/news/article-{n}" for n in range(30)}
    assert set(seen) == expected
    # Alternates survive the cut between two parts.
    assert all(len(entry["alternates"]) == 3 for entry in seen.values())
    assert client.get("/sitemap-9.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_no_parts_when_one_file_is_enough(client):
    assert client.get("/sitemap-1.xml").status_code == 404


def test_robots_names_the_sitemap_and_closes_admin(client):
    response = client.get("/robots.txt")
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


@pytest.mark.parametrize("count", [0, 40])
def test_sitemap_query_count_does_not_grow(demo_app, count_queries, count):
    with demo_app.app_context():
        for n in range(count):
            add_article(n, commit=False)
        db.session.commit()
    client = demo_app.test_client()
    with count_queries() as counter:
        client.get("/sitemap.xml").get_data()
    # The pages, the contact record and the articles, and per language its count and its
    # newest article: the same however many articles there are.
    assert counter.count <= 3 + 2 * len(LANGUAGES)


def test_a_finished_sitemap_is_sent_again_until_the_content_changes(
    demo_app, count_queries, monkeypatch
):
    from eurobrew.seo import sitemap_files

    client = demo_app.test_client()
    first = client.get("/sitemap.xml").get_data()
    with count_queries() as counter:
        again = client.get("/sitemap.xml").get_data()
    assert again == first
    # The stamp only: the file was written once, for every worker to send.
    assert counter.count <= 1
    folders = list((Path(demo_app.instance_path) / "cache" / "sitemaps").iterdir())
    assert [p.name for p in folders[0].iterdir()] == ["sitemap.xml"]

    monkeypatch.setattr(sitemap_files, "OLD_VERSION_GRACE_SECONDS", -1)
    with demo_app.app_context():
        add_article(7)
    entries = url_entries(get_xml(client, "/sitemap.xml"))
    assert BASE + "/sk/novinky/clanok-7" in entries
    # The earlier version's file is gone once a newer one is written.
    remaining = list((Path(demo_app.instance_path) / "cache" / "sitemaps").iterdir())
    assert len(remaining) == 1 and remaining != folders


def test_a_sitemap_file_that_cannot_be_written_is_still_answered(demo_app, monkeypatch):
    from eurobrew.seo import sitemap_files

    def disk_full(path, write, mode):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sitemap_files, "atomic_write", disk_full)
    entries = url_entries(get_xml(demo_app.test_client(), "/sitemap.xml"))
    assert BASE + SEED_EN in entries
