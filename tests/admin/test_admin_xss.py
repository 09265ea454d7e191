"""Whatever admins type is shown as text: markup in any field stays inert on every page."""

import io

from eurobrew.demo.content import CONTACT
from support import hidden_fields_in
from support.builders import article_form, image_bytes
from support.hostile import (
    ARTICLE_TEXT_FIELDS,
    IMG,
    PAYLOAD,
    assert_inert,
    assert_json_ld_closed_once,
)


def test_article_fields(admin_client, demo_app, csrf_token):
    token = csrf_token(admin_client, "/admin/articles/new")
    fields = {f"{lang}-{name}": PAYLOAD for lang in ("sk", "en") for name in ARTICLE_TEXT_FIELDS}
    fields.update({"sk-slug": "xss", "en-slug": "xss", "photo_credit": PAYLOAD})
    fields["en-body"] = f'{PAYLOAD}\n\n[click](javascript:alert(1)) <a href="javascript:x">a</a>'
    data = article_form(token, **fields)
    data["photo"] = (io.BytesIO(image_bytes()), "photo.jpg")  # so the credit and alt show
    response = admin_client.post(
        "/admin/articles/new", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 302, response.text
    pages = {
        path: admin_client.get(path).text
        for path in (
            "/sk/novinky/xss",
            "/en/news/xss",
            "/sk/novinky/",
            "/en/news/",
            "/en/",
            "/admin/",
            "/admin/articles/",
            response.headers["Location"],
            "/admin/articles/2/delete",
        )
    }
    for path, html in pages.items():
        assert_json_ld_closed_once(html, path)
        assert_inert(html, path)
    detail = pages["/en/news/xss"]
    assert "&lt;script&gt;alert(" in detail  # shown as text in the title and the note
    assert "Photo: &lt;script&gt;" in detail
    assert 'alt="&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#34;&gt;' in detail


def test_source_url_must_be_a_web_address(admin_client, csrf_token):
    token = csrf_token(admin_client, "/admin/articles/new")
    for url in ("javascript:alert(1)", "data:text/html,<script>x</script>", "//evil.example"):
        response = admin_client.post(
            "/admin/articles/new", data=article_form(token, source_url=url)
        )
        assert response.status_code == 400
        assert "Enter a web address starting with https:// or http://." in response.text
        assert_inert(response.text, url)


def test_page_fields(admin_client, demo_app, csrf_token):
    path = "/admin/pages/5/edit"
    token = hidden_fields_in(admin_client.get(path).text)
    data = {
        **token,
        "sk-title": PAYLOAD,
        "sk-slug": "o-nas",
        "sk-body": PAYLOAD,
        "en-title": PAYLOAD,
        "en-slug": "about-us",
        "en-body": PAYLOAD,
        "menu_order": "50",
        "visible": "y",
    }
    assert admin_client.post(path, data=data).status_code == 302
    for page in ("/sk/o-nas", "/en/about-us", "/en/", "/admin/pages/", path):
        assert_inert(admin_client.get(page).text, page)


def test_contact_fields(admin_client, csrf_token):
    token = hidden_fields_in(admin_client.get("/admin/contact").text)
    data = {**token, **{name: PAYLOAD for name in CONTACT}}
    # Short fields get a short payload; phone, fax and e-mail refuse markup outright.
    data.update({"postcode": "<i>917</i>", "phone": "+421 1", "fax": "", "email": ""})
    assert admin_client.post("/admin/contact", data=data).status_code == 302
    for page in ("/sk/", "/en/news/", "/admin/contact"):
        html = admin_client.get(page).text
        assert_inert(html, page)
        assert "&lt;script&gt;" in html
    fresh = hidden_fields_in(admin_client.get("/admin/contact").text)  # the version just saved
    bad = dict(data, **fresh, email=f"a@b.c{IMG}", phone=PAYLOAD)
    response = admin_client.post("/admin/contact", data=bad)
    assert response.status_code == 400
    assert_inert(response.text, "contact form")
