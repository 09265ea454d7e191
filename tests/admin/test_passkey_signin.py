"""Logging in with a passkey alone: what a request without a real passkey gets.

The ceremony with a real authenticator is in tests/e2e/test_browser_passkeys.py.
"""

import logging

from support import csrf_token_in

FAKE = {
    "id": "AAAA",
    "rawId": "AAAA",
    "type": "public-key",
    "response": {"clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA"},
}


def token_of(client):
    return csrf_token_in(client.get("/admin/login").get_data(as_text=True))


def test_the_options_ask_for_a_verified_owner_and_name_no_account(client, admin_user):
    token = token_of(client)
    options = client.post(
        "/admin/login/with-passkey/options", headers={"X-CSRFToken": token}
    ).get_json()
    assert options["userVerification"] == "required"
    assert not options.get("allowCredentials")  # the browser offers the passkeys it holds
    assert len(options["challenge"]) >= 22


def test_an_unknown_passkey_opens_nothing_and_is_counted(client, admin_user, caplog):
    caplog.set_level(logging.INFO, logger="eurobrew.audit")
    token = token_of(client)
    headers = {"X-CSRFToken": token}
    statuses = []
    for _ in range(6):
        client.post("/admin/login/with-passkey/options", headers=headers)
        response = client.post(
            "/admin/login/with-passkey", json={"credential": FAKE}, headers=headers
        )
        statuses.append(response.status_code)
    assert statuses == [401] * 5 + [429]  # LOGIN_FAILURE_LIMIT, as for passwords
    assert "audit: action=login failed user= address=127.0.0.1 detail=passkey" in caplog.text
    assert client.get("/admin/").status_code == 302


def test_the_login_page_offers_a_passkey_only_to_a_browser_that_has_them(client):
    page = client.get("/admin/login").get_data(as_text=True)
    form = page.split('data-passkey="signin"')[0].rsplit("<form", 1)[1]
    assert " hidden" in form  # shown by the script where the browser can use passkeys
    assert "/static/js/passkeys." in page


def test_any_json_body_is_a_clear_refusal_never_a_500(client, admin_user):
    token = token_of(client)
    headers = {"X-CSRFToken": token}
    for body in ([1], "credential", {"credential": "a string"}, {"credential": [FAKE]}, None):
        client.post("/admin/login/with-passkey/options", headers=headers)
        response = client.post("/admin/login/with-passkey", json=body, headers=headers)
        assert response.status_code in (401, 429), body
        assert "error" in response.get_json(), body


def test_adding_a_passkey_with_any_json_body_is_a_400(admin_client):
    token = csrf_token_in(admin_client.get("/admin/security").get_data(as_text=True))
    headers = {"X-CSRFToken": token}
    for body in ([1], "credential", {"credential": "a string"}, {"name": ["x"]}):
        admin_client.post("/admin/security/passkeys/options", headers=headers)
        response = admin_client.post("/admin/security/passkeys", json=body, headers=headers)
        assert response.status_code == 400, body
        assert response.get_json()["error"] == "The passkey could not be added. Please try again."
