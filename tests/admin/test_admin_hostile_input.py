"""Random and hostile values in every admin form field and query parameter, logged in.

Whatever an admin (or a stolen session) sends: never a 500, a refused request (4xx) leaves
the database exactly as it was, and everything accepted stays inert text on every page.
"""

from __future__ import annotations

import io
import itertools
from xml.etree import ElementTree as ET  # noqa: S405 - parses the site's own feed

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import ArticleTranslation, snapshots
from http_client import FormValues
from support.builders import article_form
from support.hostile import assert_inert, assert_json_ld_closed_once, snapshot

SEED_EN = "japan-proposes-us-purchase-of-semiconductor-products"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "</script><script>alert(1)</script>",
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    "Robert'); DELETE FROM pages; --",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m",
    "\u202eevil\u202c",
    "\ufeff",
    "ä" * 400,
    "x" * 20_000,
    "{{7*7}}",
    "%(max)d %s",
    "\r\nSet-Cookie: evil=1",
    # Slugs other content already uses, and paths the site keeps for itself.
    SEED_EN,
    "japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
    "about-us",
    "o-nas",
    "news",
    "novinky",
    "feed.xml",
]
DATES = ["0001-01-01", "9999-12-31", "2025-02-30", "2025-13-01", "0000-00-00", "1e9", "-1"]
DATETIMES = [
    "0001-01-01T00:00",
    "0001-01-01T00:30",
    "9999-12-31T23:59",
    "2025-06-01T25:00",
    "2025-06-01 12:00",
    "2025-03-30T02:30",  # the hour that does not exist when clocks go forward
]
NUMBERS = ["-1", "0", "9999", "10000", "1e3", "9" * 30, "0x10", "١٢", " 5 ", "NaN", "5.5"]

text = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=200))
ARTICLE_TEXT = [
    f"{lang}-{name}"
    for lang in ("sk", "en")
    for name in ("title", "slug", "place", "body", "note", "photo_alt")
]
ARTICLE_FIELDS = {
    **{name: text for name in ARTICLE_TEXT},
    "published_on": st.one_of(st.sampled_from(DATES), text),
    "publish_at": st.one_of(st.sampled_from(DATETIMES), text),
    "status": st.one_of(st.sampled_from(["draft", "published", "deleted"]), text),
    "photo_credit": text,
    "source_url": st.one_of(st.sampled_from(["https://example.com/<script>", "http://"]), text),
    "remove_photo": text,
    "preview": text,
}
PAGE_FIELDS = {
    **{f"{lang}-{name}": text for lang in ("sk", "en") for name in ("title", "slug", "body")},
    "menu_order": st.one_of(st.sampled_from(NUMBERS), text),
    "parent": st.one_of(st.sampled_from(["", "1", "2", "3", *NUMBERS]), text),
    "visible": text,
    "preview": text,
}
CONTACT_FIELDS = {name: text for name in snapshots.CONTACT_FIELDS}
SERIAL = itertools.count()
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def app_config():
    # The login fuzzing below fails on purpose, many times; throttling has its own tests.
    return {"LOGIN_FAILURE_LIMIT": "100000 per minute"}


def changes(fields: dict) -> st.SearchStrategy:
    """Some of ``fields`` set to hostile values; each value a string, a list, or a file."""
    shape = st.sampled_from(["text", "text", "text", "twice", "file"])
    entry = st.sampled_from(sorted(fields)).flatmap(
        lambda name: st.tuples(st.just(name), st.tuples(shape, fields[name]))
    )
    # A few fields at a time, so that many forms are otherwise valid and get saved.
    return st.lists(entry, max_size=3).map(dict)


def apply(data: dict, chosen: dict) -> tuple[dict, bool]:
    """Put the chosen values into the form; True when any of them is sent as a file."""
    as_file = False
    for name, (shape, value) in chosen.items():
        if shape == "twice":
            data[name] = [value, value[::-1]]
        elif shape == "file":
            data[name] = (io.BytesIO(value.encode("utf-8", "surrogatepass")), "x.txt")
            as_file = True
        else:
            data[name] = value
    return data, as_file


def form_values(html: str) -> dict[str, str]:
    """The form's values as a browser sends them, without its token."""
    values = FormValues(html).values
    values.pop("csrf_token", None)
    return values


def visible_slugs(app) -> list[tuple[str, str]]:
    with app.app_context():
        rows = db.session.execute(select(ArticleTranslation.lang, ArticleTranslation.slug))
        found = [tuple(row) for row in rows]
        db.session.remove()
        return found


def assert_pages_inert(client, paths) -> None:
    """Each page answers without a server error and carries no live markup from input."""
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)
        html = response.get_data(as_text=True)
        assert "<script>alert" not in html, path
        assert_json_ld_closed_once(html, path)
        assert_inert(html, path)
    for feed in ("/sk/novinky/feed.xml", "/en/news/feed.xml"):
        response = client.get(feed)
        assert response.status_code == 200, feed
        ET.fromstring(response.get_data())  # noqa: S314 - feed readers must still parse it


def post_form(client, path, data, as_file, app, pages_after):
    """POST the form; check the answer, the database and the pages that show its values."""
    before = snapshot(app)
    response = client.post(path, data=data, content_type="multipart/form-data" if as_file else None)
    assert response.status_code < 500, (response.status_code, data)
    event(f"{path.split('/')[2]}: {response.status_code}")
    if 400 <= response.status_code < 500:
        assert snapshot(app) == before, "a refused form changed the database"
        assert_inert(response.get_data(as_text=True), path)
    else:
        assert response.status_code in (200, 302), response.status_code
        assert_inert(response.get_data(as_text=True), path)
        assert_pages_inert(client, pages_after())
    return response


