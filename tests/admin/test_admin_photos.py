"""Article photos: only real JPEG, PNG or WebP images, re-encoded, resized, and cleaned up."""

import io
import random
from pathlib import Path

import pytest
from PIL import Image

from eurobrew.extensions import db
from eurobrew.media.renditions import FORMATS
from eurobrew.models import Article
from support import hidden_fields_in
from support.builders import article_form, image_bytes

EDIT = "/admin/articles/1/edit"


def uploads(app) -> set[str]:
    return {p.name for p in Path(app.config["UPLOAD_FOLDER"]).iterdir()}


def photo_of(app) -> Article:
    with app.app_context():
        article = db.session.get(Article, 1)
        _ = article.translations, article.image
        return article


def photo_stem(app) -> str | None:
    """The stem of article 1's photo files (a library image), or None."""
    image = photo_of(app).image
    return image.stem if image else None


def post_photo(client, csrf_token, content: bytes, filename: str, **fields):
    token = hidden_fields_in(client.get(EDIT).text)
    data = article_form(token, **fields)
    data["sk-slug"] = "japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
    data["en-slug"] = "japan-proposes-us-purchase-of-semiconductor-products"
    data["sk-photo_alt"] = fields.get("sk-photo_alt", "Nová fotografia")
    data["en-photo_alt"] = fields.get("en-photo_alt", "A new photo")
    data["photo"] = (io.BytesIO(content), filename)
    return client.post(EDIT, data=data, content_type="multipart/form-data")


@pytest.mark.parametrize(
    ("fmt", "mode", "name"),
    [("JPEG", "RGB", "a.jpg"), ("PNG", "RGBA", "b.png"), ("WEBP", "RGB", "c.webp")],
)
def test_a_photo_is_re_encoded_in_the_widths_pages_use(
    admin_client, demo_app, csrf_token, fmt, mode, name
):
    before = uploads(demo_app)
    old_stem = photo_stem(demo_app)
    response = post_photo(admin_client, csrf_token, image_bytes(fmt, (2000, 1000), mode), name)
    assert response.status_code == 302, response.text
    image = photo_of(demo_app).image
    assert (image.width, image.height) == (1600, 800)
    stem = image.stem
    assert len(stem) == 24 and stem != old_stem
    renditions = {f"{stem}-{w}.{ext}" for w in (480, 800, 1200, 1600) for ext in FORMATS}
    assert uploads(demo_app) - before == {f"{stem}.jpg", f"{stem}-share.jpg", *renditions}
    assert f"{old_stem}.jpg" in uploads(demo_app)  # kept: still in the library
    with Image.open(Path(demo_app.config["UPLOAD_FOLDER"]) / f"{stem}-480.jpg") as small:
        assert small.format == "JPEG" and small.size == (480, 240)
    served = admin_client.get(f"/media/{stem}-800.avif")
    assert served.status_code == 200 and served.mimetype == "image/avif"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=31536000" in served.headers["Cache-Control"]
    page = admin_client.get("/en/news/japan-proposes-us-purchase-of-semiconductor-products").text
    assert f'srcset="/media/{stem}-480.avif 480w, /media/{stem}-800.avif 800w, ' in page


def test_a_non_image_named_jpg_is_refused(admin_client, demo_app, csrf_token):
    before, photo = uploads(demo_app), photo_stem(demo_app)
    response = post_photo(
        admin_client,
        csrf_token,
        b"<?php system($_GET['c']); ?>",
        "photo.jpg",
        **{"en-title": "Kept"},
    )
    assert response.status_code == 400
    assert "This file is not a JPEG, PNG or WebP image." in response.text
    assert 'value="Kept"' in response.text
    assert uploads(demo_app) == before
    assert photo_stem(demo_app) == photo
    assert photo_of(demo_app).translation("en").title != "Kept"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (image_bytes("JPEG")[:2000], "truncated.jpg"),  # a real header, then nothing
        (image_bytes("GIF", mode="P"), "animation.png"),  # decodes, but is no accepted format
        (b"", "empty.webp"),
    ],
)
def test_broken_or_other_images_are_refused(admin_client, demo_app, csrf_token, content, name):
    before = uploads(demo_app)
    response = post_photo(admin_client, csrf_token, content, name)
    assert response.status_code == 400
    assert "This file is not a JPEG, PNG or WebP image." in response.text
    assert uploads(demo_app) == before


