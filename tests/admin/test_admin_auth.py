"""Logging in and out of /admin/: one answer for every failure, throttling, session lifetime."""

import logging
import re

import pytest

from eurobrew import create_app
from eurobrew.config import Config
from eurobrew.extensions import db
from eurobrew.models import AdminSession, User
from eurobrew.models.sessions import hash_token
from eurobrew.models.users import hash_password
from eurobrew.web import limits
from support.auth import Clock, login


@pytest.fixture
def client(client):
    """The demo site's client in an English-speaking browser (the admin follows the browser)."""
    client.set_cookie("lang", "en")
    return client


def test_login_success_leads_to_the_dashboard(client, admin_user, csrf_token):
    response = login(client, csrf_token, admin_user.username, admin_user.password)
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"
    page = client.get("/admin/")
    assert page.status_code == 200
    assert "Dashboard" in page.get_data(as_text=True)


def test_login_accepts_the_username_in_any_case(client, admin_user, csrf_token):
    response = login(client, csrf_token, " EVA ", admin_user.password)
    assert response.status_code == 302


def test_admin_pages_need_a_login(client):
    response = client.get("/admin/articles/?status=draft")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login?next=/admin/articles/?status%3Ddraft"


def same_token(html: str) -> str:
    """The page with its CSRF tokens blanked: a token is signed with the second it was made
    in, so two answers a second apart differ there and nowhere else."""
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]*"', r'\1TOKEN"', html)


def test_unknown_user_and_wrong_password_get_the_same_answer(
    client, admin_user, csrf_token, monkeypatch
):
    checks = []
    real_check = __import__("eurobrew.admin.auth", fromlist=["x"]).check_password_hash
    monkeypatch.setattr(
        "eurobrew.admin.auth.check_password_hash",
        lambda *args: checks.append(args) or real_check(*args),
    )
    wrong = login(client, csrf_token, "nobody", "wrong password 123")
    assert checks, "an unknown username must cost a hash check like a known one"
    other = login(client, csrf_token, admin_user.username, "wrong password 123")
    assert wrong.status_code == other.status_code == 401
    wrong_html = same_token(wrong.get_data(as_text=True)).replace("nobody", "NAME")
    other_html = same_token(other.get_data(as_text=True)).replace(admin_user.username, "NAME")
    assert wrong_html == other_html
    assert "The username or the password is wrong." in wrong_html
    assert client.get("/admin/").status_code == 302


def test_empty_form_is_a_400_with_errors_next_to_the_fields(client, csrf_token):
    token = csrf_token(client, "/admin/login")
    response = client.post("/admin/login", data={"csrf_token": token, "username": "  "})
    assert response.status_code == 400
    assert response.get_data(as_text=True).count("Please fill in this field.") == 2


def test_five_failures_per_username_then_429_until_the_window_passes(
    client, demo_app, admin_user, csrf_token, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(limits, "utcnow", clock.utcnow)
    for attempt in range(5):
        # Different addresses: only the username is the same.
        environ = {"REMOTE_ADDR": f"10.0.0.{attempt + 1}"}
        response = login(client, csrf_token, "EVA", "wrong password!", environ_base=environ)
        assert response.status_code == 401
    blocked = login(client, csrf_token, "eva", admin_user.password)
    assert blocked.status_code == 429
    assert "Too many failed logins. Please try again in 15 minutes." in blocked.get_data(
        as_text=True
    )
    assert int(blocked.headers["Retry-After"]) == 15 * 60
    assert client.get("/admin/").status_code == 302  # not logged in
    clock.advance(14 * 60)
    assert login(client, csrf_token, "eva", admin_user.password).status_code == 429
    clock.advance(61)
    response = login(client, csrf_token, "eva", admin_user.password)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_five_failures_from_one_address_block_every_username(
    client, demo_app, admin_user, csrf_token, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(limits, "utcnow", clock.utcnow)
    for attempt in range(5):
        assert login(client, csrf_token, f"guess{attempt}", "x" * 12).status_code == 401
    assert login(client, csrf_token, "eva", admin_user.password).status_code == 429
    other_address = {"REMOTE_ADDR": "192.0.2.7"}
    elsewhere = login(client, csrf_token, "eva", admin_user.password, environ_base=other_address)
    assert elsewhere.status_code == 302
    clock.advance(15 * 60 + 1)
    later = demo_app.test_client()
    assert login(later, csrf_token, "someone", "x" * 12).status_code == 401


def test_the_429_page_is_in_the_admins_language(client, csrf_token, monkeypatch):
    monkeypatch.setattr(limits, "utcnow", Clock().utcnow)
    client.set_cookie("lang", "sk")
    for _ in range(5):
        login(client, csrf_token, "nikto", "x" * 12)
    html = login(client, csrf_token, "nikto", "x" * 12).get_data(as_text=True)
    assert "Príliš veľa neúspešných prihlásení. Skúste to znova o 15 minút." in html


def test_successful_logins_do_not_count(client, admin_user, csrf_token):
    for _ in range(7):
        assert login(client, csrf_token, "eva", admin_user.password).status_code == 302
        client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})


