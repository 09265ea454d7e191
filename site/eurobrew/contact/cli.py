"""``flask messages ...``: e-mail the unsent contact messages again; delete old ones."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import delete, select

from ..extensions import db
from ..models import ContactMessage
from ..models.base import utcnow
from .mail import MailNotConfigured, send_stored

messages_cli = AppGroup("messages", help="Messages sent through the contact form.")


@messages_cli.command("resend")
def resend() -> None:
    """E-mail every message whose e-mail has not gone out yet; fails if some still fail."""
    unsent = db.session.scalars(
        select(ContactMessage)
        .where(ContactMessage.mail_sent_at.is_(None))
        .order_by(ContactMessage.id)
    ).all()
    if not unsent:
        click.echo("No unsent messages.")
        return
    try:
        sent = send_stored(list(unsent))
    except MailNotConfigured as error:
        raise click.ClickException(f"Cannot send e-mail: {error}.") from None
    db.session.commit()
    failed = len(unsent) - sent
    click.echo(f"Sent {sent} of {len(unsent)} unsent messages.")
    if failed:
        errors = sorted({m.mail_error for m in unsent if m.mail_sent_at is None})
        raise click.ClickException(f"{failed} could not be sent: {'; '.join(errors)[:500]}")


@messages_cli.command("purge")
@click.option(
    "--older-than",
    "days",
    type=click.IntRange(min=1),
    default=None,
    help="Delete messages older than this many days (default: CONTACT_RETENTION_DAYS, 365).",
)
def purge(days: int | None) -> None:
    """Delete messages older than DAYS days, as the privacy notice promises."""
    days = days or current_app.config["CONTACT_RETENTION_DAYS"]
    cutoff = utcnow() - timedelta(days=days)
    result = db.session.execute(delete(ContactMessage).where(ContactMessage.created_at < cutoff))
    db.session.commit()
    deleted = result.rowcount
    click.echo(f"Deleted {deleted} message{'' if deleted == 1 else 's'} older than {days} days.")
