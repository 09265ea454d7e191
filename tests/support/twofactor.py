"""Second factors in tests: an authenticator app added through the Security page."""

from __future__ import annotations

import re

import pyotp

from support import csrf_token_in

SECRET = re.compile(r'<code id="totp-secret">([A-Z2-7 ]+)</code>')
RECOVERY_CODE = re.compile(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")


def code_at(secret: str, when: float) -> str:
    """The app's code for ``secret`` at the time ``when``."""
    return pyotp.TOTP(secret).at(when)


def add_app(client, now: float) -> tuple[str, list[str]]:
    """Add an authenticator app to the logged-in account; its secret and recovery codes."""
    page = client.get("/admin/security/app").get_data(as_text=True)
    secret = SECRET.search(page)[1].replace(" ", "")
    response = client.post(
        "/admin/security/app",
        data={"csrf_token": csrf_token_in(page), "code": code_at(secret, now)},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    codes = RECOVERY_CODE.findall(response.get_data(as_text=True))
    return secret, codes


def second_step(client, code: str, **extra):
    """Post ``code`` to the second login step."""
    page = client.get("/admin/login/verify").get_data(as_text=True)
    return client.post(
        "/admin/login/verify", data={"csrf_token": csrf_token_in(page), "code": code}, **extra
    )


def log_out(client) -> None:
    """Log out through the header's button."""
    page = client.get("/admin/").get_data(as_text=True)
    client.post("/admin/logout", data={"csrf_token": csrf_token_in(page)})
