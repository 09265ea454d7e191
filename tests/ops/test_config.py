"""Settings: a generated secret key that survives restarts; DATABASE_URL forms."""

import stat

import pytest

from eurobrew import create_app
from eurobrew.config import database_url


def test_secret_key_is_generated_once_private_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "inst"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"SECRET_KEY": None})
    key_file = tmp_path / "inst" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first.config["SECRET_KEY"]) >= 64
    second = create_app({"SECRET_KEY": None})
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]


def test_sqlite_in_the_instance_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url(tmp_path) == f"sqlite:///{tmp_path / 'eurobrew.sqlite3'}"


@pytest.mark.parametrize(
    "given",
    ["postgres://u@h/db", "postgresql://u@h/db", "postgresql+psycopg://u@h/db"],
)
def test_database_url_uses_psycopg_3(tmp_path, monkeypatch, given):
    monkeypatch.setenv("DATABASE_URL", given)
    assert database_url(tmp_path) == "postgresql+psycopg://u@h/db"
