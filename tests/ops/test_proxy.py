"""The client's address comes from X-Forwarded-For only when a proxy is configured."""

import pytest
from flask import request

from eurobrew import create_app


@pytest.mark.parametrize(("hops", "seen"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
def test_forwarded_address_is_trusted_only_behind_a_proxy(tmp_path, monkeypatch, hops, seen):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app(
        {"TRUSTED_PROXIES": hops, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/db.sqlite3"}
    )
    with app.test_client() as client:
        client.get(
            "/healthz",
            headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        )
        assert request.remote_addr == seen
        assert request.scheme == ("https" if hops else "http")


def test_only_the_last_hop_is_believed(tmp_path, monkeypatch):
    # A visitor's own X-Forwarded-For is kept by nginx in front of what nginx appends.
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app(
        {"TRUSTED_PROXIES": 1, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/db.sqlite3"}
    )
    with app.test_client() as client:
        client.get("/healthz", headers={"X-Forwarded-For": "10.9.9.9, 198.51.100.4"})
        assert request.remote_addr == "198.51.100.4"


@pytest.mark.parametrize(("proto", "secure"), [("https", True), ("http", False)])
def test_the_forms_session_cookie_is_secure_when_the_visitor_came_over_https(
    tmp_path, monkeypatch, proto, secure
):
    # nginx terminates TLS; the contact form's token must not later travel over plain HTTP.
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    app = create_app(
        {"TRUSTED_PROXIES": 1, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/db.sqlite3"}
    )
    with app.app_context():
        from eurobrew.extensions import db

        db.create_all()
    response = app.test_client().get("/en/contact", headers={"X-Forwarded-Proto": proto})
    assert response.status_code == 200
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert ("; Secure" in cookie) is secure