@SETTINGS
@given(chosen=changes(ARTICLE_FIELDS), edit=st.booleans())
def test_article_form(admin_client, demo_app, csrf_token, chosen, edit):
    path = "/admin/articles/1/edit" if edit else "/admin/articles/new"
    # Fresh slugs, so that a form is refused for what the example changed, not for a clash.
    n = next(SERIAL)
    data = article_form(
        csrf_token(admin_client, path), **{"sk-slug": f"c-{n}", "en-slug": f"a-{n}"}
    )
    data, as_file = apply(data, chosen)

    def pages_after():
        public = [
            f"/{lang}/{'novinky' if lang == 'sk' else 'news'}/{slug}"
            for lang, slug in visible_slugs(demo_app)
        ]
        return ["/sk/", "/en/news/", "/admin/", "/admin/articles/", path, *public]

    post_form(admin_client, path, data, as_file, demo_app, pages_after)


@SETTINGS
@given(chosen=changes(PAGE_FIELDS), page_id=st.integers(1, 5))
def test_page_form(admin_client, demo_app, csrf_token, chosen, page_id):
    path = f"/admin/pages/{page_id}/edit"
    html = admin_client.get(path).get_data(as_text=True)
    data = {"csrf_token": csrf_token(admin_client, path), "save": "Save"}
    data.update(form_values(html))
    data, as_file = apply(data, chosen)

    def pages_after():
        return ["/sk/", "/en/", "/en/about-us", "/sk/o-nas", "/admin/pages/", path]

    post_form(admin_client, path, data, as_file, demo_app, pages_after)


@SETTINGS
@given(chosen=changes(CONTACT_FIELDS))
def test_contact_form(admin_client, demo_app, csrf_token, chosen):
    path = "/admin/contact"
    html = admin_client.get(path).get_data(as_text=True)
    data = {"csrf_token": csrf_token(admin_client, path), "save": "Save", **form_values(html)}
    data, as_file = apply(data, chosen)
    post_form(admin_client, path, data, as_file, demo_app, lambda: ["/sk/", "/en/news/", path])


@SETTINGS
@given(
    status=text,
    missing=text,
    page=st.one_of(st.sampled_from(NUMBERS), text),
    number=st.one_of(st.sampled_from(["0", "2147483648", "9" * 25, "-1"]), st.integers(0)),
)
def test_query_parameters_and_ids(admin_client, demo_app, status, missing, page, number):
    before = snapshot(demo_app)
    gets = [
        ("/admin/articles/", {"status": status, "missing": missing, "page": page}),
        ("/admin/", {"page": page, status[:20] or "x": missing}),
        ("/admin/pages/", {"page": page}),
        (f"/admin/articles/{number}/edit", {}),
        (f"/admin/articles/{number}/delete", {}),
        (f"/admin/pages/{number}/edit", {}),
        ("/admin/login", {"next": status}),
    ]
    for path, query in gets:
        response = admin_client.get(path, query_string=query)
        assert response.status_code < 500, (path, query, response.status_code)
        assert_inert(response.get_data(as_text=True), path)
    assert snapshot(demo_app) == before


@SETTINGS
@given(next_page=text, chosen=changes({"username": text, "password": text}))
def test_login_form(demo_app, admin_user, csrf_token, next_page, chosen):
    client = demo_app.test_client()
    data = {"csrf_token": csrf_token(client, "/admin/login"), "username": "", "password": ""}
    data, as_file = apply(data, chosen)
    before = snapshot(demo_app)
    response = client.post(
        "/admin/login",
        query_string={"next": next_page},
        data=data,
        content_type="multipart/form-data" if as_file else None,
    )
    assert response.status_code in (400, 401), response.status_code
    assert snapshot(demo_app) == before
    assert_inert(response.get_data(as_text=True), "login")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@SETTINGS
@given(
    path=st.sampled_from(
        ["/admin/articles/new", "/admin/articles/1/edit", "/admin/pages/2/edit", "/admin/contact"]
    ),
    body=st.dictionaries(st.sampled_from(sorted({*ARTICLE_FIELDS, *PAGE_FIELDS})), json_values),
)
def test_json_bodies_are_no_form(admin_client, demo_app, csrf_token, path, body):
    # The token in the header passes the CSRF check; the admin's forms read only form fields.
    token = csrf_token(admin_client, path)
    before = snapshot(demo_app)
    response = admin_client.post(path, json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert snapshot(demo_app) == before


def test_a_nul_byte_is_a_form_error_not_a_server_error(admin_client, demo_app, csrf_token):
    # PostgreSQL cannot store NUL in text at all; SQLite would keep it and cut titles short.
    before = snapshot(demo_app)
    token = csrf_token(admin_client, "/admin/articles/new")
    response = admin_client.post(
        "/admin/articles/new", data=article_form(token, **{"en-title": "Beer\x00"})
    )
    assert response.status_code == 400
    assert "This field must not contain control characters." in response.text
    token = csrf_token(admin_client, "/admin/contact")
    response = admin_client.post("/admin/contact", data={"csrf_token": token, "city": "a\x00"})
    assert response.status_code == 400
    assert "This field must not contain control characters." in response.text
    admin_client.set_cookie("lang", "sk")
    response = admin_client.post("/admin/contact", data={"csrf_token": token, "city": "\x1b"})
    assert "Toto pole nesmie obsahovať riadiace znaky." in response.text
    assert snapshot(demo_app) == before
