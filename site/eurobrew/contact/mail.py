"""E-mail of stored contact messages to the company, over SMTP (standard library only)."""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from datetime import UTC
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from flask import current_app
from flask_babel import force_locale, gettext

from ..i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES
from ..models import ContactMessage
from ..models.base import utcnow
from ..models.contact_messages import MAIL_ERROR_MAX
from ..web.layout import company_contact


class MailNotConfigured(RuntimeError):
    """No SMTP server is set (MAIL_SERVER), or the contact record has no e-mail address."""


def mail_configured() -> bool:
    """True when messages are to be e-mailed as well as stored."""
    return bool(current_app.config.get("MAIL_SERVER"))


def recipient() -> str:
    """The contact record's e-mail address, where messages go."""
    contact = company_contact()
    if contact is None or not contact.email:
        raise MailNotConfigured("the contact record has no e-mail address")
    return contact.email


def header_safe(text: str) -> str:
    """``text`` without control characters: nothing a visitor typed can add a header."""
    return "".join(c if c.isprintable() else " " for c in text).strip()


def reply_to(message: ContactMessage) -> str:
    """The visitor's name and address, quoted as a header needs them."""
    try:
        return str(Address(display_name=header_safe(message.name), addr_spec=message.email))
    except (ValueError, IndexError):
        # An address the parser refuses (the form is lenient): the bare address still works.
        return header_safe(message.email)


def build_email(message: ContactMessage, to: str, sender: str) -> EmailMessage:
    """The e-mail for one message, in the site's default language, Reply-To the visitor."""
    with force_locale(DEFAULT_LANGUAGE):
        # Translators: subject of the e-mail a contact message sends to the company;
        # %(name)s is the visitor's name.
        subject = gettext("Message from the website: %(name)s", name=header_safe(message.name))
        lines = [
            gettext("Name: %(value)s", value=message.name),
            gettext("E-mail: %(value)s", value=message.email),
            gettext("Company: %(value)s", value=message.company or "-"),
            gettext("Phone: %(value)s", value=message.phone or "-"),
            gettext("Language: %(value)s", value=LANGUAGE_NAMES.get(message.language, "-")),
            "",
            message.text,
            "",
            "-- ",
            gettext("Answer by replying to this e-mail. The message is also in the inbox."),
        ]
    email = EmailMessage()
    email["Subject"] = subject
    email["From"] = sender
    email["To"] = to
    email["Reply-To"] = reply_to(message)
    email["Date"] = format_datetime(message.created_at.replace(tzinfo=UTC), usegmt=True)
    email["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    email.set_content("\n".join(lines))
    return email


def smtp_connection() -> smtplib.SMTP:
    """A connection to MAIL_SERVER as configured: SSL, STARTTLS or plain; logged in if asked."""
    config = current_app.config
    use_ssl, use_tls = config["MAIL_USE_SSL"], config["MAIL_USE_TLS"]
    port = config["MAIL_PORT"] or (465 if use_ssl else 587 if use_tls else 25)
    timeout = config["MAIL_TIMEOUT"]
    if use_ssl:
        context = ssl.create_default_context()
        smtp = smtplib.SMTP_SSL(config["MAIL_SERVER"], port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(config["MAIL_SERVER"], port, timeout=timeout)
    try:
        if use_tls and not use_ssl:
            smtp.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
    except BaseException:
        smtp.close()
        raise
    return smtp


def send_stored(messages: list[ContactMessage]) -> int:
    """E-mail each stored message, recording the outcome on it; returns how many went out.

    A failure is written to the message (``mail_error``) and never raised, so nothing the
    visitor sent is lost; the caller commits.
    """
    if not messages:
        return 0
    if not mail_configured():
        raise MailNotConfigured("MAIL_SERVER is not set")
    to = recipient()
    sender = current_app.config["MAIL_SENDER"] or to
    sent = 0
    try:
        smtp = smtp_connection()
    except (OSError, smtplib.SMTPException) as error:
        for message in messages:
            record_failure(message, error)
        return 0
    try:
        for message in messages:
            try:
                smtp.send_message(build_email(message, to, sender))
            except (OSError, smtplib.SMTPException, ValueError) as error:
                record_failure(message, error)
            else:
                message.mail_sent_at = utcnow()
                message.mail_error = ""
                sent += 1
    finally:
        # What was sent is sent; a server that hangs up at the end changes nothing.
        with contextlib.suppress(OSError, smtplib.SMTPException):
            smtp.quit()
        smtp.close()
    return sent


def record_failure(message: ContactMessage, error: Exception) -> None:
    """Keep why the e-mail failed on the message (it stays unsent) and log it."""
    text = header_safe(f"{type(error).__name__}: {error}")[:MAIL_ERROR_MAX]
    message.mail_error = text
    current_app.logger.warning("contact message %s not e-mailed: %s", message.id, text)
