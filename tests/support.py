"""Helpers the test modules share (kept out of conftest.py, which pytest imports per folder)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from eurobrew.catalog_checks import in_ci
from eurobrew.extensions import db


def tool_missing(name: str) -> None:
    """A test needs a tool that is not installed: fail in CI, skip elsewhere, naming it."""
    message = f"{name} is not installed"
    if in_ci():
        pytest.fail(message + " (CI runs every check)")
    pytest.skip(message)


def reset_database() -> None:
    """Drop every table, Alembic's bookkeeping included (a shared PostgreSQL keeps them)."""
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def csrf_token_in(html: str) -> str:
    """The CSRF token of the first form in ``html``."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "the page has no CSRF token"
    return match.group(1)
