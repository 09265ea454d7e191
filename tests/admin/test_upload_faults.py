"""A photo that cannot be written (full disk, unusable folder) is a form error in the admin's
language: no partial file in the upload folder, no half-saved article."""

from __future__ import annotations

import errno
import html
import io
import logging
from pathlib import Path

import pytest
from PIL import Image

from support import hidden_fields_in
from support.builders import article_form, image_bytes
from support.hostile import snapshot

NEW = "/admin/articles/new"
EDIT = "/admin/articles/1/edit"
SEED_EN = "japan-proposes-us-purchase-of-semiconductor-products"
MESSAGES = {
    "en": "The photo could not be stored: the server's disk is full",
    "sk": "Fotografiu sa nepodarilo uložiť: disk servera je plný",
}


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def disk_full_halfway(monkeypatch) -> None:
    """Every image write stops with ENOSPC after some bytes reached the file."""

    def save(self, fp, *args, **kwargs):
        fp.write(b"\xff\xd8\xff\xe0 half a photo")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", save)


@pytest.mark.parametrize("lang", ["en", "sk"])
@pytest.mark.parametrize("path", [NEW, EDIT])
def test_a_full_disk_is_a_form_error(admin_client, demo_app, csrf_token, monkeypatch, lang, path):
    folder = Path(demo_app.config["UPLOAD_FOLDER"])
    before, rows = files_in(folder), snapshot(demo_app)
    admin_client.set_cookie("lang", lang)
    data = article_form(
        hidden_fields_in(admin_client.get(path).text), **{"en-title": "Kept in the form"}
    )
    if path == EDIT:
        data["en-slug"] = SEED_EN
    data["photo"] = (io.BytesIO(image_bytes(size=(1000, 600))), "photo.jpg")
    disk_full_halfway(monkeypatch)
    response = admin_client.post(path, data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert MESSAGES[lang] in html.unescape(response.text)
    assert 'value="Kept in the form"' in response.text  # nothing the admin typed is lost
    assert files_in(folder) == before  # no .part file, no smaller copy
    assert snapshot(demo_app) == rows


def test_an_upload_folder_that_cannot_be_made_is_a_form_error(
    admin_client, demo_app, csrf_token, tmp_path, caplog
):
    # As root a read-only folder is still writable; a folder below a file never is.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the photo folder's parent should be")
    demo_app.config["UPLOAD_FOLDER"] = str(blocker / "uploads")
    rows = snapshot(demo_app)
    data = article_form(csrf_token(admin_client, NEW))
    data["photo"] = (io.BytesIO(image_bytes()), "photo.jpg")
    with caplog.at_level(logging.ERROR):
        response = admin_client.post(NEW, data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert MESSAGES["en"] in html.unescape(response.text)
    assert snapshot(demo_app) == rows
    assert any("could not be stored" in record.getMessage() for record in caplog.records)
