"""Logging in through the form, and a clock the tests move."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    """A stand-in for the ``time`` module whose ``time()`` the test moves forward."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now

    def utcnow(self):
        """The naive UTC time the database stores, at this clock's time."""
        return datetime.fromtimestamp(self.now, UTC).replace(tzinfo=None)

    def advance(self, seconds):
        self.now += seconds


def login(client, csrf_token, username, password, path="/admin/login", **extra):
    token = csrf_token(client, "/admin/login")
    data = {"csrf_token": token, "username": username, "password": password}
    return client.post(path, data=data, **extra)
