"""Recovery codes: ten, each logs in once, stored only as slow hashes, new ones need the
password; removing a factor needs the password and a current code."""

import pytest
from sqlalchemy import select

from eurobrew.admin import totp
from eurobrew.extensions import db
from eurobrew.models import RecoveryCode
from support import csrf_token_in
from support.auth import Clock, login
from support.twofactor import add_app, code_at, log_out, second_step


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(totp, "time", clock)
    return clock


@pytest.fixture
def enrolled(admin_client, clock):
    """The admin's app secret and recovery codes; the admin stays logged in."""
    secret, codes = add_app(admin_client, clock.now)
    clock.advance(30)
    return secret, codes


def test_codes_are_stored_as_slow_hashes_only(demo_app, enrolled):
    _, codes = enrolled
    with demo_app.app_context():
        stored = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(stored) == 10
    assert all(value.startswith("scrypt:") for value in stored)
    plain = {code.replace("-", "") for code in codes}
    assert not any(code in value for value in stored for code in plain)


def test_each_code_logs_in_once(admin_client, admin_user, csrf_token, enrolled, caplog):
    _, codes = enrolled
    log_out(admin_client)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert second_step(admin_client, codes[0].upper()).status_code == 302
    assert "audit: action=recovery code used user=eva" in caplog.text
    assert "9 unused recovery codes." in admin_client.get("/admin/security").get_data(as_text=True)
    log_out(admin_client)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert second_step(admin_client, codes[0]).status_code == 401
    assert second_step(admin_client, codes[1].replace("-", " ")).status_code == 302


def test_new_codes_need_the_password_and_end_the_old_ones(
    admin_client, admin_user, csrf_token, enrolled
):
    _, old = enrolled
    token = csrf_token(admin_client, "/admin/security")
    wrong = admin_client.post(
        "/admin/security/recovery-codes", data={"csrf_token": token, "password": "guess"}
    )
    assert wrong.status_code == 400 and "The password is wrong." in wrong.get_data(as_text=True)
    fresh = admin_client.post(
        "/admin/security/recovery-codes",
        data={"csrf_token": token, "password": admin_user.password},
    )
    new = fresh.get_data(as_text=True)
    assert fresh.status_code == 200 and new.count("<li><code>") == 10
    log_out(admin_client)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert second_step(admin_client, old[0]).status_code == 401


def remove_app(client, password, code):
    page = client.get("/admin/security").get_data(as_text=True)
    data = {"csrf_token": csrf_token_in(page), "password": password, "code": code}
    return client.post("/admin/security/app/remove", data=data)


def test_removing_the_app_needs_the_password_and_a_code(
    admin_client, admin_user, csrf_token, enrolled, clock, caplog
):
    secret, _ = enrolled
    no_password = remove_app(admin_client, "not the password", code_at(secret, clock.now))
    assert no_password.status_code == 400
    assert "The password is wrong." in no_password.get_data(as_text=True)
    no_code = remove_app(admin_client, admin_user.password, "000000")
    assert no_code.status_code == 400
    assert "On: the login asks" in admin_client.get("/admin/security").get_data(as_text=True)
    done = remove_app(admin_client, admin_user.password, code_at(secret, clock.now))
    assert done.status_code == 302
    assert "audit: action=authenticator app removed user=eva" in caplog.text
    log_out(admin_client)
    response = login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert response.headers["Location"] == "/admin/"
