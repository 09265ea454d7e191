"""Hostile input: payloads, hypothesis settings, and checks that nothing got through."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import select

from eurobrew.extensions import db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "javascript:alert(1)",
    "{{7*7}}",
    "${7*7}",
    "\r\nSet-Cookie: evil=1",
    "ä" * 500,
    "9" * 40,
    "-1",
    "0x10",
]
hostile = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=300))
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def assert_handled(response, *payloads):
    assert response.status_code < 500, response.status_code
    body = response.get_data(as_text=True)
    for payload in payloads:
        if "<script>" in payload or "onerror" in payload:
            assert payload not in body


SCRIPT = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"{SCRIPT}{IMG}"
ARTICLE_TEXT_FIELDS = ("title", "place", "body", "note", "photo_alt")


class Elements(HTMLParser):
    """Every element a browser would build from the page, with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_inert(html: str, where: str) -> None:
    for tag, attrs in Elements(html).elements:
        # Public pages run no scripts, the admin only its own file (the image picker);
        # structured data for search engines is inert JSON.
        own_file = (attrs.get("src") or "").startswith("/static/js/")
        assert tag != "script" or own_file or attrs.get("type") == "application/ld+json", where
        assert not (tag == "img" and attrs.get("src") == "x"), where
        assert not [name for name in attrs if name.startswith("on")], (where, tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:"), where


def assert_json_ld_closed_once(html: str, where: str) -> None:
    # A payload's "</script>" inside the JSON-LD would end it early and let markup loose.
    for block in html.split('<script type="application/ld+json">')[1:]:
        data = block.split("</script>", 1)[0]
        assert "<" not in data, where


# A failed login is written down for its limit (test_admin_auth.py checks that): not content.
# Bookkeeping of attempts, not content: failed logins are counted and logged by design.
NOT_CONTENT = {"limited_attempts", "audit_events"}


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every content table, in primary-key order."""
    with app.app_context():
        rows = {}
        for table in db.metadata.sorted_tables:
            if table.name in NOT_CONTENT:
                continue
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [tuple(row) for row in db.session.execute(query)]
        db.session.remove()
        return rows
