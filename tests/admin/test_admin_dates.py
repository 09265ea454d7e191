"""The admin shows dates and times in the site's own style, in the admin's language.

What is shown is read back (support.shown_date, shown_datetime), so a US short date
("12/1/26") fails while a harmless change of spacing by a Babel release passes.
"""

import re
from datetime import UTC, date, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from eurobrew.extensions import db
from eurobrew.models import Article, ContactMessage
from support import shown_date, shown_datetime

# The last minutes of 2026 in UTC are already the first of 2027 in Trnava.
SAVED_AT = datetime(2026, 12, 31, 23, 30)
SUMMER = datetime(2026, 7, 7, 12, 5)  # summer time: two hours ahead of UTC in Trnava


def local(app, moment: datetime) -> datetime:
    """A stored UTC time on the site's clock, as an admin there reads it."""
    zone = ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def cells_of_row(html: str, title: str) -> list[str]:
    """The text of each cell of the table row that links to ``title``."""
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S):
        if title in row:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
            return [" ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells]
    raise AssertionError(f"no row for {title!r}")


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("sk", "Japonsko navrhuje nákup"),
        ("en", "Japan proposes US purchase"),
    ],
)
def test_the_article_list_shows_the_sites_dates_in_the_admins_language(
    admin_client, demo_app, lang, title
):
    with demo_app.app_context():
        db.session.execute(update(Article).values(updated_at=SAVED_AT))
        db.session.commit()
    admin_client.set_cookie("lang", lang)
    cells = cells_of_row(admin_client.get("/admin/articles/").text, title)
    published, changed = cells[1], cells[4]
    assert shown_date(published, lang) == date(2025, 5, 29)
    assert shown_datetime(changed, lang) == local(demo_app, SAVED_AT)
    assert "/" not in published + changed  # no US short form such as 12/31/26


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_the_inbox_shows_when_a_message_arrived_and_was_e_mailed(admin_client, demo_app, lang):
    with demo_app.app_context():
        message = ContactMessage(
            name="Jana Nováková",
            email="jana@example.sk",
            text="Dobrý deň, máte záujem o spoluprácu?",
            language="sk",
            created_at=SAVED_AT,
            mail_sent_at=SUMMER,
        )
        db.session.add(message)
        db.session.commit()
        message_id = message.id
    admin_client.set_cookie("lang", lang)
    cells = cells_of_row(admin_client.get("/admin/messages/").text, "Jana Nováková")
    assert shown_datetime(cells[2], lang) == local(demo_app, SAVED_AT)
    page = admin_client.get(f"/admin/messages/{message_id}").text
    received, mailed = re.search(r"<dd>([^<]+)</dd>", page)[1], re.search(r"\(([^()]+)\)", page)
    assert shown_datetime(received, lang) == local(demo_app, SAVED_AT)
    assert mailed and shown_datetime(mailed[1], lang) == local(demo_app, SUMMER)
