"""What an operator finds in gunicorn's log: the admin audit lines.

Run under gunicorn as in production (not the test client, whose log capture would let
lines through that a real server drops).
"""

from __future__ import annotations

import re

import servers
from http_client import AdminSession

PASSWORD = "a password long enough for the site"


def test_audit_lines_reach_the_log(tmp_path):
    env = servers.site_env(tmp_path / "instance")
    servers.prepare_site(env, products=False)
    servers.flask(env, "users", "create", "eva", "--password-stdin", stdin=PASSWORD + "\n")
    log = tmp_path / "gunicorn.log"
    with servers.gunicorn(env, servers.free_port(18760, 18770), log=log) as base:
        admin = AdminSession(base)
        token = admin.form("/admin/login")["csrf_token"]
        wrong = {"csrf_token": token, "username": "nobody", "password": "wrong password"}
        assert admin.post("/admin/login", wrong).status == 401
        admin.login("eva", PASSWORD)
        assert admin.get("/admin/").status == 200
    text = log.read_text()
    assert re.search(r"audit: action=login failed user=nobody address=127\.0\.0\.1", text), text
    assert len(re.findall(r"action=login user=eva address=127\.0\.0\.1", text)) == 1, text
    assert "Traceback" not in text, text
