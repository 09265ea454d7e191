"""Admin sessions: logout, idle and absolute expiry, cookie flags, private responses."""

import logging

import pytest
from sqlalchemy import select

from eurobrew import create_app
from eurobrew.admin import access
from eurobrew.extensions import db
from eurobrew.models import AdminSession
from support.auth import Clock, login


@pytest.fixture
def client(client):
    """The demo site's client in an English-speaking browser."""
    client.set_cookie("lang", "en")
    return client


def test_logout_is_post_only_and_makes_the_old_cookie_useless(admin_client, demo_app, csrf_token):
    assert admin_client.get("/admin/logout").status_code == 405
    captured = admin_client.get_cookie("session").value
    response = admin_client.post(
        "/admin/logout", data={"csrf_token": csrf_token(admin_client, "/admin/")}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login"
    assert admin_client.get("/admin/").status_code == 302
    replay = demo_app.test_client()
    replay.set_cookie("session", captured)
    response = replay.get("/admin/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login")


def test_idle_sessions_end_after_30_minutes(admin_client, monkeypatch):
    clock = Clock()  # the session was opened just before: its clocks start here
    monkeypatch.setattr(access, "utcnow", clock.utcnow)
    clock.advance(29 * 60)
    assert admin_client.get("/admin/").status_code == 200  # activity renews the idle clock
    clock.advance(29 * 60)
    assert admin_client.get("/admin/").status_code == 200
    clock.advance(31 * 60)
    response = admin_client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login?next=/admin/pages/"
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your session has expired. Please log in again." in page
    assert admin_client.get("/admin/").status_code == 302


def test_sessions_end_after_12_hours_even_when_busy(admin_client, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(access, "utcnow", clock.utcnow)
    for _ in range(12 * 3 - 1):
        clock.advance(20 * 60)
        assert admin_client.get("/admin/").status_code == 200
    clock.advance(21 * 60)  # 12 hours and a minute after the login
    assert admin_client.get("/admin/").status_code == 302


def test_idle_expiry_counts_per_session(
    demo_app, admin_client, admin_user, csrf_token, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(access, "utcnow", clock.utcnow)
    phone = demo_app.test_client()
    phone.set_cookie("lang", "en")
    assert login(phone, csrf_token, admin_user.username, admin_user.password).status_code == 302
    clock.advance(20 * 60)
    assert phone.get("/admin/").status_code == 200  # only the phone is in use
    clock.advance(15 * 60)
    expired = admin_client.get("/admin/contact")
    assert expired.headers["Location"] == "/admin/login?next=/admin/contact"
    assert "Your session has expired." in admin_client.get(expired.headers["Location"]).text
    assert phone.get("/admin/").status_code == 200
    with demo_app.app_context():
        rows = db.session.scalars(select(AdminSession).order_by(AdminSession.id)).all()
        assert [row.ended_at is None for row in rows] == [False, True]


def test_the_12_hours_count_from_each_sessions_own_login(
    demo_app, admin_client, admin_user, csrf_token, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(access, "utcnow", clock.utcnow)
    phone = demo_app.test_client()
    for _ in range(11 * 3):  # both in use every 20 minutes; the phone logs in after 11 hours
        clock.advance(20 * 60)
        assert admin_client.get("/admin/").status_code == 200
    assert login(phone, csrf_token, admin_user.username, admin_user.password).status_code == 302
    for _ in range(2):
        clock.advance(20 * 60)
        assert phone.get("/admin/").status_code == 200
        assert admin_client.get("/admin/").status_code == 200
    clock.advance(21 * 60)  # 12 hours and a minute after the first login
    assert admin_client.get("/admin/").status_code == 302
    assert phone.get("/admin/").status_code == 200


def test_the_last_activity_is_written_at_most_once_a_minute(demo_app, admin_client, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(access, "utcnow", clock.utcnow)

    def last_seen():
        with demo_app.app_context():
            return db.session.scalars(select(AdminSession.last_seen_at)).one()

    clock.advance(5 * 60)
    admin_client.get("/admin/")
    noted = last_seen()
    assert noted == clock.utcnow()
    for _ in range(5):
        clock.advance(10)
        assert admin_client.get("/admin/").status_code == 200
    assert last_seen() == noted
    clock.advance(10)  # a minute after the last write
    admin_client.get("/admin/")
    assert last_seen() == clock.utcnow()


def test_expiry_is_logged(admin_client, monkeypatch, caplog):
    clock = Clock()
    monkeypatch.setattr(access, "utcnow", clock.utcnow)
    caplog.set_level(logging.INFO, logger="eurobrew.audit")
    clock.advance(31 * 60)
    admin_client.get("/admin/")
    lines = [r.getMessage() for r in caplog.records if "expired" in r.getMessage()]
    assert lines == ["audit: action=session expired user=eva address=127.0.0.1 detail="]


def test_every_admin_response_is_private(client, admin_user, csrf_token):
    responses = [
        client.get("/admin/login"),
        client.get("/admin/"),
        client.post("/admin/login", data={"username": "x", "password": "y"}),  # no token
        login(client, csrf_token, "eva", "wrong password 1"),
        login(client, csrf_token, "eva", admin_user.password),
        client.get("/admin/"),
    ]
    for response in responses:
        assert response.headers["Cache-Control"] == "no-store", response.request.path
        assert response.headers["X-Robots-Tag"] == "noindex"
    assert "no-store" not in client.get("/en/").headers.get("Cache-Control", "")
    # An address under /admin/ that no admin page has is the site's plain 404 page, which
    # holds nothing private (and allows no script at all).
    unknown = client.get("/admin/no-such-page")
    assert (
        unknown.status_code == 404
        and "script-src" not in unknown.headers["Content-Security-Policy"]
    )


def test_session_cookie_flags(demo_app, admin_user, csrf_token):
    demo_app.config["SESSION_COOKIE_SECURE"] = True
    client = demo_app.test_client()
    response = login(client, csrf_token, admin_user.username, admin_user.password)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


@pytest.mark.parametrize(
    ("settings", "secure"),
    [
        ({"SITE_URL": "http://www.eurobrew.test"}, False),
        ({"SITE_URL": "https://www.eurobrew.test"}, True),
        ({"SITE_URL": "http://www.eurobrew.test", "SESSION_COOKIE_SECURE": True}, True),
    ],
)
def test_secure_cookies_whenever_the_site_is_served_over_https(
    tmp_path, monkeypatch, settings, secure
):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app({**settings, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})
    with app.app_context():
        db.create_all()
    response = app.test_client().get("/en/contact")  # the form's token opens a session
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert ("; Secure" in cookie) is secure
