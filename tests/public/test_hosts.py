"""One origin for every absolute URL, and 400 for a Host the site does not answer to."""

from __future__ import annotations

import re

import pytest

from eurobrew import create_app
from eurobrew.web.hosts import SiteUrlError
from support import SITE_URL
from support.builders import add_many_articles

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
PUBLIC_PATHS = [
    "/sk/",
    "/en/",
    "/en/news/",
    "/en/news/?page=2",
    "/sk/novinky/",
    SEED_EN,
    "/en/about-us",
    "/sk/o-nas",
    "/en/contact",
    "/sk/kontakt",
    "/en/privacy",
    "/en/news/feed.xml",
    "/sk/novinky/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/en/no-such-page",
]
HOSTILE_HOSTS = [
    "evil.example",
    "evil.example:80",
    "www.eurobrew.test:6666",
    "www.eurobrew.test:x",
    "www.eurobrew.test:99999",
    "www.eurobrew.test.evil.example",
    "",
    "www.eurobrew.test/en/",
    "www.eurobrew.test@evil.example",
]
# Allowed, but not SITE_URL: they must not leak into pages either.
OTHER_ALLOWED_HOSTS = ["localhost:6666", "127.0.0.1:1234", "[::1]:8000", "www.eurobrew.test"]
# Every absolute URL a page hands to browsers, crawlers and feed readers.
ABSOLUTE_URL = re.compile(
    r'(?:href|content|src)="(https?://[^"]+)"|<(?:loc|id)>(https?://[^<]+)<|Sitemap: (\S+)'
)
# Links that belong in the content itself (the seed article's source) or name a standard.
FOREIGN_ORIGINS = (
    "https://www.tasr.sk",
    "https://www.openstreetmap.org",
    "http://www.sitemaps.org",
    "http://www.w3.org",
)


def absolute_urls(body: str) -> list[str]:
    """The absolute URLs in a page, feed, sitemap or robots.txt that point at this site."""
    found = ["".join(groups) for groups in ABSOLUTE_URL.findall(body)]
    return [url for url in found if not url.startswith(FOREIGN_ORIGINS)]


@pytest.fixture
def site(demo_app):
    add_many_articles(demo_app, 15)  # a second news page
    return demo_app


@pytest.mark.parametrize("host", HOSTILE_HOSTS)
def test_a_host_the_site_does_not_answer_to_is_a_400(site, host):
    client = site.test_client()
    for path in ("/en/", "/sitemap.xml", "/admin/login", "/healthz", "/static/css/site.css"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "another host" not in response.text and "evil" not in response.text
        assert response.headers["Cache-Control"] == "no-store"


def test_the_sites_own_names_are_answered(site, app_config):
    client = site.test_client()
    for host in (
        "www.eurobrew.test",
        "www.eurobrew.test:80",
        "WWW.EUROBREW.TEST",
        *OTHER_ALLOWED_HOSTS,
    ):
        assert client.get("/en/", headers={"Host": host}).status_code == 200, host


def test_pages_built_for_other_hosts_carry_only_the_sites_origin(site):
    client = site.test_client()
    for _ in range(3):  # enough for the front cache to keep what it was given
        for host in HOSTILE_HOSTS + OTHER_ALLOWED_HOSTS:
            for path in PUBLIC_PATHS:
                client.get(path, headers={"Host": host})
    for path in PUBLIC_PATHS:
        body = client.get(path).text  # the test client's own Host: localhost
        urls = absolute_urls(body)
        if path not in ("/en/no-such-page",):
            assert urls, path
        strangers = [url for url in urls if not url.startswith(SITE_URL + "/")]
        assert strangers == [], path
        assert "evil" not in body and "6666" not in body and "localhost" not in body


def test_canonical_and_alternates_name_the_site_url(site):
    html = site.test_client().get(SEED_EN, headers={"Host": "127.0.0.1:1234"}).text
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
    assert canonical == SITE_URL + SEED_EN
    alternates = re.findall(r'hreflang="[^"]+" href="([^"]+)"', html)
    assert len(alternates) == 3 and all(a.startswith(SITE_URL + "/") for a in alternates)


@pytest.mark.parametrize(
    "value",
    [
        "www.eurobrew.sk",
        "ftp://www.eurobrew.sk",
        "https://",
        "https://www.eurobrew.sk/sk/",
        "http://x:port",
    ],
)
def test_a_site_url_that_is_not_an_origin_stops_the_start(tmp_path, monkeypatch, value):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    with pytest.raises(SiteUrlError, match="SITE_URL"):
        create_app({"SITE_URL": value, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})


def test_extra_names_are_answered_and_the_default_port_is_left_out(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app(
        {
            "SITE_URL": "https://www.eurobrew.sk:443/",
            "ALLOWED_HOSTS": ["eurobrew.sk"],
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db",
        }
    )
    assert app.config["SITE_URL"] == "https://www.eurobrew.sk"
    client = app.test_client()
    assert client.get("/healthz", headers={"Host": "eurobrew.sk"}).status_code != 400
    assert client.get("/healthz", headers={"Host": "www.eurobrew.sk:443"}).status_code != 400
    assert client.get("/healthz", headers={"Host": "www.eurobrew.sk:80"}).status_code == 400
