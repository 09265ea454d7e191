"""The admin's inbox: unread count, list and filters, reading, archiving, deleting, CSV."""

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from eurobrew.models.base import utcnow
from support import hidden_fields_in


def add_message(app, number: int = 1, **fields) -> int:
    values = {
        "name": f"Visitor {number}",
        "email": f"visitor{number}@example.sk",
        "text": f"Question number {number}",
        "language": "en",
        "created_at": utcnow() - timedelta(minutes=number),
    }
    values.update(fields)
    with app.app_context():
        message = ContactMessage(**values)
        db.session.add(message)
        db.session.commit()
        return message.id


def status_of(app, message_id: int) -> str | None:
    with app.app_context():
        message = db.session.get(ContactMessage, message_id)
        return message.status if message else None


def token_of(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_the_inbox_needs_a_login(client):
    response = client.get("/admin/messages/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login")
    assert client.get("/admin/messages/export.csv").status_code == 302


def test_the_menu_counts_unread_messages(admin_client, demo_app):
    assert "unread" not in admin_client.get("/admin/").text
    first = add_message(demo_app, 1)
    add_message(demo_app, 2)
    assert '<span class="badge">2 unread</span>' in admin_client.get("/admin/").text
    admin_client.get(f"/admin/messages/{first}")
    assert '<span class="badge">1 unread</span>' in admin_client.get("/admin/").text


@pytest.mark.parametrize(
    ("count", "said"), [(1, "1 neprečítaná"), (3, "3 neprečítané"), (5, "5 neprečítaných")]
)
def test_the_unread_count_speaks_slovak_plurals(admin_client, demo_app, count, said):
    for number in range(count):
        add_message(demo_app, number)
    admin_client.set_cookie("lang", "sk")
    assert said in admin_client.get("/admin/").text


def test_opening_a_message_marks_it_read(admin_client, demo_app):
    message_id = add_message(demo_app, company="Pivovar", phone="+421 1")
    page = admin_client.get(f"/admin/messages/{message_id}")
    assert page.status_code == 200
    assert "Question number 1" in page.text and "Pivovar" in page.text
    assert 'href="mailto:visitor1@example.sk"' in page.text
    assert status_of(demo_app, message_id) == "read"
    assert admin_client.get("/admin/messages/999").status_code == 404


def test_the_list_filters_by_status_and_words_and_pages(admin_client, demo_app):
    for number in range(1, 26):
        add_message(demo_app, number)
    archived = add_message(demo_app, 30, status="archived", text="An old 100% question")
    page = admin_client.get("/admin/messages/").text
    assert "25 messages" in page and "Visitor 1<" in page and "Visitor 30" not in page
    assert 'rel="next" href="/admin/messages/?page=2"' in page
    assert "Visitor 25<" in admin_client.get("/admin/messages/?page=2").text
    assert admin_client.get("/admin/messages/?page=3").status_code == 404
    page = admin_client.get("/admin/messages/?status=archived").text
    assert "1 message" in page and f"/admin/messages/{archived}" in page
    assert "26 messages" in admin_client.get("/admin/messages/?status=all").text
    page = admin_client.get("/admin/messages/?status=all&q=number+12").text
    assert "1 message" in page and "Visitor 12" in page
    # Search words are text, not patterns.
    assert "1 message" in admin_client.get("/admin/messages/?status=all&q=100%25").text
    assert "0 messages" in admin_client.get("/admin/messages/?status=all&q=_").text
    assert admin_client.get("/admin/messages/?status=bogus&q=%00").status_code == 200


def test_archive_and_restore(admin_client, demo_app):
    message_id = add_message(demo_app)
    page = admin_client.get(f"/admin/messages/{message_id}").text
    response = admin_client.post(
        f"/admin/messages/{message_id}/archive", data=hidden_fields_in(page)
    )
    assert response.status_code == 302
    assert status_of(demo_app, message_id) == "archived"
    assert "0 messages" in admin_client.get("/admin/messages/").text
    page = admin_client.get(f"/admin/messages/{message_id}").text
    assert "Move back to the inbox" in page
    admin_client.post(f"/admin/messages/{message_id}/restore", data=hidden_fields_in(page))
    assert status_of(demo_app, message_id) == "read"


def test_an_action_on_a_message_changed_meanwhile_does_nothing(admin_client, demo_app):
    message_id = add_message(demo_app)
    shown = admin_client.get(f"/admin/messages/{message_id}").text  # Eva's tab
    other = admin_client.get(f"/admin/messages/{message_id}").text  # another tab, same admin
    admin_client.post(f"/admin/messages/{message_id}/archive", data=hidden_fields_in(other))
    admin_client.post(
        f"/admin/messages/{message_id}/restore",
        data=hidden_fields_in(admin_client.get(f"/admin/messages/{message_id}").text),
    )
    late = admin_client.post(f"/admin/messages/{message_id}/archive", data=hidden_fields_in(shown))
    assert late.status_code == 409
    assert "changed this message after you opened it; nothing was done" in late.text
    assert status_of(demo_app, message_id) == "read"


def test_delete_asks_first_then_erases(admin_client, demo_app):
    message_id = add_message(demo_app)
    confirm = admin_client.get(f"/admin/messages/{message_id}/delete")
    assert confirm.status_code == 200
    assert "Do you really want to delete the message from Visitor 1" in confirm.text
    assert status_of(demo_app, message_id) == "new"
    response = admin_client.post(
        f"/admin/messages/{message_id}/delete", data=hidden_fields_in(confirm.text)
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/messages/"
    assert status_of(demo_app, message_id) is None
    assert "The message was deleted." in admin_client.get("/admin/messages/").text


def read_csv(response) -> list[list[str]]:
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def test_the_csv_export_is_a_safe_download(admin_client, demo_app):
    add_message(demo_app, 1, text='=HYPERLINK("http://evil.example","click")')
    add_message(demo_app, 2, name="+1+2", company="-2", phone="@SUM(A1)")
    add_message(demo_app, 3, name="\tTab", company="\rReturn", text='a, "quoted"\nsecond line')
    response = admin_client.get("/admin/messages/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = read_csv(response)
    header, *data = rows
    assert header[:5] == ["id", "received_utc", "status", "language", "name"]
    by_name = {row[4]: row for row in data}
    first = by_name["Visitor 1"]
    assert first[8] == '\'=HYPERLINK("http://evil.example","click")'
    second = by_name["'+1+2"]
    assert second[6] == "'-2" and second[7] == "'@SUM(A1)"
    third = by_name["'\tTab"]
    assert third[6] == "'\rReturn"
    assert third[8] == 'a, "quoted"\nsecond line'
    for row in data:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_the_csv_export_follows_the_filters(admin_client, demo_app):
    add_message(demo_app, 1)
    add_message(demo_app, 2, status="archived")
    rows = read_csv(admin_client.get("/admin/messages/export.csv?status=archived"))
    assert [row[4] for row in rows[1:]] == ["Visitor 2"]
    assert len(read_csv(admin_client.get("/admin/messages/export.csv?status=all"))) == 3


def test_every_new_post_route_is_refused_without_a_token(admin_client, demo_app):
    message_id = add_message(demo_app)
    for action in ("archive", "restore", "delete"):
        response = admin_client.post(f"/admin/messages/{message_id}/{action}")
        assert response.status_code == 400, action
    with demo_app.app_context():
        assert db.session.scalars(select(ContactMessage.status)).one() == "new"
