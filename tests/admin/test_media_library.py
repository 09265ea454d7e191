"""The image library: upload once, describe in every language, place anywhere."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image as PILImage
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.markup import plain_text
from eurobrew.models import Image, Page
from support import hidden_fields_in
from support.builders import image_bytes

NEW = "/admin/media/new"


def image_form(token: dict, **fields) -> dict:
    """A complete image form, as a browser would post it."""
    data = {
        **token,
        "sk-alt": "Nerezová varňa v Trnave",
        "sk-caption": "Varňa po montáži",
        "en-alt": "A stainless brewhouse in Trnava",
        "en-caption": "The brewhouse after assembly",
        "credit": "Jana Nováková",
        "focal_x": "50",
        "focal_y": "40",
    }
    data.update(fields)
    return data


def upload(client, content: bytes | None = None, name: str = "brewhouse.jpg", **fields):
    """Post the new-image form with a picture; returns the response."""
    data = image_form(hidden_fields_in(client.get(NEW).text), **fields)
    if content is not False:
        data["file"] = (io.BytesIO(content or image_bytes("JPEG", (2000, 1200))), name)
    return client.post(NEW, data=data, content_type="multipart/form-data")


def only_image(app) -> Image:
    with app.app_context():
        image = db.session.scalars(select(Image).order_by(Image.id.desc())).first()
        _ = image.texts
        return image


def files_of(app, stem: str) -> set[str]:
    return {p.name for p in Path(app.config["UPLOAD_FOLDER"]).glob(f"{stem}*")}


def place_on_about_page(app, body: str) -> None:
    with app.app_context():
        page = db.session.scalars(select(Page).where(Page.key == "about")).one()
        for text in page.translations:
            text.body = body
        db.session.commit()


def test_an_upload_is_stored_once_in_every_width_and_format(admin_client, demo_app):
    response = upload(admin_client)
    assert response.status_code == 302, response.text
    image = only_image(demo_app)
    assert (image.width, image.height) == (1600, 960)  # never wider than the largest width
    expected = {f"{image.stem}.jpg", f"{image.stem}-share.jpg"}
    for width in (480, 800, 1200, 1600):
        expected |= {f"{image.stem}-{width}.{ext}" for ext in ("avif", "webp", "jpg")}
    assert files_of(demo_app, image.stem) == expected
    folder = Path(demo_app.config["UPLOAD_FOLDER"])
    for name in expected:
        with PILImage.open(folder / name) as stored:
            assert not stored.getexif() and "icc_profile" not in stored.info, name
            assert not stored.info.get("xmp") and not stored.info.get("comment"), name
    with PILImage.open(folder / f"{image.stem}-share.jpg") as share:
        assert share.size == (1200, 630)
    texts = {t.lang: (t.alt, t.caption) for t in image.texts}
    assert texts["en"] == ("A stainless brewhouse in Trnava", "The brewhouse after assembly")


def test_a_small_picture_is_never_enlarged(admin_client, demo_app):
    assert upload(admin_client, image_bytes("PNG", (600, 400))).status_code == 302
    image = only_image(demo_app)
    names = files_of(demo_app, image.stem)
    assert f"{image.stem}-480.webp" in names and f"{image.stem}-600.avif" in names
    assert not any(n.startswith(f"{image.stem}-800") for n in names)


def test_alt_text_is_required_in_every_language_unless_decorative(admin_client, demo_app):
    response = upload(admin_client, **{"en-alt": ""})
    assert response.status_code == 400
    page = BeautifulSoup(response.text, "html.parser")
    assert "Say what the picture shows" in page.select_one("#en-alt-error-1").text
    # What was typed stays, and so does the picture: it need not be chosen again.
    assert page.select_one("#sk-alt")["value"] == "Nerezová varňa v Trnave"
    pending = page.select_one("input[name=pending_file]")["value"]
    assert pending.endswith(".jpg")
    token = hidden_fields_in(response.text)
    again = admin_client.post(NEW, data=image_form(token, decorative="y", **{"en-alt": ""}))
    assert again.status_code == 302
    assert only_image(demo_app).decorative and only_image(demo_app).stem == pending[:-4]


def test_a_file_that_is_not_a_picture_is_refused(admin_client, demo_app):
    before = only_image(demo_app).id  # the demo article's photo
    response = upload(admin_client, b"%PDF-1.4 not a picture", "brewhouse.jpg")
    assert response.status_code == 400
    assert "JPEG, PNG" in BeautifulSoup(response.text, "html.parser").select_one(".error").text
    assert only_image(demo_app).id == before


def test_an_image_in_a_page_shows_with_the_alt_text_of_each_language(
    admin_client, client, demo_app
):
    upload(admin_client)
    image = only_image(demo_app)
    place_on_about_page(demo_app, f"Úvod.\n\n![](media:{image.id})\n\nĎalej.")
    for path, alt, caption in (
        ("/sk/o-nas", "Nerezová varňa v Trnave", "Varňa po montáži"),
        ("/en/about-us", "A stainless brewhouse in Trnava", "The brewhouse after assembly"),
    ):
        page = BeautifulSoup(client.get(path).text, "html.parser")
        figure = page.select_one(".body figure")
        img = figure.select_one("picture img")
        assert img["alt"] == alt and caption in figure.figcaption.text
        assert "Jana Nováková" in figure.figcaption.text
        assert (img["width"], img["height"]) == ("1600", "960")
        assert img["fetchpriority"] == "high" and "loading" not in img.attrs  # the top image
        types = [s["type"] for s in figure.select("picture source")]
        assert types == ["image/avif", "image/webp"]
        widths = re.findall(r" (\d+)w", figure.select_one("source")["srcset"])
        assert widths == ["480", "800", "1200", "1600"]
        assert all(client.get(u.split()[0]).status_code == 200 for u in img["srcset"].split(", "))


def test_images_after_the_first_wait_until_they_near_the_screen(admin_client, client, demo_app):
    upload(admin_client)
    image = only_image(demo_app)
    place_on_about_page(demo_app, f"![](media:{image.id})\n\nText.\n\n![](media:{image.id})")
    imgs = BeautifulSoup(client.get("/en/about-us").text, "html.parser").select(".body img")
    assert [i.get("loading") for i in imgs] == [None, "lazy"]


def test_a_decorative_image_has_an_empty_alt(admin_client, client, demo_app):
    upload(admin_client, decorative="y", **{"sk-alt": "", "en-alt": ""})
    place_on_about_page(demo_app, f"![](media:{only_image(demo_app).id})")
    img = BeautifulSoup(client.get("/sk/o-nas").text, "html.parser").select_one(".body img")
    assert img["alt"] == ""


def test_a_body_naming_a_missing_image_is_refused_with_the_text_kept(admin_client, demo_app):
    with demo_app.app_context():
        page_id = db.session.scalars(select(Page.id).where(Page.key == "about")).one()
    edit = f"/admin/pages/{page_id}/edit"
    data = hidden_fields_in(admin_client.get(edit).text)
    data.update({"sk-title": "O nás", "sk-slug": "o-nas", "sk-body": "Text ![](media:999)"})
    data.update({"en-title": "About us", "en-slug": "about-us", "en-body": "Text"})
    data.update({"menu_order": "50", "visible": "y", "save": "1"})
    response = admin_client.post(edit, data=data)
    assert response.status_code == 400
    page = BeautifulSoup(response.text, "html.parser")
    assert "999" in page.select_one("#sk-body-error-1").text
    assert "![](media:999)" in page.select_one("#sk-body").text


def test_an_image_in_use_stays_and_says_where(admin_client, client, demo_app):
    upload(admin_client)
    image = only_image(demo_app)
    place_on_about_page(demo_app, f"![](media:{image.id})")
    delete = f"/admin/media/{image.id}/delete"
    asked = admin_client.get(delete)
    assert "O nás" in asked.text and "About us" in asked.text
    token = hidden_fields_in(asked.text)
    refused = admin_client.post(delete, data={**token, "version": str(image.version)})
    assert refused.status_code == 409
    assert only_image(demo_app).deleted_at is None
    place_on_about_page(demo_app, "No picture now.")
    token = hidden_fields_in(admin_client.get(delete).text)
    assert admin_client.post(delete, data=token).status_code == 302
    assert only_image(demo_app).in_trash
    trash = admin_client.get("/admin/trash/").text
    assert "Nerezová varňa v Trnave" in trash or "A stainless brewhouse" in trash


def test_the_library_is_searched_without_diacritics(admin_client, demo_app):
    upload(admin_client)
    bottling = {"sk-alt": "Fľaškovacia linka", "en-alt": "A bottling line", "sk-caption": ""}
    upload(admin_client, **bottling)
    found = BeautifulSoup(admin_client.get("/admin/media/?q=varna").text, "html.parser")
    titles = [t.text for t in found.select(".media-grid .media-title")]
    assert titles == ["A stainless brewhouse in Trnava"]  # in the admin's language
    found = BeautifulSoup(admin_client.get("/admin/media/?q=flaskovacia").text, "html.parser")
    assert [t.text for t in found.select(".media-grid .media-title")] == ["A bottling line"]
    found = BeautifulSoup(admin_client.get("/admin/media/?q=JANA+novakova").text, "html.parser")
    assert len(found.select(".media-grid li")) == 2


def test_editing_alt_texts_changes_every_page_that_shows_the_image(admin_client, client, demo_app):
    upload(admin_client)
    image = only_image(demo_app)
    place_on_about_page(demo_app, f"![](media:{image.id})")
    assert "A stainless brewhouse" in client.get("/en/about-us").text
    edit = f"/admin/media/{image.id}/edit"
    data = image_form(hidden_fields_in(admin_client.get(edit).text), **{"en-alt": "The new hall"})
    assert admin_client.post(edit, data=data).status_code == 302
    img = BeautifulSoup(client.get("/en/about-us").text, "html.parser").select_one(".body img")
    assert img["alt"] == "The new hall"


def test_a_stale_image_form_is_a_conflict_that_keeps_the_text(admin_client, demo_app):
    upload(admin_client)
    image = only_image(demo_app)
    edit = f"/admin/media/{image.id}/edit"
    old = hidden_fields_in(admin_client.get(edit).text)
    first = image_form(hidden_fields_in(admin_client.get(edit).text), **{"en-alt": "First"})
    assert admin_client.post(edit, data=first).status_code == 302
    second = admin_client.post(edit, data=image_form(old, **{"en-alt": "Second"}))
    assert second.status_code == 409
    page = BeautifulSoup(second.text, "html.parser")
    assert page.select_one("#en-alt")["value"] == "Second"
    assert "First" in page.select_one(".conflict").text
    with demo_app.app_context():
        assert db.session.get(Image, image.id).text("en").alt == "First"


def test_excerpts_and_the_search_index_leave_image_codes_out():
    assert plain_text('A ![Varňa](media:12) B ![x](media:3 "t")') == "A B"


def test_an_alt_text_changed_in_slovak_leaves_its_english_outdated(admin_client, demo_app):
    """The Translations page counts it and links it, as the export marks it fuzzy."""
    assert upload(admin_client).status_code == 302
    image = only_image(demo_app)
    edit = f"/admin/media/{image.id}/edit"

    def english_image_counts():
        html = admin_client.get("/admin/translations/").text
        rows = re.findall(r'<th scope="row">English</th>\s*<td>([^<]*)</td>(.*?)</tr>', html, re.S)
        cells = [re.findall(r"<td>(\d+)</td>", rest) for label, rest in rows if "mage" in label]
        return cells[0], html

    before, _ = english_image_counts()
    data = image_form(hidden_fields_in(admin_client.get(edit).text), **{"sk-alt": "Nová varňa"})
    assert admin_client.post(edit, data=data).status_code == 302
    after, html = english_image_counts()
    assert [int(n) for n in after] == [int(before[0]), 1, int(before[2]) - 1]
    assert f'href="{edit}"' in html and "(outdated in English)" in html
