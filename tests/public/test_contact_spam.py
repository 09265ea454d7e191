"""Spam rules: honeypot, minimum time, signed start time, link limit and the hourly limit.

Every refused message is not stored, and the visitor gets the form back with the text kept.
"""

import html
import time

import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import func, select

from eurobrew.contact.spam import STAMP_MARK, STAMP_MAX_SECONDS, STAMP_SALT, issue_stamp
from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from eurobrew.web import limits
from support.auth import Clock
from support.mailserver import VISITOR, contact_form, hidden_value

SPAM_NOTE = "The message was not sent yet. Please check the form, wait a moment and send it again."


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ContactMessage))


def assert_kept(page: str) -> None:
    """What the visitor typed is in the form again."""
    assert f'value="{html.escape(VISITOR["name"])}"' in page
    assert html.escape(VISITOR["message"]) in page


def test_a_filled_honeypot_is_refused(client, demo_app):
    data = contact_form(client, demo_app, "/en/contact", website="https://spam.example")
    response = client.post("/en/contact", data=data)
    assert response.status_code == 400
    assert SPAM_NOTE in response.text
    assert_kept(response.text)
    assert "spam.example" not in response.text  # the trap is empty again
    assert count(demo_app) == 0


def test_a_form_sent_faster_than_a_person_can_is_refused(client, demo_app):
    html_page = client.get("/en/contact").text
    data = contact_form(client, demo_app, "/en/contact")
    data["started"] = hidden_value(html_page, "started")  # the page's own, just issued
    response = client.post("/en/contact", data=data)
    assert response.status_code == 400
    assert SPAM_NOTE in response.text
    assert_kept(response.text)
    assert count(demo_app) == 0


def test_the_minimum_time_is_configurable(client, demo_app):
    demo_app.config["CONTACT_MIN_SECONDS"] = 0
    page = client.get("/en/contact").text
    data = contact_form(client, demo_app, "/en/contact")
    data["started"] = hidden_value(page, "started")
    assert client.post("/en/contact", data=data).status_code == 302
    assert count(demo_app) == 1


def forged_stamps(app) -> dict:
    old = time.time() - 3600
    with app.app_context():
        genuine = issue_stamp(now=old)
    body, _, signature = genuine.rpartition(".")
    return {
        "missing": None,
        "empty": "",
        "bad-signature": body + "." + signature[::-1],
        "other-key": URLSafeTimedSerializer("not the app's key", salt=STAMP_SALT).dumps(STAMP_MARK),
        "unsigned-number": str(old),
        "not-our-mark": URLSafeTimedSerializer(app.secret_key, salt=STAMP_SALT).dumps({"t": "x"}),
        "too-old": _stamp(app, time.time() - STAMP_MAX_SECONDS - 60),
        "from-the-future": _stamp(app, time.time() + 3600),
        "very-long": "a" * 5000,
    }


def _stamp(app, at: float) -> str:
    with app.app_context():
        return issue_stamp(now=at)


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "empty",
        "bad-signature",
        "other-key",
        "unsigned-number",
        "not-our-mark",
        "too-old",
        "from-the-future",
        "very-long",
    ],
)
def test_a_missing_or_tampered_start_time_is_refused(client, demo_app, case):
    data = contact_form(client, demo_app, "/sk/kontakt")
    data["started"] = forged_stamps(demo_app)[case]
    if data["started"] is None:
        del data["started"]
    response = client.post("/sk/kontakt", data=data)
    assert response.status_code == 400
    assert "Správa sa zatiaľ neodoslala." in response.text
    assert count(demo_app) == 0


def test_more_than_three_links_is_a_form_error(client, demo_app):
    text = "See https://a.example http://b.example www.c.example and ftp://d.example"
    response = client.post(
        "/en/contact", data=contact_form(client, demo_app, "/en/contact", message=text)
    )
    assert response.status_code == 400
    assert "Please include at most 3 web addresses." in response.text
    assert 'aria-describedby="message-error-1"' in response.text
    assert count(demo_app) == 0
    three = "See https://a.example http://b.example and www.c.example"
    response = client.post(
        "/en/contact", data=contact_form(client, demo_app, "/en/contact", message=three)
    )
    assert response.status_code == 302
    assert count(demo_app) == 1


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/en/contact", "You have sent several messages in a short time."),
        ("/sk/kontakt", "V krátkom čase ste odoslali niekoľko správ."),
    ],
)
def test_the_sixth_message_in_an_hour_gets_429(client, demo_app, path, said, monkeypatch):
    # The limit's clock stands still: however long the posts take, the wait is the hour.
    monkeypatch.setattr(limits, "utcnow", Clock().utcnow)
    for _ in range(5):
        response = client.post(path, data=contact_form(client, demo_app, path))
        assert response.status_code == 302
    data = contact_form(client, demo_app, path, message="The sixth one")
    response = client.post(path, data=data)
    assert response.status_code == 429
    assert said in response.text
    assert "The sixth one" in response.text  # still in the form, for later
    assert int(response.headers["Retry-After"]) == 3600
    assert count(demo_app) == 5
    # Other addresses are not affected.
    other = contact_form(client, demo_app, path)
    response = client.post(path, data=other, environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert response.status_code == 302


def test_typing_mistakes_do_not_count_towards_the_limit(client, demo_app):
    for _ in range(6):
        data = contact_form(client, demo_app, "/en/contact", email="not an address")
        assert client.post("/en/contact", data=data).status_code == 400
    response = client.post("/en/contact", data=contact_form(client, demo_app, "/en/contact"))
    assert response.status_code == 302


def test_refused_spam_counts_towards_the_limit(client, demo_app):
    for _ in range(5):
        data = contact_form(client, demo_app, "/en/contact", website="x")
        assert client.post("/en/contact", data=data).status_code == 400
    response = client.post("/en/contact", data=contact_form(client, demo_app, "/en/contact"))
    assert response.status_code == 429
    assert count(demo_app) == 0


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_a_post_without_a_valid_csrf_token_is_refused_with_the_text_kept(client, demo_app, token):
    data = contact_form(client, demo_app, "/en/contact", csrf_token=token)
    response = client.post("/en/contact", data=data)
    assert response.status_code == 400
    assert "The form has expired." in response.text
    assert_kept(response.text)
    assert count(demo_app) == 0
    # The page it gives back can be sent.
    data["csrf_token"] = hidden_value(response.text, "csrf_token")
    assert client.post("/en/contact", data=data).status_code == 302
