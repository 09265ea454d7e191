"""Contact messages as CSV that a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from flask import Response

from ..models import ContactMessage
from ..models.base import utcnow

# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "id",
    "received_utc",
    "status",
    "language",
    "name",
    "email",
    "company",
    "phone",
    "message",
    "mail_sent_utc",
    "mail_error",
)


def csv_cell(value) -> str:
    """One cell: text that could start a formula gets a leading quote; times in ISO form."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def message_row(message: ContactMessage) -> list[str]:
    """A message's cells in the order of ``COLUMNS``."""
    values = (
        message.id,
        message.created_at,
        message.status,
        message.language,
        message.name,
        message.email,
        message.company,
        message.phone,
        message.text,
        message.mail_sent_at,
        message.mail_error,
    )
    return [csv_cell(value) for value in values]


def messages_csv(messages: Iterable[ContactMessage]) -> str:
    """The CSV text, with a byte order mark so that Excel reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for message in messages:
        writer.writerow(message_row(message))
    return "\ufeff" + buffer.getvalue()


def csv_response(messages: Iterable[ContactMessage]) -> Response:
    """A download of the messages, named after today's date."""
    filename = f"contact-messages-{utcnow():%Y-%m-%d}.csv"
    return Response(
        messages_csv(messages),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
