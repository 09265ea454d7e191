"""Roles in use: a translator's form, what it may not do, its .po files, and the CLI."""

import re

from sqlalchemy import select

from eurobrew.admin.articles import EDITOR
from eurobrew.extensions import db
from eurobrew.models import Article, ArticleStatus, User
from support import csrf_token_in
from support.roles import PASSWORD, logged_in, make_account


def article_texts(app, article_id=1):
    with app.app_context():
        article = db.session.get(Article, article_id)
        texts = {t.lang: t.title for t in article.translations}
        return texts, article.status


def form_values(app, article_id=1):
    with app.test_request_context():
        return EDITOR.values_of(db.session.get(Article, article_id))


def test_translator_changes_english_only_even_from_a_tampered_form(demo_app, csrf_token):
    make_account(demo_app, "tina", "translator", "en")
    client = logged_in(demo_app, csrf_token, "tina")
    page = client.get("/admin/articles/1/edit").get_data(as_text=True)
    assert re.search(
        r'<input[^>]*disabled[^>]*name="sk-title"|<input[^>]*name="sk-title"[^>]*disabled', page
    )
    assert not re.search(r'<input[^>]*name="en-title"[^>]*disabled', page)
    before, status = article_texts(demo_app)
    data = form_values(demo_app)
    data.update(
        {
            "csrf_token": csrf_token_in(page),
            "save": "Save",
            "en-title": "A new English title",
            "sk-title": "Podvrhnutý slovenský titulok",
            "status": ArticleStatus.DRAFT.value
            if status != ArticleStatus.DRAFT
            else ArticleStatus.PUBLISHED.value,
        }
    )
    response = client.post("/admin/articles/1/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    after, status_after = article_texts(demo_app)
    assert after["en"] == "A new English title"
    assert after["sk"] == before["sk"]
    assert status_after == status


def test_translator_cannot_create_delete_or_publish(demo_app, csrf_token):
    make_account(demo_app, "tina", "translator", "en")
    client = logged_in(demo_app, csrf_token, "tina")
    listing = client.get("/admin/articles/").get_data(as_text=True)
    assert "/admin/articles/new" not in listing and "/delete" not in listing
    form = client.get("/admin/articles/1/edit").get_data(as_text=True)
    assert "Delete this article" not in form
    assert re.search(
        r'<select[^>]*disabled[^>]*name="status"|<select[^>]*name="status"[^>]*disabled', form
    )
    token = csrf_token_in(form)
    assert client.get("/admin/articles/new").status_code == 403
    assert client.post("/admin/articles/new", data={"csrf_token": token}).status_code == 403
    assert client.post("/admin/articles/1/delete", data={"csrf_token": token}).status_code == 403
    menu = client.get("/admin/").get_data(as_text=True)
    assert "/admin/trash/" not in menu and "/admin/contact" not in menu
    assert "/admin/messages/" not in menu and "/admin/accounts/" not in menu
    with demo_app.app_context():
        assert db.session.get(Article, 1).deleted_at is None


def test_translator_po_files_only_in_its_languages(demo_app, csrf_token):
    make_account(demo_app, "tina", "translator", "en")
    client = logged_in(demo_app, csrf_token, "tina")
    page = client.get("/admin/translations/").get_data(as_text=True)
    assert '<option value="en"' in page and '<option value="sk"' not in page
    english = client.get("/admin/translations/content.po?lang=en")
    assert english.status_code == 200
    assert client.get("/admin/translations/content.po?lang=sk").status_code == 403
    make_account(demo_app, "erik", "editor")
    slovak = logged_in(demo_app, csrf_token, "erik").get("/admin/translations/content.po?lang=sk")
    assert slovak.status_code == 200


def test_cli_creates_accounts_with_a_role_and_languages(app, runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "tina",
            "--password-stdin",
            "--role",
            "translator",
            "--languages",
            "en",
        ],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        args=["users", "create", "ted", "--password-stdin", "--role", "translator"],
        input=PASSWORD + "\n",
    )
    assert result.exit_code != 0 and "--languages" in result.output
    result = runner.invoke(
        args=["users", "create", "eva", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert result.exit_code == 0
    demoted = runner.invoke(args=["users", "set-role", "eva", "--role", "editor"])
    assert demoted.exit_code != 0 and "last admin" in demoted.output  # eva is the only one
    assert runner.invoke(args=["users", "delete", "eva"]).exit_code != 0
    runner.invoke(args=["users", "create", "ada", "--password-stdin"], input=PASSWORD + "\n")
    assert runner.invoke(args=["users", "set-role", "eva", "--role", "editor"]).exit_code == 0
    assert runner.invoke(args=["users", "delete", "ada"]).exit_code != 0  # now the last one
    with app.app_context():
        found = {u.username: (u.role, u.languages) for u in db.session.scalars(select(User))}
    assert found == {"tina": ("translator", "en"), "eva": ("editor", ""), "ada": ("admin", "")}
    assert (
        "tina\tlast login: never\trole: translator (en)"
        in runner.invoke(args=["users", "list"]).output
    )


def test_cli_keeps_the_last_admin_when_its_first_count_is_stale(app, runner, monkeypatch):
    """The command counts again after the change, as the Accounts page does."""
    import eurobrew.admin.cli as users_commands

    monkeypatch.setattr(users_commands, "is_last_admin", lambda user: False)
    runner.invoke(args=["users", "create", "eva", "--password-stdin"], input=PASSWORD + "\n")
    demoted = runner.invoke(args=["users", "set-role", "eva", "--role", "editor"])
    assert demoted.exit_code != 0 and "last admin" in demoted.output
    deleted = runner.invoke(args=["users", "delete", "eva"])
    assert deleted.exit_code != 0 and "last admin" in deleted.output
    with app.app_context():
        assert [(u.username, u.role) for u in db.session.scalars(select(User))] == [
            ("eva", "admin")
        ]
