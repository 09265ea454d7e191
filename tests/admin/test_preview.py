"""Previews: the public page of what was typed, or of a saved draft, for admins only."""

import io
import re

from sqlalchemy import func, select

from eurobrew.extensions import db
from eurobrew.media import upload_folder
from eurobrew.models import Article, ArticleStatus
from support import hidden_fields_in
from support.builders import add_article, article_form, image_bytes
from support.site_pages import SEED_EN

NEW = "/admin/articles/new"


def count_articles(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def preview_new(client, lang: str, **fields):
    form = hidden_fields_in(client.get(NEW).text)
    data = article_form(form, preview=lang, **fields)
    del data["save"]  # the Preview button is the one pressed
    return client.post(NEW, data=data, content_type="multipart/form-data")


def shown_photo(html: str) -> str | None:
    """The stored picture (``<stem>.jpg``) of the photo in the page's article, if any."""
    found = re.search(r'<figure class="photo"><picture>.*?<img src="/media/([0-9a-f]+)-', html)
    return f"{found[1]}.jpg" if found else None


def test_a_preview_is_the_public_page_of_what_was_typed(admin_client, demo_app):
    photo = (io.BytesIO(image_bytes()), "harbour.jpg")
    response = preview_new(
        admin_client,
        "sk",
        photo=photo,
        **{
            "sk-body": "Text s **tučným** písmom\n\n<script>alert(1)</script>",
            "sk-photo_alt": "Prístav",
        },
    )
    assert response.status_code == 200
    html = response.text
    assert '<html lang="sk">' in html and 'class="site-header"' in html  # the public frame
    assert "<h1>Článok o pivovare</h1>" in html
    assert "Text s <strong>tučným</strong> písmom" in html and "<script>alert" not in html
    assert "Náhľad toho, čo ste napísali: neuložené, nezverejnené." in html  # the bar, in Slovak
    name = shown_photo(html)
    assert name and 'alt="Prístav"' in html
    with demo_app.app_context():
        assert (upload_folder() / name).is_file()
    assert '<meta name="robots" content="noindex">' in html
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "lang=" not in response.headers.get("Set-Cookie", "")  # the admin's language stays
    assert count_articles(demo_app) == 1  # nothing saved
    assert admin_client.get("/sk/novinky/clanok-o-pivovare").status_code == 404


def test_the_form_offers_one_preview_per_language_in_a_tab_of_its_own(admin_client):
    html = admin_client.get("/admin/articles/1/edit").text
    for lang, name in (("sk", "Slovak"), ("en", "English")):
        button = re.search(rf'<button[^>]*name="preview" value="{lang}"[^>]*>([^<]*)<', html)
        assert button and 'formtarget="eurobrew-preview"' in button[0]
        assert name in button[1]
    assert "A preview opens in a new tab; nothing is saved." in html


def test_a_preview_of_an_edit_keeps_the_saved_photo_and_the_public_page(admin_client, demo_app):
    path = "/admin/articles/1/edit"
    form = hidden_fields_in(admin_client.get(path).text)
    public_before = admin_client.get(SEED_EN).text
    data = article_form(form, preview="en", **{"en-title": "Chips, reconsidered"})
    del data["save"]
    response = admin_client.post(path, data=data)
    assert response.status_code == 200
    assert "<h1>Chips, reconsidered</h1>" in response.text
    assert shown_photo(response.text) == shown_photo(public_before) is not None
    assert admin_client.get(SEED_EN).text == public_before


def test_a_preview_from_an_older_version_is_still_a_preview(admin_client, demo_app):
    path = "/admin/articles/1/edit"
    stale = hidden_fields_in(admin_client.get(path).text)
    saved = admin_client.post(path, data=article_form(stale, **{"en-title": "Saved first"}))
    assert saved.status_code == 302
    data = article_form(stale, preview="en", **{"en-title": "Only looked at"})
    del data["save"]
    response = admin_client.post(path, data=data)
    assert response.status_code == 200 and "<h1>Only looked at</h1>" in response.text


def test_a_language_without_text_has_nothing_to_preview(admin_client, demo_app):
    empty_en = {f"en-{name}": "" for name in ("title", "place", "body")}
    response = preview_new(admin_client, "en", **empty_en)
    assert response.status_code == 400
    assert "There is no text to preview in this language." in response.text
    assert 'value="Článok o pivovare"' in response.text  # the form, as typed


def test_a_draft_links_to_its_preview_not_to_a_missing_public_page(admin_client, demo_app):
    with demo_app.app_context():
        draft = add_article(7, status=ArticleStatus.DRAFT.value).id
    edit_page = admin_client.get(f"/admin/articles/{draft}/edit").text
    assert f'href="/admin/articles/{draft}/preview/en"' in edit_page
    assert 'href="/en/news/article-7"' not in edit_page
    assert admin_client.get("/en/news/article-7").status_code == 404
    response = admin_client.get(f"/admin/articles/{draft}/preview/en")
    assert response.status_code == 200
    assert "<h1>Article 7</h1>" in response.text
    assert "Preview: this article is a draft and not published." in response.text
    assert f'href="/admin/articles/{draft}/edit">Back to editing</a>' in response.text
    assert response.headers["Cache-Control"] == "no-store"
    # The language switch leads to the other language's preview.
    assert f'href="/admin/articles/{draft}/preview/sk"' in response.text
    # A published article's form links to its public pages.
    assert 'href="/en/news/japan-proposes' in admin_client.get("/admin/articles/1/edit").text


def test_previews_are_for_admins_only(client, demo_app):
    with demo_app.app_context():
        draft = add_article(8, status=ArticleStatus.DRAFT.value, langs=("sk",)).id
    response = client.get(f"/admin/articles/{draft}/preview/sk")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]


def test_a_missing_translation_has_no_preview(admin_client, demo_app):
    with demo_app.app_context():
        draft = add_article(9, status=ArticleStatus.DRAFT.value, langs=("sk",)).id
    assert admin_client.get(f"/admin/articles/{draft}/preview/en").status_code == 404
    assert admin_client.get(f"/admin/articles/{draft}/preview/de").status_code == 404


def test_a_page_preview_shows_the_typed_text_in_the_page(admin_client, demo_app):
    with demo_app.app_context():
        from eurobrew.models import Page

        about = db.session.scalar(select(Page.id).where(Page.key == "about"))
    path = f"/admin/pages/{about}/edit"
    form = hidden_fields_in(admin_client.get(path).text)
    data = {
        **form,
        "sk-title": "O firme",
        "sk-slug": "o-firme",
        "sk-body": "Sme **malá** firma.",
        "en-title": "The company",
        "en-slug": "",
        "en-body": "We are a *small* company.",
        "menu_order": "5",
        "visible": "y",
        "preview": "en",
    }
    response = admin_client.post(path, data=data)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text and "<h1>The company</h1>" in response.text
    assert "We are a <em>small</em> company." in response.text
    assert "Preview of what you typed: not saved, not published." in response.text
    assert admin_client.get("/en/about-us").status_code == 200  # unchanged
    assert admin_client.get("/en/the-company").status_code == 404
