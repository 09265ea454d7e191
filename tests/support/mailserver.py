"""A real SMTP server on a loopback port (aiosmtpd), and the contact form as a browser fills it."""

from __future__ import annotations

import re
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from eurobrew.contact.spam import issue_stamp
from servers import free_port

# Loopback ports the mail tests may use.
PORTS = (18500, 18600)


class Inbox:
    """aiosmtpd handler: keeps what arrives, or refuses every message when told to."""

    def __init__(self):
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.refuse:
            return "554 5.7.1 Message refused"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"


class MailServer:
    """An SMTP server on 127.0.0.1:``port``, started and stopped by the test."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port(*PORTS)
        self.inbox = Inbox()
        self.controller: Controller | None = None

    def start(self) -> MailServer:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return [message for _, message in self.inbox.received]

    def settings(self) -> dict:
        """The app's MAIL_* settings pointing at this server."""
        return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": self.port, "MAIL_TIMEOUT": 5}


VISITOR = {
    "name": "Eva Nováková",
    "email": "eva@example.sk",
    "company": "Pivovar Hlboká s.r.o.",
    "phone": "+421 900 123 456",
    "message": "Dobrý deň,\nmáte v ponuke sladovnícky jačmeň?\nĎakujem, Eva",
    "consent": "y",
}


def hidden_value(html: str, name: str) -> str:
    """The value of the hidden input ``name`` in ``html``."""
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html)
    assert match, f"no hidden field {name!r}"
    return match.group(1)


def contact_form(client, app, path: str, *, age: float = 60, **fields) -> dict:
    """Show the form at ``path`` and fill it as a visitor who took ``age`` seconds would.

    The start time is signed with the app's own serializer, dated back by ``age``: the
    test need not sleep past the minimum time.
    """
    html = client.get(path).get_data(as_text=True)
    with app.app_context():
        started = issue_stamp(now=time.time() - age)
    data = {"csrf_token": hidden_value(html, "csrf_token"), "started": started, "website": ""}
    data.update(VISITOR)
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}