def test_a_decompression_bomb_is_refused(admin_client, demo_app, csrf_token):
    buffer = io.BytesIO()
    Image.new("1", (9000, 6000)).save(buffer, "PNG")  # 54 megapixels in a few kilobytes
    response = post_photo(admin_client, csrf_token, buffer.getvalue(), "bomb.png")
    assert response.status_code == 400
    assert "The photo has too many pixels" in response.text


def test_a_photo_over_the_limit_is_a_form_error(admin_client, demo_app, csrf_token):
    demo_app.config["MAX_UPLOAD_MB"] = 1
    noise = Image.frombytes("RGB", (700, 700), random.Random(1).randbytes(700 * 700 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    assert 1024 * 1024 < len(buffer.getvalue()) < 2 * 1024 * 1024
    response = post_photo(admin_client, csrf_token, buffer.getvalue(), "big.png")
    assert response.status_code == 400
    assert "The photo is larger than 1 MB. Choose a smaller one." in response.text


def test_a_request_over_the_limit_is_a_413_page_never_a_500(admin_client, demo_app, csrf_token):
    demo_app.config["MAX_UPLOAD_MB"] = 1
    demo_app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    before = uploads(demo_app)
    response = post_photo(admin_client, csrf_token, b"\xff" * (3 * 1024 * 1024), "huge.jpg")
    assert response.status_code == 413
    assert "The upload is too large: a photo may have at most 1 MB." in response.text
    assert response.headers["Cache-Control"] == "no-store"
    assert uploads(demo_app) == before


def collect(app, grace_hours: str = "0"):
    """``flask media gc`` with no grace period: what nothing names goes now."""
    result = app.test_cli_runner().invoke(args=["media", "gc", "--grace-hours", grace_hours])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_removed_photo_stays_in_the_library(admin_client, demo_app, csrf_token):
    post_photo(admin_client, csrf_token, image_bytes(), "a.jpg")
    stem = photo_stem(demo_app)
    files = {name for name in uploads(demo_app) if name.startswith(stem)}
    fields = hidden_fields_in(admin_client.get(EDIT).text)
    data = article_form(fields, remove_photo="y")
    data["en-slug"] = "japan-proposes-us-purchase-of-semiconductor-products"
    assert admin_client.post(EDIT, data=data).status_code == 302
    assert photo_of(demo_app).image_id is None
    collect(demo_app)
    assert files <= uploads(demo_app) and len(files) == 14  # stored, 12 renditions, share
    assert "Semiconductor" in admin_client.get("/admin/media/").text  # ready to use again


def test_a_photo_goes_only_once_its_article_and_it_are_purged(admin_client, demo_app, csrf_token):
    post_photo(admin_client, csrf_token, image_bytes(), "a.jpg")
    image_id, stem = photo_of(demo_app).image_id, photo_stem(demo_app)
    fields = hidden_fields_in(admin_client.get("/admin/articles/1/delete").text)
    assert admin_client.post("/admin/articles/1/delete", data=fields).status_code == 302
    delete = f"/admin/media/{image_id}/delete"
    asked = admin_client.get(delete).text
    assert 'class="danger"' not in asked  # no button: the trashed article still shows it
    confirm = {**hidden_fields_in(asked), "version": str(photo_of(demo_app).image.version)}
    assert admin_client.post(delete, data=confirm).status_code == 409
    result = demo_app.test_cli_runner().invoke(args=["trash", "purge", "--older-than", "0"])
    assert result.exit_code == 0 and "Purged 1 items" in result.output, result.output
    collect(demo_app)
    assert f"{stem}.jpg" in uploads(demo_app)  # the library still has it
    moved = admin_client.post(delete, data=hidden_fields_in(admin_client.get(delete).text))
    assert moved.status_code == 302
    demo_app.test_cli_runner().invoke(args=["trash", "purge", "--older-than", "0"])
    assert f"{stem}.jpg" in uploads(demo_app)  # a file nothing names waits out its grace
    collect(demo_app)
    assert not any(name.startswith(stem) for name in uploads(demo_app))


def test_a_failed_commit_keeps_the_new_photo_for_the_next_sending(
    admin_client, demo_app, csrf_token, monkeypatch
):
    # Another admin takes the slug between the check and the commit.
    monkeypatch.setattr(
        "eurobrew.admin.article_service.slug_clashes", lambda form, article_id: False
    )
    before = uploads(demo_app)
    token = csrf_token(admin_client, "/admin/articles/new")
    data = article_form(
        token, **{"en-slug": "japan-proposes-us-purchase-of-semiconductor-products"}
    )
    data.update({"sk-photo_alt": "Nová fotografia", "en-photo_alt": "A new photo"})
    data["photo"] = (io.BytesIO(image_bytes()), "a.jpg")
    response = admin_client.post(
        "/admin/articles/new", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert "A slug was taken meanwhile." in response.text
    kept = hidden_fields_in(response.text)["pending_photo"]
    assert kept in uploads(demo_app) - before  # no second upload needed
    assert "The new photo, not saved yet" in response.text
    with demo_app.app_context():
        assert db.session.query(Article).count() == 1
    collect(demo_app, grace_hours="1")  # a form being filled in may still hold it
    assert kept in uploads(demo_app)
    collect(demo_app)  # nothing names it: gone once its grace has passed
    assert uploads(demo_app) == before


def test_a_photo_over_the_pixel_cap_is_refused_saying_the_cap(admin_client, demo_app, csrf_token):
    buffer = io.BytesIO()
    Image.new("L", (6400, 6300)).save(buffer, "PNG")  # 40.3 megapixels, a few kB
    before = uploads(demo_app)
    response = post_photo(admin_client, csrf_token, buffer.getvalue(), "huge.png")
    assert response.status_code == 400
    assert "The photo has too many pixels: at most 40 megapixels (a WebP at most 16)." in (
        response.text
    )
    assert "at most 8 MB and 40 megapixels" in response.text  # the help text says so first
    assert uploads(demo_app) == before


def test_a_16_bit_greyscale_photo_keeps_its_greys(admin_client, demo_app, csrf_token):
    grey = Image.new("I;16", (600, 400), 32768)  # the middle of 0-65535
    buffer = io.BytesIO()
    grey.save(buffer, "PNG")
    response = post_photo(admin_client, csrf_token, buffer.getvalue(), "grey.png")
    assert response.status_code == 302
    stored = Path(demo_app.config["UPLOAD_FOLDER"]) / f"{photo_stem(demo_app)}.jpg"
    with Image.open(stored) as image:
        assert all(120 <= value <= 136 for value in image.convert("L").getextrema())


def test_a_new_photo_needs_its_description_and_keeps_the_upload(admin_client, demo_app, csrf_token):
    before = photo_stem(demo_app)
    response = post_photo(admin_client, csrf_token, image_bytes(), "a.jpg", **{"en-photo_alt": ""})
    assert response.status_code == 400
    assert "Say what the photo shows" in response.text
    assert hidden_fields_in(response.text)["pending_photo"].endswith(".jpg")  # not lost
    assert photo_stem(demo_app) == before


def test_an_article_can_show_an_image_already_in_the_library(admin_client, demo_app, csrf_token):
    post_photo(admin_client, csrf_token, image_bytes(), "a.jpg")
    first = photo_of(demo_app).image_id
    fields = hidden_fields_in(admin_client.get("/admin/articles/new").text)
    data = article_form(fields, image_id=str(first))
    assert admin_client.post("/admin/articles/new", data=data).status_code == 302
    page = admin_client.get("/en/news/an-article-about-the-brewery").text
    assert f"/media/{photo_stem(demo_app)}-480.avif" in page and 'alt="A new photo"' in page
    missing = article_form(hidden_fields_in(admin_client.get("/admin/articles/new").text))
    missing.update({"image_id": "999", "sk-slug": "iny", "en-slug": "other"})
    refused = admin_client.post("/admin/articles/new", data=missing)
    assert refused.status_code == 400 and "The library has no image 999." in refused.text


def test_media_rebuild_makes_every_rendition_again(demo_app):
    stem = photo_stem(demo_app)
    folder = Path(demo_app.config["UPLOAD_FOLDER"])
    (folder / f"{stem}-480.avif").unlink()
    (folder / f"{stem}-share.jpg").unlink()
    result = demo_app.test_cli_runner().invoke(args=["media", "rebuild"])
    assert result.exit_code == 0 and "Rebuilt the renditions of 1 images." in result.output
    assert (folder / f"{stem}-480.avif").is_file() and (folder / f"{stem}-share.jpg").is_file()
    (folder / f"{stem}.jpg").unlink()
    result = demo_app.test_cli_runner().invoke(args=["media", "rebuild"])
    assert result.exit_code == 1 and stem in result.output
