"""One admin on several devices: each login its own session, listed and ended one by one."""

import hashlib
import logging
import re

import pytest
from sqlalchemy import select

from eurobrew.demo.content import CONTACT
from eurobrew.extensions import db
from eurobrew.models import AdminSession, CompanyContact, User
from support import hidden_fields_in
from support.auth import login

FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_ON_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
)


@pytest.fixture
def device(demo_app, admin_user, csrf_token):
    """``device(user_agent, address)``: a new browser logged in as the admin."""

    def log_in(user_agent: str, address: str = "127.0.0.1"):
        client = demo_app.test_client()
        client.set_cookie("lang", "en")
        client.environ_base.update(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
        response = login(client, csrf_token, admin_user.username, admin_user.password)
        assert response.status_code == 302 and response.headers["Location"] == "/admin/"
        return client

    return log_in


def sent_to_login(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/admin/login")


def session_ids(app) -> dict[str, int]:
    """The open sessions' ids by the first word of their User-Agent's product token."""
    with app.app_context():
        rows = db.session.scalars(select(AdminSession).where(AdminSession.ended_at.is_(None)))
        return {row.user_agent.rsplit(" ", 1)[-1]: row.id for row in rows}


def end_button(client, session_id: int, csrf_token):
    token = csrf_token(client, "/admin/sessions")
    return client.post(f"/admin/sessions/{session_id}/end", data={"csrf_token": token})


def test_a_second_login_leaves_the_first_working(demo_app, device):
    laptop = device(FIREFOX_ON_LINUX)
    form = hidden_fields_in(laptop.get("/admin/contact").text)  # open on the laptop ...
    phone = device(SAFARI_ON_IPHONE)  # ... while the admin logs in on the phone
    assert phone.get("/admin/").status_code == 200
    saved = laptop.post("/admin/contact", data={**form, **CONTACT, "city": "Senec"})
    assert saved.status_code == 302 and saved.headers["Location"] == "/admin/contact"
    assert laptop.get("/admin/").status_code == 200
    with demo_app.app_context():
        assert db.session.scalars(select(CompanyContact)).one().city == "Senec"


def test_the_sessions_page_lists_every_device(device):
    device(FIREFOX_ON_LINUX, "192.0.2.10")
    phone = device(SAFARI_ON_IPHONE, "198.51.100.7")
    html = phone.get("/admin/sessions").text
    assert 'href="/admin/sessions" aria-current="page">Sessions</a>' in html  # in the menu
    rows = re.findall(r"<tr[^>]*>\s*<td>(.*?)</tr>", html, re.S)
    assert len(rows) == 2
    assert "Mobile Safari on iOS <strong" in rows[0] and "(this device)" in rows[0]
    assert "198.51.100.7" in rows[0] and "End this session" not in rows[0]
    assert "Firefox on Linux" in rows[1] and "192.0.2.10" in rows[1]
    assert "End this session" in rows[1] and "this device" not in rows[1]
    assert "End all other sessions" in html
    assert "a session ends after 30 minutes" in html and "12 hours after the login" in html


def test_the_sessions_page_speaks_slovak(device):
    device(FIREFOX_ON_LINUX)
    phone = device(SAFARI_ON_IPHONE)
    phone.set_cookie("lang", "sk")
    html = phone.get("/admin/sessions").text
    assert "<h1>Prihlásenia</h1>" in html and "(toto zariadenie)" in html
    assert "Firefox v systéme Linux" in html and "Ukončiť toto prihlásenie" in html
    assert "Ukončiť všetky ostatné prihlásenia" in html


def test_ending_a_session_elsewhere_logs_only_that_device_out(demo_app, device, csrf_token, caplog):
    laptop = device(FIREFOX_ON_LINUX)
    phone = device(SAFARI_ON_IPHONE)
    laptop_id = session_ids(demo_app)["Firefox/128.0"]
    caplog.set_level(logging.INFO, logger="eurobrew.audit")
    response = end_button(phone, laptop_id, csrf_token)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/sessions"
    page = phone.get("/admin/sessions").text
    assert "The session was ended." in page and "Firefox on Linux" not in page
    assert "You are not logged in on any other device." in page
    assert phone.get("/admin/").status_code == 200
    assert sent_to_login(laptop.get("/admin/contact"))
    lines = [r.getMessage() for r in caplog.records if "session" in r.getMessage()]
    assert lines == [
        f"audit: action=session ended user=eva address=127.0.0.1 detail=session={laptop_id}"
    ]


def test_end_all_other_sessions(demo_app, device, csrf_token):
    laptop, phone, desktop = (
        device(ua) for ua in (FIREFOX_ON_LINUX, SAFARI_ON_IPHONE, EDGE_ON_WINDOWS)
    )
    token = csrf_token(desktop, "/admin/sessions")
    response = desktop.post("/admin/sessions/end-others", data={"csrf_token": token})
    assert response.status_code == 302
    assert "All other sessions were ended." in desktop.get("/admin/sessions").text
    assert sent_to_login(laptop.get("/admin/")) and sent_to_login(phone.get("/admin/"))
    assert desktop.get("/admin/").status_code == 200
    assert list(session_ids(demo_app)) == ["Edg/126.0.0.0"]


def test_only_the_accounts_other_sessions_can_be_ended_here(demo_app, device, csrf_token):
    laptop = device(FIREFOX_ON_LINUX)
    with demo_app.app_context():
        ivan = User(username="ivan")
        ivan.set_password("another long passphrase")
        db.session.add(ivan)
        db.session.commit()
    ivans = demo_app.test_client()
    ivans.environ_base["HTTP_USER_AGENT"] = SAFARI_ON_IPHONE
    assert login(ivans, csrf_token, "ivan", "another long passphrase").status_code == 302
    ids = session_ids(demo_app)
    assert end_button(laptop, ids["Safari/604.1"], csrf_token).status_code == 404
    assert end_button(laptop, ids["Firefox/128.0"], csrf_token).status_code == 404  # its own
    assert end_button(laptop, 999, csrf_token).status_code == 404
    no_token = laptop.post(f"/admin/sessions/{ids['Safari/604.1']}/end")
    assert no_token.status_code == 400
    assert ivans.get("/admin/").status_code == laptop.get("/admin/").status_code == 200


def test_logout_ends_only_its_own_session(demo_app, device, csrf_token):
    laptop = device(FIREFOX_ON_LINUX)
    phone = device(SAFARI_ON_IPHONE)
    captured = laptop.get_cookie("session").value
    laptop.post("/admin/logout", data={"csrf_token": csrf_token(laptop, "/admin/")})
    assert sent_to_login(laptop.get("/admin/"))
    replay = demo_app.test_client()
    replay.set_cookie("session", captured)
    assert sent_to_login(replay.get("/admin/"))
    assert phone.get("/admin/").status_code == 200
    assert list(session_ids(demo_app)) == ["Safari/604.1"]


def test_the_token_is_stored_only_hashed(demo_app, device):
    laptop = device(FIREFOX_ON_LINUX, "192.0.2.10")
    with laptop.session_transaction() as session:
        user_id, _, token = session["_user_id"].partition(":")
    assert len(token) >= 40
    with demo_app.app_context():
        row = db.session.scalars(select(AdminSession)).one()
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert str(row.user_id) == user_id
        assert (row.user_agent, row.address, row.ended_at) == (FIREFOX_ON_LINUX, "192.0.2.10", None)
        stored = [str(value) for value in db.session.execute(select(AdminSession.__table__)).one()]
        assert not any(token in value for value in stored)


def test_a_strange_user_agent_is_stored_cut_and_shown_as_text(demo_app, device):
    laptop = device("<b>Bot</b>\x01" + "x" * 400)
    with demo_app.app_context():
        stored = db.session.scalars(select(AdminSession.user_agent)).one()
    assert stored == ("<b>Bot</b>" + "x" * 400)[:300]
    html = laptop.get("/admin/sessions").text
    assert "<b>" not in html and "b&gt;Bot" in html  # what the parser made of it, as text
