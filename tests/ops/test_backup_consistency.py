"""A backup taken while photos are being replaced holds every photo its database copy names."""

from __future__ import annotations

import io
import sqlite3
import tarfile
import threading

from eurobrew import create_app
from eurobrew.demo import load_demo
from eurobrew.extensions import db
from eurobrew.media import upload_folder
from eurobrew.models import User
from http_client import FormValues
from support import reset_database
from support.auth import login
from support.builders import image_bytes

EDIT = "/admin/articles/1/edit"
BACKUPS = 6


def named_in(database) -> set[str]:
    """Every picture file a backup's database copy names: each library image's stored
    picture and its share crop (its last rendition written), and older revisions' photos."""
    with sqlite3.connect(database) as copy:
        stems = [stem for (stem,) in copy.execute("SELECT stem FROM images")]
        old = copy.execute("SELECT photo FROM revisions WHERE photo IS NOT NULL").fetchall()
    return {f"{s}.jpg" for s in stems} | {f"{s}-share.jpg" for s in stems} | {n for (n,) in old}


def archived(folder) -> set[str]:
    with tarfile.open(folder / "uploads.tar") as archive:
        return {member.name.rpartition("/")[2] for member in archive.getmembers()}


def test_backups_during_photo_replacements_hold_every_named_photo(
    tmp_path, monkeypatch, csrf_token
):
    # SQLite on purpose, whichever database the suite runs on: its copy is read back here.
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/site.sqlite3",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "SITE_URL": "http://www.eurobrew.test",
            "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        }
    )
    with app.app_context():
        reset_database()
        db.create_all()
        load_demo(upload_folder())
        user = User(username="eva")
        user.set_password("a long enough password")
        db.session.add(user)
        db.session.commit()
    client = app.test_client()
    assert login(client, csrf_token, "eva", "a long enough password").status_code == 302
    stop, replaced = threading.Event(), []

    def replace_photos() -> None:
        while not stop.is_set():
            values = FormValues(client.get(EDIT).text).values
            values.update(save="Save", photo=(io.BytesIO(image_bytes()), "new.jpg"))
            values.update({"sk-photo_alt": "Nová fotografia", "en-photo_alt": "A new photo"})
            response = client.post(EDIT, data=values, content_type="multipart/form-data")
            replaced.append(response.status_code)

    editor = threading.Thread(target=replace_photos)
    editor.start()
    taken = 0
    try:
        runner = app.test_cli_runner()
        # Backups keep coming until the photo has been replaced many times meanwhile.
        while taken < BACKUPS or replaced.count(302) < 2 * BACKUPS:
            result = runner.invoke(args=["backup", str(tmp_path / f"backup-{taken}")])
            assert result.exit_code == 0, result.output
            taken += 1
    finally:
        stop.set()
        editor.join()
    for number in range(taken):
        folder = tmp_path / f"backup-{number}"
        named, kept = named_in(folder / "database.sqlite3"), archived(folder)
        assert named and named <= kept, (number, named - kept)
