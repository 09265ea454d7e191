"""Failed logins counted in Redis: shared by every process, and no outage when Redis is away.

With ``RATELIMIT_STORAGE_URI=redis://...`` each gunicorn worker (and each host) sees the same
count. When Redis stops, the login and contact forms keep working with the same limits
counted in memory, and the counting returns to Redis once it answers again.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from mailserver import contact_form
from redisserver import RedisServer, redis_server_path
from support import tool_missing
from test_admin_auth import login

LIMIT = 3

# A second process of the site, as another gunicorn worker would be: one failed login.
ANOTHER_WORKER = """
import sys
from eurobrew import create_app
app = create_app({
    "TESTING": True,
    "WTF_CSRF_ENABLED": False,
    "SQLALCHEMY_DATABASE_URI": sys.argv[1],
    "RATELIMIT_STORAGE_URI": sys.argv[2],
    "LOGIN_FAILURE_LIMIT": sys.argv[3],
})
form = {"username": "nobody", "password": "wrong password"}
print(app.test_client().post("/admin/login", data=form).status_code)
"""


@pytest.fixture
def redis_server(tmp_path):
    if redis_server_path() is None:
        tool_missing("Redis (Debian package redis-server)")
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def app_config(redis_server):
    return {
        "RATELIMIT_STORAGE_URI": redis_server.url,
        "LOGIN_FAILURE_LIMIT": f"{LIMIT} per 15 minutes",
    }


def fail_login(client, csrf_token, address: str = "127.0.0.1", username: str = "nobody"):
    return login(
        client, csrf_token, username, "wrong password", environ_base={"REMOTE_ADDR": address}
    )


def another_worker(app, storage: str) -> int:
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    command = [sys.executable, "-c", ANOTHER_WORKER, database, storage, f"{LIMIT} per 15 minutes"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_failures_in_one_process_block_the_login_in_another(
    client, demo_app, csrf_token, redis_server
):
    for _ in range(LIMIT):
        assert fail_login(client, csrf_token).status_code == 401
    assert another_worker(demo_app, redis_server.url) == 429
    # A process counting in its own memory has seen none of them.
    assert another_worker(demo_app, "memory://") == 401
    # The count lives in Redis: emptied there, the next try is answered again.
    redis_server.client().flushdb()
    assert another_worker(demo_app, redis_server.url) == 401


def test_login_and_contact_keep_working_while_redis_is_away(
    client, demo_app, admin_user, csrf_token, redis_server, caplog
):
    redis_server.stop()
    with caplog.at_level(logging.WARNING):
        assert fail_login(client, csrf_token, "192.0.2.1").status_code == 401
    assert "falling back to in-memory storage" in caplog.text  # what the admin's log shows
    # The same limit holds, counted in this process.
    for _ in range(LIMIT - 1):
        assert fail_login(client, csrf_token, "192.0.2.1").status_code == 401
    assert fail_login(client, csrf_token, "192.0.2.1", "eva").status_code == 429
    # The admin, from elsewhere, still logs in.
    admin = demo_app.test_client()
    other = {"REMOTE_ADDR": "192.0.2.2"}
    assert (
        login(admin, csrf_token, "eva", admin_user.password, environ_base=other).status_code == 302
    )
    assert admin.get("/admin/").status_code == 200
    # A visitor's message is stored.
    visitor = demo_app.test_client()
    response = visitor.post("/en/contact", data=contact_form(visitor, demo_app, "/en/contact"))
    assert response.status_code == 302
    with demo_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ContactMessage)) == 1

    redis_server.start()
    stored = redis_server.client()
    deadline, attempt = time.monotonic() + 90, 0
    while not stored.dbsize():
        assert time.monotonic() < deadline, "the failed logins never reached Redis again"
        attempt += 1
        assert (
            fail_login(client, csrf_token, f"198.51.100.{attempt}", f"guest{attempt}").status_code
            == 401
        )
        time.sleep(0.5)
