"""History: every save, restore and delete is a revision; diffs mark the words; restore and the
trash bring things back whole, photos included."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import pytest

from eurobrew.extensions import db
from eurobrew.models import Article, CompanyContact
from eurobrew.models.revisions import revisions_of
from http_client import FormValues
from support.builders import image_bytes

EDIT = "/admin/articles/1/edit"
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"


def save(client, path: str, files: dict | None = None, **changes):
    values = {**FormValues(client.get(path).text).values, **changes, "save": "Save"}
    if files:
        values.update(files)
        return client.post(path, data=values, content_type="multipart/form-data")
    return client.post(path, data=values)


def actions(app, kind: str = "article", item_id: int = 1) -> list[tuple[int, str, str]]:
    with app.app_context():
        return [(r.number, r.action, r.created_by) for r in reversed(revisions_of(kind, item_id))]


def article(app) -> Article:
    with app.app_context():
        found = db.session.get(Article, 1)
        _ = found.translations, found.image
        return found


def test_every_save_is_a_revision_with_its_words_marked(admin_client, demo_app):
    assert save(admin_client, EDIT, **{"en-title": "Japan buys American chips"}).status_code == 302
    assert save(admin_client, EDIT, **{"en-note": "1 EUR = 170 JPY"}).status_code == 302
    assert actions(demo_app) == [(1, "existing", ""), (2, "saved", "eva"), (3, "saved", "eva")]
    listing = admin_client.get("/admin/history/article/1").text
    assert "As it was before its history began" in listing and listing.count("eva") >= 2
    second = admin_client.get("/admin/history/article/1/2").text
    assert "Title (English)" in second
    assert "<del>proposes US purchase of semiconductor products</del>" in second
    assert "<ins>buys American chips</ins>" in second
    third = unescape(admin_client.get("/admin/history/article/1/3").text)
    assert "Note (English)" in third and "Title (English)" not in third
    assert "<del>163.72 JPY; 1 EUR = 1.1356 USD</del><ins>170 JPY</ins>" in third


def test_restoring_an_old_revision_adds_one_and_brings_its_text_and_photo_back(
    admin_client, demo_app
):
    first_photo = article(demo_app).image.stem
    photo = {"photo": (io.BytesIO(image_bytes()), "new.jpg")}
    alts = {"sk-photo_alt": "Nová", "en-photo_alt": "New"}
    assert (
        save(admin_client, EDIT, files=photo, **alts, **{"en-title": "New title"}).status_code
        == 302
    )
    replaced = article(demo_app)
    assert replaced.image.stem != first_photo and replaced.translation("en").title == "New title"
    revision = admin_client.get("/admin/history/article/1/1").text
    form = FormValues(revision.split('action="/admin/history/article/1/1/restore"', 1)[1]).values
    response = admin_client.post("/admin/history/article/1/1/restore", data=form)
    assert response.status_code == 302
    restored = article(demo_app)
    assert restored.image.stem == first_photo  # the old photo stayed in the library
    assert (
        restored.translation("en").title == "Japan proposes US purchase of semiconductor products"
    )
    assert (Path(demo_app.config["UPLOAD_FOLDER"]) / f"{first_photo}.jpg").is_file()
    assert f"/media/{first_photo}-480.avif" in admin_client.get(SEED_EN).text
    assert [a for _, a, _ in actions(demo_app)] == ["existing", "saved", "restored"]
    # History is never rewritten: the replaced version is still there to go back to.
    assert "New title" in unescape(admin_client.get("/admin/history/article/1/2").text)


def test_a_stale_restore_restores_nothing(admin_client, demo_app):
    revision = admin_client.get("/admin/history/article/1/1").text  # no history yet: 404
    assert "Restore this revision" not in revision
    save(admin_client, EDIT, **{"en-title": "Two"})
    page = admin_client.get("/admin/history/article/1/1").text
    form = FormValues(page.split('action="/admin/history/article/1/1/restore"', 1)[1]).values
    save(admin_client, EDIT, **{"en-title": "Three"})  # someone saves meanwhile
    response = admin_client.post("/admin/history/article/1/1/restore", data=form)
    assert response.status_code == 303
    assert article(demo_app).translation("en").title == "Three"


def test_delete_and_restore_from_the_trash_round_trip(admin_client, demo_app):
    photo = article(demo_app).image.stem
    delete = FormValues(admin_client.get("/admin/articles/1/delete").text).values
    assert admin_client.post("/admin/articles/1/delete", data=delete).status_code == 302
    assert admin_client.get(SEED_EN).status_code == 404
    trash = admin_client.get("/admin/trash/").text
    restore = re.search(r'action="(/admin/trash/article/1/restore)"', trash)[1]
    form = FormValues(trash.split(restore, 1)[1]).values
    assert admin_client.post(restore, data=form).status_code == 302
    back = admin_client.get(SEED_EN)
    assert back.status_code == 200 and f"/media/{photo}-480.jpg" in back.text
    assert [a for _, a, _ in actions(demo_app)] == ["existing", "deleted", "undeleted"]
    deleted = unescape(admin_client.get("/admin/history/article/1/2").text)
    assert "Moved to the trash" in deleted
    assert "Nothing is in the trash." in admin_client.get("/admin/trash/").text


def test_the_contact_data_has_a_history_too(admin_client, demo_app):
    assert save(admin_client, "/admin/contact", fax="+421 33 000 000").status_code == 302
    with demo_app.app_context():
        record_id = db.session.scalars(db.select(CompanyContact.id)).one()
    page = admin_client.get(f"/admin/history/contact/{record_id}/2").text
    assert "Fax" in page and "<ins>000 000</ins>" in page


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/admin/history/article/1", "Articles"),
        ("/admin/history/article/1/1", "Articles"),
        ("/admin/history/contact/{contact}", "Contact data"),
        ("/admin/trash/", "Trash"),
    ],
)
def test_history_and_trash_pages_mark_their_menu_item(admin_client, demo_app, path, section):
    assert (
        save(admin_client, "/admin/articles/1/edit", **{"en-title": "New title"}).status_code == 302
    )
    assert save(admin_client, "/admin/contact", city="Senec").status_code == 302
    with demo_app.app_context():
        contact = db.session.scalars(db.select(CompanyContact.id)).one()
    html = admin_client.get(path.format(contact=contact)).text
    current = re.findall(r'aria-current="page">([^<]+)<', html)
    assert current == [section], current
