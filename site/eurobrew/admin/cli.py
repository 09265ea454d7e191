"""``flask users ...``: create, list, re-password and delete admin accounts.

There is no default account: the first admin is made with ``flask users create NAME``.
"""

from __future__ import annotations

import re
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import delete, select

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Passkey, RecoveryCode, User
from ..models.base import utcnow
from ..models.sessions import end_sessions
from ..models.users import DEFAULT_ROLE, MAX_USERNAME_LENGTH, ROLES, password_problem
from .accounts import commit_keeping_an_admin, is_last_admin, lock_admins
from .audit import record_event_now

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]*$")


def normalized_username(name: str) -> str:
    """Usernames are lower-case ASCII, so "Eva" and "eva" are one account."""
    name = name.strip().lower()
    if not name or len(name) > MAX_USERNAME_LENGTH or not USERNAME.match(name):
        raise click.ClickException(
            f"A username has 1 to {MAX_USERNAME_LENGTH} characters: letters a-z, digits "
            "and . _ @ - (starting with a letter or digit)."
        )
    return name


def find_user(name: str) -> User:
    """The account called ``name``, or a clear failure."""
    user = db.session.scalars(select(User).where(User.username == name.strip().lower())).first()
    if user is None:
        raise click.ClickException(f"There is no user called {name!r}.")
    return user


def read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice at a hidden prompt."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    problem = password_problem(password)
    if problem:
        raise click.ClickException(problem)
    return password


STDIN_OPTION = click.option(
    "--password-stdin", is_flag=True, help="Read the password from one line of standard input."
)


ROLE_OPTION = click.option(
    "--role", type=click.Choice(ROLES), help="admin, editor or translator (see the README)."
)
LANGUAGES_OPTION = click.option(
    "--languages", help="A translator's languages, separated by commas, e.g. en or en,sk."
)


def role_and_languages(role: str, languages: str | None) -> tuple[str, str]:
    """The role and the stored languages; a translator needs languages of the site."""
    codes = [code.strip() for code in (languages or "").split(",") if code.strip()]
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise click.ClickException(f"Unknown languages: {', '.join(unknown)}.")
    if role == "translator" and not codes:
        raise click.ClickException("A translator needs --languages, e.g. --languages en.")
    return role, ",".join(codes) if role == "translator" else ""


users_cli = AppGroup("users", help="Admin accounts (there is no default account).")


@users_cli.command("create")
@click.argument("name")
@STDIN_OPTION
@ROLE_OPTION
@LANGUAGES_OPTION
def create_user(name: str, password_stdin: bool, role: str | None, languages: str | None) -> None:
    """Create the account NAME (an admin unless --role says otherwise); asks for its password
    twice."""
    name = normalized_username(name)
    if db.session.scalar(select(User.id).where(User.username == name)) is not None:
        raise click.ClickException(f"A user called {name!r} exists already.")
    role, codes = role_and_languages(role or DEFAULT_ROLE, languages)
    user = User(username=name, role=role, languages=codes)
    user.set_password(read_password(password_stdin))
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created the admin account {name!r}. Log in at /admin/login.")


@users_cli.command("list")
def list_users() -> None:
    """List the admin accounts with their last login."""
    users = db.session.scalars(select(User).order_by(User.username)).all()
    if not users:
        click.echo("No admin accounts yet. Create one with: flask --app wsgi users create NAME")
    for user in users:
        last = user.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if user.last_login_at else "never"
        role = f"{user.role} ({user.languages})" if user.languages else user.role
        click.echo(f"{user.username}\tlast login: {last}\trole: {role}")


@users_cli.command("set-password")
@click.argument("name")
@STDIN_OPTION
def set_password(name: str, password_stdin: bool) -> None:
    """Give NAME a new password; this also ends its open sessions."""
    user = find_user(name)
    user.set_password(read_password(password_stdin))
    db.session.commit()
    click.echo(f"The password of {user.username!r} was changed; its sessions have ended.")


@users_cli.command("set-role")
@click.argument("name")
@ROLE_OPTION
@LANGUAGES_OPTION
def set_role(name: str, role: str | None, languages: str | None) -> None:
    """Give NAME another role (and a translator its languages)."""
    user = find_user(name)
    last_admin = "The last admin must stay an admin; make another one first."
    if (role or user.role) != "admin" and is_last_admin(user):
        raise click.ClickException(last_admin)
    lock_admins()
    user.role, user.languages = role_and_languages(role or user.role, languages)
    if not commit_keeping_an_admin():
        raise click.ClickException(last_admin)
    click.echo(f"{user.username!r} is now: {user.role} {user.languages}".rstrip())


@users_cli.command("delete")
@click.argument("name")
def delete_user(name: str) -> None:
    """Delete the admin account NAME (never the last admin)."""
    user = find_user(name)
    last_admin = "The last admin cannot be deleted; make another one first."
    if is_last_admin(user):
        raise click.ClickException(last_admin)
    lock_admins()
    db.session.delete(user)
    if not commit_keeping_an_admin():
        raise click.ClickException(last_admin)
    click.echo(f"Deleted the admin account {user.username!r}.")


@users_cli.command("reset-2fa")
@click.argument("name")
def reset_second_factors(name: str) -> None:
    """Remove NAME's authenticator app, passkeys and recovery codes (a lost phone).

    The account logs in with its password alone until it adds a new factor (at once when
    REQUIRE_2FA is on). Its open sessions end.
    """
    user = find_user(name)
    user.totp_secret = None
    user.totp_last_step = None
    db.session.execute(delete(Passkey).where(Passkey.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    end_sessions(user.id, utcnow())
    db.session.commit()
    record_event_now("second factors reset", user.username, detail="flask users reset-2fa")
    click.echo(f"The second factors of {user.username!r} were removed; its sessions have ended.")
