"""Helpers the test modules share (kept out of conftest.py, which pytest imports per folder)."""

from __future__ import annotations

import re
from datetime import date, datetime
from html import unescape as html_unescape

import pytest
from sqlalchemy import text

from eurobrew.extensions import db
from eurobrew.i18n.checks import in_ci

# The test apps' SITE_URL: the origin of every absolute URL, whatever Host a request names.
SITE_URL = "http://www.eurobrew.test"


# The admin account of the nginx tests' site (conftest.nginx_site).
NGINX_ADMIN = ("nginx-admin", "a passphrase for nginx tests")


def tool_missing(name: str) -> None:
    """A test needs a tool that is not installed: fail in CI, skip elsewhere, naming it."""
    message = f"{name} is not installed"
    if in_ci():
        pytest.fail(message + " (CI runs every check)")
    pytest.skip(message)


def reset_database() -> None:
    """Drop every table, Alembic's bookkeeping included (a shared PostgreSQL keeps them)."""
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def hidden_fields_in(html: str) -> dict[str, str]:
    """The hidden fields (token, version ...) of the page's editing form, by name.

    That is the form with a version field when there is one, else the first with a token
    (the admin's header has a small language form before the page's own).
    """
    found = []
    for form in re.findall(r"<form.*?</form>", html, flags=re.S):
        fields = {}
        for tag in re.findall(r"<input[^>]*>", form):
            name = re.search(r'name="([^"]+)"', tag)
            if 'type="hidden"' in tag and name:
                value = re.search(r'value="([^"]*)"', tag)
                fields[name[1]] = html_unescape(value[1]) if value else ""
        if "csrf_token" in fields:
            found.append(fields)
    assert found, "the page has no form with a CSRF token"
    return next((fields for fields in found if "version" in fields), found[0])


def csrf_token_in(html: str) -> str:
    """The CSRF token of the first form in ``html``."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "the page has no CSRF token"
    return match.group(1)


# Slovak long dates name the month in the genitive ("29. mája 2025").
SLOVAK_GENITIVE_MONTHS = [
    "januára",
    "februára",
    "marca",
    "apríla",
    "mája",
    "júna",
    "júla",
    "augusta",
    "septembra",
    "októbra",
    "novembra",
    "decembra",
]
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def english_month(name: str) -> int | None:
    """The number of an English month named in full or abbreviated ("May", "Dec", "Sept")."""
    for number, month in enumerate(ENGLISH_MONTHS, start=1):
        if name in (month, month[:3]) or (number == 9 and name == "Sept"):
            return number
    return None


def shown_date(text: str, lang: str) -> date:
    """The date a page shows, read back as a reader would: whatever spaces Babel puts in.

    Slovak: ``29. 5. 2025`` (d. M. y) or ``29. mája 2025`` (genitive month); English:
    ``May 29, 2025``, ``Dec 1, 2026`` or ``29 May 2025``. Anything else fails the test
    that asked.
    """
    words = " ".join(text.split())  # any space: normal, no-break, narrow no-break
    if lang == "sk":
        numeric = re.fullmatch(r"(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})", words)
        if numeric:
            day, month, year = map(int, numeric.groups())
            return date(year, month, day)
        long = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", words)
        assert long and long[2] in SLOVAK_GENITIVE_MONTHS, f"not a Slovak date: {text!r}"
        return date(int(long[3]), SLOVAK_GENITIVE_MONTHS.index(long[2]) + 1, int(long[1]))
    us = re.fullmatch(r"(\w+) (\d{1,2}), (\d{4})", words)
    if us and english_month(us[1]):
        return date(int(us[3]), english_month(us[1]), int(us[2]))
    british = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", words)
    assert british and english_month(british[2]), f"not an English date: {text!r}"
    return date(int(british[3]), english_month(british[2]), int(british[1]))


def shown_datetime(text: str, lang: str) -> datetime:
    """A date and time a page shows: ``shown_date`` then ``14:46`` or ``2:46 PM``.

    The separator between them may be a comma, a space or "at"; a US short date
    ("12/1/26") or a time without minutes fails the test that asked.
    """
    words = " ".join(text.split())
    clock = re.fullmatch(r"(.+?),? (?:at )?(\d{1,2}):(\d{2})(?: ([AP]M))?", words)
    assert clock, f"not a date and time: {text!r}"
    hour, minute = int(clock[2]), int(clock[3])
    if clock[4]:
        assert 1 <= hour <= 12, f"not a 12-hour time: {text!r}"
        hour = hour % 12 + (12 if clock[4] == "PM" else 0)
    day = shown_date(clock[1], lang)
    return datetime(day.year, day.month, day.day, hour, minute)
