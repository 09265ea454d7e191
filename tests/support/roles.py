"""Accounts of each role, logged in through the form."""

from __future__ import annotations

from eurobrew.extensions import db
from eurobrew.models import User

PASSWORD = "a long enough passphrase"


def make_account(app, username: str, role: str, languages: str = "") -> int:
    """Create an account with ``role`` (and a translator's ``languages``); its id."""
    with app.app_context():
        user = User(username=username, role=role, languages=languages)
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        return user.id


def logged_in(app, csrf_token, username: str):
    """A client logged in as ``username``, reading the admin in English."""
    client = app.test_client()
    client.set_cookie("lang", "en")
    token = csrf_token(client, "/admin/login")
    data = {"csrf_token": token, "username": username, "password": PASSWORD}
    assert client.post("/admin/login", data=data).status_code == 302
    return client
