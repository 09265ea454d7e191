"""Protective headers on every response: every route, pages, errors, redirects, files, health."""

import re

import pytest
from flask import url_for

from eurobrew import create_app
from eurobrew.extensions import db
from eurobrew.models import ContactMessage

SEED_SLUGS = {
    "sk": "japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
    "en": "japan-proposes-us-purchase-of-semiconductor-products",
}
SEED_EN = "/en/news/" + SEED_SLUGS["en"]


def seed_assets(client) -> tuple[str, str]:
    """The seed article's photo (file name under /media/) and its stylesheet's path."""
    html = client.get(SEED_EN).get_data(as_text=True)
    photo = re.search(r'<img src="/media/([^"]+)"', html).group(1)
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    return photo, css


def every_kind_of_response(client):
    photo, css = seed_assets(client)
    return [
        "/",
        "/sk/",
        "/en/news/",
        SEED_EN,
        "/en/about-us",
        "/en/missing",
        "/de/",
        "/en/news/?page=abc",
        "/media/" + photo,
        css,
        "/static/css/site.css",
        "/healthz",
    ]


def assert_protected(response, path: str) -> None:
    """The full set of protective headers, whatever the response."""
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp, path
    assert "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
    assert "form-action 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # plain HTTP here
    assert not re.search(r"\d", headers.get("Server", "")), "no version disclosed"


def sample_values(client) -> dict[str, object]:
    """A value for every URL variable the app's routes use, pointing at demo content."""
    return {
        "slug": "about-us",
        "article_id": 1,
        "page_id": 1,
        "image_id": 1,
        "user_id": 1,
        "passkey_id": 1,
        "item_id": 1,
        "kind": "article",
        "message_id": 1,
        "session_id": 1,
        "number": 1,
        "filename": seed_assets(client)[0],
        "lang": "en",
        "language": "en",
    }


def test_every_route_sends_the_headers_to_visitors_and_admins(demo_app, admin_client):
    # Every rule of the app, so a route added later is checked without editing this test.
    with demo_app.app_context():
        db.session.add(ContactMessage(name="A", email="a@example.com", text="Hi", language="en"))
        db.session.commit()
    anonymous = demo_app.test_client()
    values = sample_values(anonymous)
    checked = 0
    for rule in demo_app.url_map.iter_rules():
        arguments = {name: values[name] for name in rule.arguments - set(rule.defaults or {})}
        if rule.endpoint == "static":
            arguments["filename"] = "css/site.css"
        if rule.endpoint == "news.detail":
            arguments["slug"] = SEED_SLUGS[rule.defaults["lang"]]
        with demo_app.test_request_context():
            path = url_for(rule.endpoint, **(rule.defaults or {}), **arguments)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for who, client in (("visitor", anonymous), ("admin", admin_client)):
                # POSTs carry no CSRF token: refused, and so harmless, but answered all the same.
                response = client.open(path, method=method)
                assert response.status_code < 500, (who, method, path)
                assert_protected(response, f"{who} {method} {path}")
                checked += 1
    assert checked >= 2 * len(list(demo_app.url_map.iter_rules()))


def test_the_same_headers_everywhere(client):
    for path in every_kind_of_response(client):
        response = client.get(path)
        assert_protected(response, path)


def test_public_pages_allow_no_script(client):
    csp = client.get("/sk/").headers["Content-Security-Policy"]
    assert "script-src" not in csp  # default-src 'none' forbids every script
    # Tools that read robots.txt through the page (Lighthouse) are held to its policy.
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["connect-src"] == "'self'"


def test_hsts_when_https_is_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app(
        {
            "SITE_URL": "https://www.eurobrew.test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite3",
        }
    )
    response = app.test_client().get("/healthz")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")


@pytest.mark.parametrize("lang,text", [("en", "briefly unavailable"), ("sk", "nedostupná")])
def test_database_down_is_a_503_in_the_visitors_language(tmp_path, monkeypatch, lang, text):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/db.sqlite3"})
    response = app.test_client().get(f"/{lang}/news/" if lang == "en" else "/sk/novinky/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert text in response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)
    assert "Content-Security-Policy" in response.headers
