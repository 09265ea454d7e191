"""No admin page opens between the password and the second step; with REQUIRE_2FA none
opens before a second factor is added; ``flask users reset-2fa`` for a lost phone."""

import pytest
from flask import url_for
from werkzeug.routing import IntegerConverter

from eurobrew.admin import totp
from eurobrew.admin.access import ENROLMENT_ENDPOINTS, OPEN_ENDPOINTS, SECOND_STEP_ENDPOINTS
from support import csrf_token_in
from support.auth import Clock, login
from support.twofactor import add_app, code_at, log_out, second_step

SKIPPED_METHODS = {"HEAD", "OPTIONS"}


def admin_routes(app, leave_out):
    """(endpoint, method, path) of every admin route but ``leave_out``, with sample values."""
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("admin.") or rule.endpoint in leave_out:
                continue
            values = {
                name: 1 if isinstance(converter, IntegerConverter) else "sk"
                for name, converter in rule._converters.items()
            }
            path = url_for(rule.endpoint, **values)
            for method in sorted(rule.methods - SKIPPED_METHODS):
                yield rule.endpoint, method, path


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(totp, "time", clock)
    return clock


def test_no_admin_route_opens_between_the_password_and_the_code(
    demo_app, admin_client, admin_user, csrf_token, clock
):
    secret, _ = add_app(admin_client, clock.now)
    log_out(admin_client)
    clock.advance(30)
    login(admin_client, csrf_token, admin_user.username, admin_user.password)
    token = csrf_token_in(admin_client.get("/admin/login/verify").get_data(as_text=True))
    routes = list(admin_routes(demo_app, OPEN_ENDPOINTS | SECOND_STEP_ENDPOINTS))
    assert len(routes) > 40
    for endpoint, method, path in routes:
        response = admin_client.open(path, method=method, data={"csrf_token": token})
        where = response.headers.get("Location")
        assert (response.status_code, where) == (302, "/admin/login/verify") or (
            response.status_code in (401, 403)
        ), f"{method} {path} ({endpoint}) answered {response.status_code}"
    assert second_step(admin_client, code_at(secret, clock.now)).status_code == 302
    assert admin_client.get("/admin/").status_code == 200


@pytest.mark.parametrize("app_config", [{"REQUIRE_2FA": True}])
def test_require_2fa_sends_every_admin_route_to_enrolment_first(
    demo_app, admin_client, clock, app_config
):
    token = csrf_token_in(admin_client.get("/admin/security").get_data(as_text=True))
    routes = list(admin_routes(demo_app, OPEN_ENDPOINTS | ENROLMENT_ENDPOINTS))
    for endpoint, method, path in routes:
        response = admin_client.open(path, method=method, data={"csrf_token": token})
        assert response.status_code == 302, f"{method} {path} ({endpoint})"
        assert response.headers["Location"] == "/admin/security", f"{method} {path}"
    page = admin_client.get("/admin/security").get_data(as_text=True)
    assert "Please set up a second factor before you continue." in page
    add_app(admin_client, clock.now)
    assert admin_client.get("/admin/articles/").status_code == 200


def test_reset_2fa_removes_the_factors_and_logs_it(
    demo_app, admin_client, admin_user, csrf_token, clock, caplog
):
    add_app(admin_client, clock.now)
    result = demo_app.test_cli_runner().invoke(args=["users", "reset-2fa", "EVA"])
    assert result.exit_code == 0, result.output
    assert "second factors of 'eva' were removed" in result.output
    assert "audit: action=second factors reset user=eva" in caplog.text
    assert admin_client.get("/admin/").status_code == 302  # its sessions ended
    response = login(admin_client, csrf_token, admin_user.username, admin_user.password)
    assert response.headers["Location"] == "/admin/"
    assert "Off." in admin_client.get("/admin/security").get_data(as_text=True)
    assert "0 unused recovery codes." in admin_client.get("/admin/security").get_data(as_text=True)
    audit = admin_client.get("/admin/audit").get_data(as_text=True)  # kept on the audit page
    assert "second factors reset" in audit and "authenticator app added" in audit
    missing = demo_app.test_cli_runner().invoke(args=["users", "reset-2fa", "nobody"])
    assert missing.exit_code != 0
