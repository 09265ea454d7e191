"""An authenticator app as the second factor: added with a QR code, asked for at every login,
each code taken once, wrong codes limited like wrong passwords."""

import pytest

from eurobrew.admin import totp
from eurobrew.web import limits
from support.auth import Clock, login
from support.twofactor import add_app, code_at, log_out, second_step


@pytest.fixture
def clock(monkeypatch):
    """One fixed clock for the codes and the limits; the test moves it."""
    clock = Clock()
    monkeypatch.setattr(totp, "time", clock)
    monkeypatch.setattr(limits, "utcnow", clock.utcnow)
    return clock


@pytest.fixture
def with_app(admin_client, clock):
    """The admin's account with an app added; logged out again. Yields the secret."""
    secret, _ = add_app(admin_client, clock.now)
    log_out(admin_client)
    clock.advance(30)  # the confirming code is used up: the next login needs a later one
    return secret


def test_enrolment_shows_a_qr_code_and_the_key_and_wants_a_first_code(admin_client, clock):
    page = admin_client.get("/admin/security/app")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<svg" in html and "<script" not in html.split("<main", 1)[1]
    assert 'id="totp-secret"' in html
    token = html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    wrong = admin_client.post("/admin/security/app", data={"csrf_token": token, "code": "000000"})
    assert wrong.status_code == 400
    assert "This code is wrong" in wrong.get_data(as_text=True)
    assert "Off." in admin_client.get("/admin/security").get_data(as_text=True)
    secret, codes = add_app(admin_client, clock.now)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "On: the login asks for a code" in admin_client.get("/admin/security").get_data(
        as_text=True
    )


def test_the_password_alone_opens_nothing_then_the_code_opens_the_page_asked_for(
    admin_client, admin_user, csrf_token, with_app, clock
):
    response = login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert response.headers["Location"] == "/admin/login/verify"
    assert admin_client.get("/admin/articles/").headers["Location"] == "/admin/login/verify"
    done = second_step(admin_client, code_at(with_app, clock.now))
    assert done.status_code == 302 and done.headers["Location"] == "/admin/"
    assert admin_client.get("/admin/articles/").status_code == 200


def test_an_expired_code_is_refused(admin_client, admin_user, csrf_token, with_app, clock):
    clock.advance(60)  # the step before now was never used
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    old = code_at(with_app, clock.now - 90)  # three steps ago: past the drift allowed
    response = second_step(admin_client, old)
    assert response.status_code == 401
    assert "This code is wrong or was used already." in response.get_data(as_text=True)
    # A phone's clock a step behind is still fine.
    assert second_step(admin_client, code_at(with_app, clock.now - 30)).status_code == 302


def test_a_code_is_taken_once(admin_client, admin_user, csrf_token, with_app, clock):
    code = code_at(with_app, clock.now)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert second_step(admin_client, code).status_code == 302
    log_out(admin_client)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    replay = second_step(admin_client, code)
    assert replay.status_code == 401
    assert admin_client.get("/admin/").headers["Location"] == "/admin/login/verify"
    clock.advance(30)
    assert second_step(admin_client, code_at(with_app, clock.now)).status_code == 302


def test_five_wrong_codes_then_429_even_for_the_right_one(
    admin_client, admin_user, csrf_token, with_app, clock, caplog
):
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    for attempt in range(5):
        environ = {"REMOTE_ADDR": f"10.0.1.{attempt + 1}"}  # the account is what counts
        assert second_step(admin_client, "123456", environ_base=environ).status_code == 401
    blocked = second_step(admin_client, code_at(with_app, clock.now))
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    assert "audit: action=second step failed user=eva" in caplog.text
    clock.advance(15 * 60 + 1)  # the window passes (the half login is asked for again)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert second_step(admin_client, code_at(with_app, clock.now)).status_code == 302


def test_a_password_change_keeps_the_app(admin_client, admin_user, demo_app, csrf_token, with_app):
    runner = demo_app.test_cli_runner()
    new = "a brand new passphrase"
    result = runner.invoke(args=["users", "set-password", "eva", "--password-stdin"], input=new)
    assert result.exit_code == 0, result.output
    response = login(admin_client, csrf_token, admin_user.username, new)
    assert response.headers["Location"] == "/admin/login/verify"
