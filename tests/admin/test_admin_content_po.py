"""The Translations page's content files: download, upload, preview and apply, CSRF on."""

from __future__ import annotations

import io
import re

import pytest

from eurobrew.extensions import db
from eurobrew.models import Article, Page
from support import csrf_token_in, hidden_fields_in
from support.builders import add_article
from support.po_files import edited, msgfmt_check, site_texts

PAGE = "/admin/translations/"


def download(client, lang: str = "en", only: str = "") -> bytes:
    response = client.get(f"/admin/translations/content.po?lang={lang}&only={only}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    return response.data


def upload(client, data: bytes, name: str = "en.po"):
    token = csrf_token_in(client.get(PAGE).get_data(as_text=True))
    return client.post(
        "/admin/translations/import",
        data={"csrf_token": token, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def apply_form(preview_html: str) -> dict[str, str]:
    """The hidden fields of a preview's "Save" form."""
    form = re.search(
        r'<form[^>]*action="/admin/translations/import/apply".*?</form>', preview_html, re.S
    )
    return hidden_fields_in(form.group(0))


def apply_preview(client, preview_html: str):
    return client.post("/admin/translations/import/apply", data=apply_form(preview_html))


def test_the_page_counts_content_and_offers_the_files(admin_client, demo_app):
    with demo_app.app_context():
        add_article(600, langs=("sk",))
    html = admin_client.get(PAGE).get_data(as_text=True)
    row = re.search(r"<th scope=\"row\">English</th>\s*<td>Article</td>(.*?)</tr>", html, re.S)
    assert re.findall(r"<td>(\d+)</td>", row.group(1)) == ["1", "0", "1"]
    assert 'action="/admin/translations/content.po"' in html
    assert 'enctype="multipart/form-data"' in html


def test_download_upload_preview_apply(admin_client, demo_app, tmp_path):
    data = download(admin_client)
    assert msgfmt_check(data, tmp_path).returncode == 0
    translated = edited(data, {"page/about/title": "About Euro-Brew", "article/1/place": "Tokio"})
    with demo_app.app_context():
        before = site_texts()
    preview = upload(admin_client, translated)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "2 items change." in html
    assert (
        '<td class="old">About us</td>' in html and '<td class="new">About Euro-Brew</td>' in html
    )
    with demo_app.app_context():
        assert site_texts() == before  # a preview saves nothing
    applied = apply_preview(admin_client, html)
    assert applied.status_code == 302 and applied.headers["Location"].endswith(PAGE)
    assert "2 items were updated from the file." in admin_client.get(PAGE).get_data(as_text=True)
    with demo_app.app_context():
        about = db.session.query(Page).filter_by(key="about").one()
        assert about.translation("en").title == "About Euro-Brew"
        assert about.updated_by == "eva"
        assert db.session.get(Article, 1).translation("en").place == "Tokio"


def test_a_refused_file_says_why_and_keeps_nothing(admin_client, demo_app):
    data = download(admin_client)
    broken = edited(data, {"page/about/body/5": "Phone: see below"})
    response = upload(admin_client, broken)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "page/about/body/5</code>: Keep the contact codes such as {contact:phone}" in html
    assert "import/apply" not in html


def test_errors_are_in_the_admins_language(admin_client, demo_app):
    admin_client.set_cookie("lang", "sk")
    data = download(admin_client).replace(b'msgctxt "page/about/title"', b'msgctxt "page/x/y"')
    html = upload(admin_client, data).get_data(as_text=True)
    assert "Tento web taký text nemá (neznámy msgctxt)." in html
    response = upload(admin_client, b"not a po file \xff")
    assert response.status_code == 400
    assert "Súbor nie je textový súbor v UTF-8." in response.get_data(as_text=True)


def test_a_conflict_is_shown_not_overwritten(admin_client, demo_app):
    data = download(admin_client)
    edit = admin_client.get("/admin/pages/").get_data(as_text=True)
    assert edit  # the admin works on meanwhile:
    with demo_app.app_context():
        from eurobrew.admin.editing import commit_revision, ensure_baseline
        from eurobrew.admin.kinds import PAGE as PAGE_KIND
        from eurobrew.models.revisions import RevisionAction

        about = db.session.query(Page).filter_by(key="about").one()
        ensure_baseline(PAGE_KIND, about)
        about.translation("en").title = "About the company"
        about.updated_by = "jana"
        commit_revision(PAGE_KIND, about, RevisionAction.SAVED, "jana")
    html = upload(admin_client, edited(data, {"page/about/title": "About us, new"}))
    html = html.get_data(as_text=True)
    assert "Changed in the admin after the export" in html
    assert "<q>About the company</q>" in html and "<q>About us, new</q>" in html
    assert "import/apply" not in html  # nothing else to save
    with demo_app.app_context():
        about = db.session.query(Page).filter_by(key="about").one()
        assert about.translation("en").title == "About the company"


def test_apply_without_a_token_is_refused(admin_client, demo_app):
    data = download(admin_client)
    html = upload(admin_client, edited(data, {"page/about/title": "Ours"})).get_data(as_text=True)
    fields = apply_form(html)
    del fields["csrf_token"]
    response = admin_client.post("/admin/translations/import/apply", data=fields)
    assert response.status_code == 400
    with demo_app.app_context():
        about = db.session.query(Page).filter_by(key="about").one()
        assert about.translation("en").title == "About us"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Download only the missing or outdated texts"), ("sk", "iba chýbajúce alebo")],
)
def test_a_file_over_the_upload_limit_says_how_to_send_it(admin_client, demo_app, lang, expected):
    """Not the photo's message: smaller files, or the command that takes any size."""
    admin_client.set_cookie("lang", lang)
    too_large = b"#" * ((demo_app.config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024 + 1)
    response = upload(admin_client, too_large)
    assert response.status_code == 413
    text = response.get_data(as_text=True)
    assert expected in text and "flask translations import-content" in text
    assert "photo" not in text and "fotografi" not in text
