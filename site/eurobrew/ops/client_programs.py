"""The PostgreSQL client programs behind ``flask backup`` and ``flask restore`` (pg_dump,
pg_restore): found, told where the database is, run; and the error either command ends with."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import click
from flask import current_app
from sqlalchemy.engine import make_url


class BackupError(click.ClickException):
    """A backup or restore that cannot go on; the message says why."""


def postgres_tool(name: str) -> str:
    """The newest installed PostgreSQL client program ``name`` (pg_dump, pg_restore)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    path = found[-1] if found else shutil.which(name)
    if not path:
        raise BackupError(f"{name} is not installed (Debian package postgresql-client)")
    return path


def libpq_target() -> tuple[str, dict[str, str]]:
    """The database as a libpq URL without its password, and an environment carrying it."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password  # kept out of the process list
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def run(args: list[str], env: dict[str, str]) -> None:
    """Run a client program; its error output becomes the command's message."""
    result = subprocess.run(args, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()[:2000]}")
