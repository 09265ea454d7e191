"""``flask users ...``: accounts are made only by these commands, with long passwords."""

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import AdminSession, User
from eurobrew.models.base import utcnow
from support.auth import login

PASSWORD = "a long enough passphrase"


def users(app) -> dict[str, User]:
    with app.app_context():
        return {u.username: u for u in db.session.scalars(select(User))}


def test_no_account_exists_until_one_is_created(app, runner):
    assert users(app) == {}
    result = runner.invoke(args=["users", "list"])
    assert result.exit_code == 0
    assert "No admin accounts yet" in result.output


def test_create_asks_twice(app, runner):
    result = runner.invoke(args=["users", "create", "Eva"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Created the admin account 'eva'" in result.output
    stored = users(app)["eva"]
    assert stored.password_hash.startswith("scrypt:") and PASSWORD not in stored.password_hash
    with app.app_context():
        assert db.session.get(User, stored.id).check_password(PASSWORD)


def test_create_with_mismatched_repetition_fails(app, runner):
    result = runner.invoke(
        args=["users", "create", "eva"], input=f"{PASSWORD}\nsomething else entirely\n"
    )
    assert result.exit_code != 0
    assert users(app) == {}


def test_create_reads_one_line_from_stdin(app, runner):
    result = runner.invoke(
        args=["users", "create", "eva", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalars(select(User)).one().check_password(PASSWORD)


def test_short_and_overlong_passwords_are_refused(app, runner):
    short = runner.invoke(
        args=["users", "create", "eva", "--password-stdin"], input="elevenchars\n"
    )
    assert short.exit_code == 1
    assert "at least 12 characters" in short.output
    longest = "x" * 1024
    ok = runner.invoke(args=["users", "create", "eva", "--password-stdin"], input=longest + "\n")
    assert ok.exit_code == 0
    too_long = runner.invoke(
        args=["users", "create", "ivan", "--password-stdin"], input="x" * 1025 + "\n"
    )
    assert too_long.exit_code == 1
    assert set(users(app)) == {"eva"}


def test_no_composition_rules(app, runner):
    result = runner.invoke(
        args=["users", "create", "eva", "--password-stdin"], input="aaaaaaaaaaaa\n"
    )
    assert result.exit_code == 0


def test_duplicate_and_bad_names_fail_clearly(app, runner):
    runner.invoke(args=["users", "create", "eva", "--password-stdin"], input=PASSWORD + "\n")
    duplicate = runner.invoke(
        args=["users", "create", "EVA", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert duplicate.exit_code == 1
    assert "exists already" in duplicate.output
    bad = runner.invoke(
        args=["users", "create", "eva smith", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert bad.exit_code == 1
    assert "A username has" in bad.output


def test_list_set_password_and_delete(app, runner):
    runner.invoke(args=["users", "create", "eva", "--password-stdin"], input=PASSWORD + "\n")
    listed = runner.invoke(args=["users", "list"])
    assert "eva\tlast login: never" in listed.output
    with app.app_context():
        eva = db.session.scalars(select(User)).one()
        row = AdminSession.open(eva, "", "127.0.0.1", utcnow())
        db.session.commit()
        session_id = row.id
    changed = runner.invoke(
        args=["users", "set-password", "eva", "--password-stdin"],
        input="another long passphrase\n",
    )
    assert changed.exit_code == 0, changed.output
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert user.check_password("another long passphrase")
        # open sessions end with the old password
        assert db.session.get(AdminSession, session_id).ended_at is not None
    refused = runner.invoke(args=["users", "delete", "eva"])
    assert refused.exit_code != 0 and "last admin" in refused.output
    runner.invoke(args=["users", "create", "ada", "--password-stdin"], input="a long passphrase\n")
    deleted = runner.invoke(args=["users", "delete", "eva"])
    assert deleted.exit_code == 0
    assert set(users(app)) == {"ada"}
    with app.app_context():
        assert db.session.scalars(select(AdminSession)).all() == []  # gone with the account


def test_set_password_ends_every_session_of_the_account(
    demo_app, admin_client, admin_user, csrf_token, runner
):
    phone = demo_app.test_client()
    assert login(phone, csrf_token, admin_user.username, admin_user.password).status_code == 302
    assert admin_client.get("/admin/").status_code == phone.get("/admin/").status_code == 200
    changed = runner.invoke(
        args=["users", "set-password", "eva", "--password-stdin"],
        input="another long passphrase\n",
    )
    assert changed.exit_code == 0, changed.output
    assert "its sessions have ended" in changed.output
    for client in (admin_client, phone):
        response = client.get("/admin/contact")
        assert response.status_code == 302
        assert response.headers["Location"] == "/admin/login?next=/admin/contact"
    assert login(phone, csrf_token, "eva", admin_user.password).status_code == 401
    assert login(phone, csrf_token, "eva", "another long passphrase").status_code == 302


def test_unknown_user_fails_clearly(app, runner):
    for args in (["users", "delete", "ghost"], ["users", "set-password", "ghost"]):
        result = runner.invoke(args=args, input=PASSWORD + "\n" + PASSWORD + "\n")
        assert result.exit_code == 1
        assert "There is no user called 'ghost'." in result.output


def test_set_password_refuses_a_short_one(app, runner):
    runner.invoke(args=["users", "create", "eva", "--password-stdin"], input=PASSWORD + "\n")
    result = runner.invoke(
        args=["users", "set-password", "eva", "--password-stdin"], input="short\n"
    )
    assert result.exit_code == 1
    with app.app_context():
        assert db.session.scalars(select(User)).one().check_password(PASSWORD)
