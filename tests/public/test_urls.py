"""The URL contract: language prefixes, negotiation at /, translated section paths."""

import pytest

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"


def test_root_defaults_to_slovak(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/sk/")
    assert {"Cookie", "Accept-Language"} <= set(response.vary)


def test_root_follows_accept_language(client):
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9,de;q=0.5"})
    assert response.headers["Location"].endswith("/en/")
    response = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert response.headers["Location"].endswith("/sk/")


def test_remembered_choice_beats_accept_language(client):
    client.get("/en/news/", headers={"Accept-Language": "sk"})
    response = client.get("/", headers={"Accept-Language": "sk"})
    assert response.headers["Location"].endswith("/en/")
    client.get("/sk/")
    response = client.get("/", headers={"Accept-Language": "en"})
    assert response.headers["Location"].endswith("/sk/")


def test_every_page_remembers_its_own_language(client):
    # The same cookie for every visitor of a URL keeps the page shareable by caches.
    for path, lang in (("/en/", "en"), ("/en/news/", "en"), ("/sk/o-nas", "sk")):
        cookie = client.get(path).headers["Set-Cookie"]
        assert cookie.startswith(f"lang={lang};")
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Set-Cookie" not in client.get("/en/nowhere").headers


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/sk/", "sk"),
        ("/en/", "en"),
        ("/sk/novinky/", "sk"),
        ("/en/news/", "en"),
        (SEED_SK, "sk"),
        (SEED_EN, "en"),
        ("/sk/produkty", "sk"),
        ("/en/products", "en"),
        ("/sk/aktivity", "sk"),
        ("/en/activities", "en"),
        ("/sk/odkazy", "sk"),
        ("/en/links", "en"),
        ("/sk/o-nas", "sk"),
        ("/en/about-us", "en"),
    ],
)
def test_public_pages_live_under_their_language(client, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/sk/news/",
        "/en/novinky/",
        "/sk/news/japan-proposes-us-purchase-of-semiconductor-products",
        "/en/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
    ],
)
def test_slugs_belong_to_their_language(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/en/o-nas", "/en/about-us"),
        ("/sk/about-us", "/sk/o-nas"),
        ("/sk/products", "/sk/produkty"),
        (
            "/sk/novinky/japan-proposes-us-purchase-of-semiconductor-products",
            "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
        ),
        (
            "/en/news/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
            "/en/news/japan-proposes-us-purchase-of-semiconductor-products",
        ),
    ],
)
def test_the_other_languages_slug_leads_to_the_counterpart(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response.headers["Location"] == target
    assert client.get(target).status_code == 200


def test_section_without_trailing_slash_redirects(client):
    response = client.get("/en/news")
    assert response.status_code in (301, 308)
    assert response.headers["Location"].endswith("/en/news/")


def test_home_page_key_has_no_slug_url(client):
    # The home page is /<lang>/ only; its empty slug must not make another URL.
    assert client.get("/sk/index").status_code == 404


@pytest.mark.parametrize("script_root", ["", "/site"])
@pytest.mark.parametrize("external", [False, True])
def test_article_addresses_are_the_routing_maps(demo_app, script_root, external):
    """The feed's, search's and switch's article links (the part before the slug built once)
    are what url_for builds, under a mount point too; a slug the URL rule would not accept
    still goes through url_for."""
    from flask import url_for

    from eurobrew.news.addresses import article_urls

    slugs = ["a", "japan-2026", "x" * 120, "Ärger über", "a/b", "-a"]
    base_url = f"http://localhost{script_root}/"
    with demo_app.test_request_context("/en/news/", base_url=base_url):
        demo_app.preprocess_request()
        for lang in ("sk", "en"):
            article_url = article_urls(lang, external=external)
            for slug in slugs:
                built = url_for("news.detail", lang=lang, slug=slug, _external=external)
                assert article_url(slug) == built, (lang, slug)
            assert external or article_url("a").startswith(f"{script_root}/{lang}/")
