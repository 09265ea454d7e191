"""The contact form end to end: stored, then e-mailed to a real SMTP server on loopback."""

from email.utils import getaddresses

import pytest
from sqlalchemy import select

from eurobrew.contact.mail import build_email
from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from eurobrew.models.base import utcnow
from servers import free_port
from support.mailserver import VISITOR, MailServer, contact_form

SENDER = "web@eurobrew.sk"
THANKS = {"sk": "Ďakujeme za vašu správu", "en": "Thank you for your message"}


@pytest.fixture
def app_config(mail_server):
    return {**mail_server.settings(), "MAIL_SENDER": SENDER}


def stored(app) -> list[ContactMessage]:
    with app.app_context():
        return list(db.session.scalars(select(ContactMessage).order_by(ContactMessage.id)))


@pytest.mark.parametrize(
    ("lang", "path", "thanks_path"),
    [("sk", "/sk/kontakt", "/sk/kontakt/dakujeme"), ("en", "/en/contact", "/en/contact/thank-you")],
)
def test_a_message_is_stored_mailed_and_thanked_for(
    client, demo_app, mail_server, lang, path, thanks_path
):
    response = client.post(path, data=contact_form(client, demo_app, path))
    assert response.status_code == 302
    assert response.headers["Location"] == thanks_path
    thanks = client.get(thanks_path)
    assert thanks.status_code == 200
    assert THANKS[lang] in thanks.text
    assert f'<html lang="{lang}">' in thanks.text

    [message] = stored(demo_app)
    assert (message.name, message.email, message.company, message.phone) == (
        VISITOR["name"],
        VISITOR["email"],
        VISITOR["company"],
        VISITOR["phone"],
    )
    assert message.text == VISITOR["message"]
    assert message.language == lang
    assert message.status == "new"
    assert message.mail_sent_at is not None and message.mail_error == ""
    assert (utcnow() - message.created_at).total_seconds() < 60

    [(recipients, mail)] = mail_server.inbox.received
    assert recipients == ["info@eurobrew.sk"]  # the contact record's address
    assert mail["To"] == "info@eurobrew.sk"
    assert mail["From"] == SENDER
    assert getaddresses([mail["Reply-To"]]) == [(VISITOR["name"], VISITOR["email"])]
    assert mail["Subject"] == f"Správa z webovej stránky: {VISITOR['name']}"
    body = mail.get_content().replace("\r\n", "\n")
    for value in (VISITOR["message"], VISITOR["company"], VISITOR["phone"], VISITOR["email"]):
        assert value in body


def test_line_breaks_cannot_add_mail_headers(client, demo_app, mail_server):
    data = contact_form(
        client,
        demo_app,
        "/en/contact",
        name="Eva\r\nBcc: victim@example.com",
        email="eva@example.sk\nBcc: victim@example.com",
    )
    response = client.post("/en/contact", data=data)
    assert response.status_code == 400
    assert "This field must be a single line." in response.text
    assert stored(demo_app) == [] and mail_server.messages == []


def test_an_e_mail_built_from_hostile_values_has_only_its_own_headers(demo_app):
    with demo_app.app_context():
        message = ContactMessage(
            name='Eva "\r\nBcc: victim@example.com',
            email="eva@example.sk",
            text="Hello\r\nBcc: nobody@example.com",
            language="en",
            created_at=utcnow(),
        )
        mail = build_email(message, "info@eurobrew.sk", SENDER)
    assert mail.get_all("Bcc") is None
    assert "\n" not in mail["Subject"] and "\n" not in mail["Reply-To"]
    assert getaddresses([mail["Reply-To"]])[0][1] == "eva@example.sk"


@pytest.fixture
def down_port():
    """A loopback port nothing listens on (yet)."""
    return free_port(18500, 18600)


def test_mail_failing_keeps_the_message_unsent_and_resend_delivers_it(demo_app, down_port):
    demo_app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=down_port, MAIL_TIMEOUT=5)
    client = demo_app.test_client()
    response = client.post("/sk/kontakt", data=contact_form(client, demo_app, "/sk/kontakt"))
    assert response.status_code == 302  # the visitor is thanked: the message is safe
    [message] = stored(demo_app)
    assert message.mail_sent_at is None
    assert "ConnectionRefusedError" in message.mail_error

    runner = demo_app.test_cli_runner()
    result = runner.invoke(args=["messages", "resend"])
    assert result.exit_code == 1, result.output
    assert "1 could not be sent" in result.output

    server = MailServer(down_port).start()
    try:
        result = runner.invoke(args=["messages", "resend"])
        assert result.exit_code == 0, result.output
        assert "Sent 1 of 1" in result.output
        assert len(server.messages) == 1
        assert VISITOR["message"] in server.messages[0].get_content().replace("\r\n", "\n")
    finally:
        server.stop()
    [message] = stored(demo_app)
    assert message.mail_sent_at is not None and message.mail_error == ""
    again = runner.invoke(args=["messages", "resend"])
    assert again.exit_code == 0 and "No unsent messages." in again.output


def test_a_refusing_server_leaves_the_message_unsent(client, demo_app, mail_server):
    mail_server.inbox.refuse = True
    response = client.post("/en/contact", data=contact_form(client, demo_app, "/en/contact"))
    assert response.status_code == 302
    [message] = stored(demo_app)
    assert message.mail_sent_at is None and "554" in message.mail_error
    result = demo_app.test_cli_runner().invoke(args=["messages", "resend"])
    assert result.exit_code == 1
    mail_server.inbox.refuse = False
    result = demo_app.test_cli_runner().invoke(args=["messages", "resend"])
    assert result.exit_code == 0, result.output
    assert len(mail_server.messages) == 1


def test_without_smtp_the_message_is_only_stored(client, demo_app, mail_server):
    demo_app.config["MAIL_SERVER"] = ""
    response = client.post("/en/contact", data=contact_form(client, demo_app, "/en/contact"))
    assert response.status_code == 302
    [message] = stored(demo_app)
    assert message.mail_sent_at is None and message.mail_error == ""
    assert mail_server.messages == []
    result = demo_app.test_cli_runner().invoke(args=["messages", "resend"])
    assert result.exit_code == 1
    assert "MAIL_SERVER is not set" in result.output
