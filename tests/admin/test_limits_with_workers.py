"""The README's limits hold under gunicorn's production settings with several workers.

Every try is a new connection (urllib keeps none alive), so the tries are spread over the
workers as a browser's or a script's would be. Addresses come through X-Forwarded-For, as
nginx in front reports them (TRUSTED_PROXIES=1).
"""

from __future__ import annotations

import os
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

import servers
from http_client import FormValues, NoRedirects, Reply, _open
from support.mailserver import VISITOR

PASSWORD = "the right password for eva"
WORKERS = 5  # 2 x cores + 1 on the two-core machines, gunicorn.conf.py's default


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limits")
    env = servers.site_env(
        folder / "instance",
        os.environ.get("TEST_LIMITS_DATABASE_URL"),
        TRUSTED_PROXIES="1",
        GUNICORN_WORKERS=str(WORKERS),
        CONTACT_MIN_SECONDS="0",
    )
    servers.prepare_site(env, products=False)
    servers.flask(env, "users", "create", "eva", "--password-stdin", stdin=PASSWORD + "\n")
    with servers.gunicorn(env, servers.free_port(18770, 18790)) as base:
        yield base


class Visitor:
    """A browser at one address: its own cookies, a new connection for every request."""

    def __init__(self, base: str, address: str):
        self.base, self.address = base, address
        self.opener = urllib.request.build_opener(NoRedirects, urllib.request.HTTPCookieProcessor())

    def request(self, path: str, fields: dict[str, str] | None = None) -> Reply:
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(self.base + path, data=data)
        request.add_header("X-Forwarded-For", self.address)
        request.add_header("Accept-Language", "en")
        return _open(self.opener, request, 30)

    def form(self, path: str, **fields: str) -> Reply:
        """Load the form at ``path``, fill in ``fields`` and send it."""
        values = FormValues(self.request(path).body).values
        return self.request(path, {**values, **fields})

    def login(self, username: str, password: str) -> int:
        return self.form("/admin/login", username=username, password=password).status


def test_the_sixth_failed_login_for_a_username_gets_429(site):
    statuses = [Visitor(site, f"198.51.100.{n}").login("eva", "wrong!") for n in range(1, 6)]
    assert statuses == [401] * 5
    sixth = Visitor(site, "198.51.100.6")
    assert sixth.login("eva", PASSWORD) == 429  # even with the right password


def test_the_sixth_failed_login_from_an_address_gets_429(site):
    visitor = Visitor(site, "203.0.113.9")
    assert [visitor.login(f"guess{n}", "wrong!") for n in range(5)] == [401] * 5
    assert visitor.login("someone", "wrong!") == 429


def test_the_sixth_contact_message_in_an_hour_gets_429(site):
    visitor = Visitor(site, "192.0.2.44")
    sent = [visitor.form("/en/contact", **VISITOR).status for _ in range(5)]
    assert sent == [302] * 5
    sixth = visitor.form("/en/contact", **dict(VISITOR, message="The sixth one"))
    assert sixth.status == 429
    assert "The sixth one" in sixth.body


def test_tries_at_the_same_moment_never_get_past_the_limit(site):
    # Forms loaded first, then twenty wrong passwords for one user sent at once.
    visitors = [Visitor(site, f"10.20.0.{n}") for n in range(20)]
    forms = [FormValues(v.request("/admin/login").body).values for v in visitors]

    def attempt(pair):
        visitor, values = pair
        return visitor.request("/admin/login", {**values, "username": "jan", "password": "x"})

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = [reply.status for reply in pool.map(attempt, zip(visitors, forms, strict=True))]
    assert set(statuses) <= {401, 429}
    assert 1 <= statuses.count(401) <= 5, statuses
    assert Visitor(site, "10.20.1.1").login("jan", "x") == (
        429 if statuses.count(401) == 5 else 401
    )