def test_login_starts_a_new_session(client, demo_app, admin_user, csrf_token):
    with client.session_transaction() as session:
        session["planted"] = "by somebody else"
        session["_user_id"] = "1:a token somebody planted"
    login(client, csrf_token, admin_user.username, admin_user.password)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_fresh"] is True
        user_id, _, token = session["_user_id"].partition(":")
    assert token and token != "a token somebody planted"
    with demo_app.app_context():
        user = db.session.query(User).one()
        row = db.session.query(AdminSession).one()  # the login's own, new session
        assert (user_id, row.user_id, row.token_hash) == (str(user.id), user.id, hash_token(token))


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/admin/",
        "http:/evil.example",
        "javascript:alert(1)",
        "/%0d%0aSet-Cookie:x=1",
        "/admin/\r\nLocation: https://evil.example",
        " //evil.example",
        "evil.example",
    ],
)
def test_next_never_leads_off_the_site(client, admin_user, csrf_token, target):
    response = login(
        client,
        csrf_token,
        admin_user.username,
        admin_user.password,
        path="/admin/login",
        query_string={"next": target},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/admin/" or (
        location.startswith("/") and not location.startswith("//") and "evil" not in location
    )


def test_next_leads_back_to_the_page_asked_for(client, admin_user, csrf_token):
    response = login(
        client,
        csrf_token,
        admin_user.username,
        admin_user.password,
        query_string={"next": "/admin/pages/"},
    )
    assert response.headers["Location"] == "/admin/pages/"


def test_logins_failures_and_logouts_are_logged_escaped(client, admin_user, csrf_token, caplog):
    caplog.set_level(logging.INFO, logger="eurobrew.audit")
    forged = "mallory\naudit: action=login user=eva"
    login(client, csrf_token, forged, "wrong password 1")
    login(client, csrf_token, admin_user.username, admin_user.password)
    client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})
    lines = [record.getMessage() for record in caplog.records if record.name == "eurobrew.audit"]
    assert lines == [  # one line per event
        "audit: action=login failed user=mallory\\x0aaudit: action=login user=eva"
        " address=127.0.0.1 detail=",
        "audit: action=login user=eva address=127.0.0.1 detail=",
        "audit: action=logout user=eva address=127.0.0.1 detail=",
    ]


def test_production_hashes_passwords_slowly(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    assert Config.PASSWORD_HASH_METHOD == "scrypt"
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        stored = hash_password("a long enough passphrase")
    # werkzeug's scrypt: N = 2**15, r = 8, p = 1.
    assert stored.startswith("scrypt:32768:8:1$")


def test_admin_language_switch(client, csrf_token):
    token = csrf_token(client, "/admin/login")
    response = client.post(
        "/admin/language", data={"csrf_token": token, "lang": "sk", "next": "/admin/login"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login"
    html = client.get("/admin/login").get_data(as_text=True)
    assert '<html lang="sk">' in html and "Prihlásiť sa" in html
    evil = client.post(
        "/admin/language", data={"csrf_token": token, "lang": "en", "next": "//evil.example"}
    )
    assert evil.headers["Location"] == "/admin/"
    assert "Log in" in client.get("/admin/login").get_data(as_text=True)


def test_flask_logins_remember_cookie_update_runs_for_a_session_holding_something(demo_app):
    """Flask-Login's after_request remember-cookie update (which clears a cookie a logout
    marked) still runs when the session holds something; for an anonymous visitor's empty
    session it is skipped and no cookie is touched."""
    from flask import Response, session

    headers = {"Cookie": "remember_token=stale"}
    with demo_app.test_request_context("/en/news/", headers=headers):
        session["_remember"] = "clear"
        response = demo_app.process_response(Response())
        cleared = [c for c in response.headers.getlist("Set-Cookie") if "remember_token=" in c]
        assert cleared and "Expires=Thu, 01 Jan 1970" in cleared[0]
    with demo_app.test_request_context("/en/news/", headers=headers):
        response = demo_app.process_response(Response())
        assert not [c for c in response.headers.getlist("Set-Cookie") if "remember_token" in c]
