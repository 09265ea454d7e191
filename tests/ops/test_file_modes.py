"""Private state stays private: the database, its WAL files, the key, uploads and backups."""

from __future__ import annotations

import io
import os
import stat

from PIL import Image

from eurobrew import create_app
from eurobrew.extensions import db
from eurobrew.media.pixels import open_upload
from eurobrew.media.storage import store_picture
from eurobrew.models import User


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_sqlite_database_and_its_wal_files_are_0600(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    monkeypatch.setenv("INSTANCE_PATH", str(instance))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": None})
    database = instance / "eurobrew.sqlite3"
    with app.app_context():
        db.create_all()
        db.session.add(User(username="eva", password_hash="x"))
        db.session.commit()
        # WAL mode: the write went through database.sqlite3-wal and -shm, still open here.
        files = [database, instance / "eurobrew.sqlite3-wal", instance / "eurobrew.sqlite3-shm"]
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        db.engine.dispose()
    assert mode(instance) == 0o711  # passable to reach the uploads, not listable
    assert mode(instance / "secret_key") == 0o600


def test_an_old_world_readable_database_is_tightened(tmp_path, monkeypatch):
    database = tmp_path / "old.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    assert mode(database) == 0o600


def test_uploads_are_shared_with_the_folders_group_only(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (200, 120, 40)).save(buffer, "PNG")
    buffer.seek(0)
    folder = tmp_path / "uploads"
    stored = store_picture(open_upload(buffer), folder)
    assert mode(folder) == 0o2750  # new files take the folder's group (nginx's)
    files = list(folder.iterdir())
    # Stored, then 480, 800 and 900 wide in three formats each, and the share crop.
    assert stored.name in {f.name for f in files} and len(files) == 11
    assert {mode(f) for f in files} == {0o640}


def test_a_backup_folder_is_private(demo_app, tmp_path):
    result = demo_app.test_cli_runner().invoke(args=["backup", str(tmp_path / "backup")])
    assert result.exit_code == 0, result.output
    assert mode(tmp_path / "backup") == 0o700
