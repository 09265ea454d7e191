"""What visitors sent through the contact form, kept for the admins' inbox."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import NEVER_REUSE_IDS, utcnow
from .translated import Versioned

# Field limits, shared by the form (maxlength, validation) and the columns.
NAME_MAX = 100
EMAIL_MAX = 254  # the longest address SMTP can carry
COMPANY_MAX = 200
PHONE_MAX = 50
TEXT_MAX = 5000
MAIL_ERROR_MAX = 500


class MessageStatus(enum.StrEnum):
    """Where a message stands in the inbox."""

    NEW = "new"
    READ = "read"
    ARCHIVED = "archived"


class ContactMessage(Versioned, db.Model):
    """One message from the contact form, with whether it was also sent by e-mail."""

    __tablename__ = "contact_messages"
    __table_args__ = (
        CheckConstraint("status IN ('new', 'read', 'archived')", name="status"),
        # The inbox lists newest first, often filtered by status; purge reads by age.
        Index("ix_contact_messages_listing", "status", "created_at"),
        Index("ix_contact_messages_created_at", "created_at"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX))
    company: Mapped[str] = mapped_column(String(COMPANY_MAX), default="")
    phone: Mapped[str] = mapped_column(String(PHONE_MAX), default="")
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default=MessageStatus.NEW.value)
    # None until the e-mail to the company went out; ``messages resend`` retries those.
    mail_sent_at: Mapped[datetime | None]
    mail_error: Mapped[str] = mapped_column(String(MAIL_ERROR_MAX), default="")
    # Name, e-mail, company and text, lower-case without diacritics, for the inbox's search
    # (written by search/index.py when the message is stored).
    search_text: Mapped[str] = mapped_column(Text, default="")

    @property
    def is_new(self) -> bool:
        """True until an admin has opened the message."""
        return self.status == MessageStatus.NEW.value
