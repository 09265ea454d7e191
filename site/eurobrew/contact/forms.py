"""The visitor's contact form: fields, length limits and what each one accepts."""

from __future__ import annotations

import unicodedata

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, ValidationError

from ..i18n.forms import SiteForm
from ..models.contact_messages import COMPANY_MAX, EMAIL_MAX, NAME_MAX, PHONE_MAX, TEXT_MAX
from ..validators import email_address, max_length, phone_number, single_line
from .spam import MAX_LINKS, count_links

HONEYPOT_NAME = "website"


def clean_filter(value):
    """Without surrounding spaces, with plain line breaks, without other control characters.

    Browsers send line breaks as CR LF; control characters are never meant, and PostgreSQL
    refuses NUL in text: a visitor's stray byte must not turn a message into an error.
    """
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\t\n" or unicodedata.category(c) != "Cc").strip()


def few_links(form, field):
    """Messages full of links are what spam looks like."""
    if count_links(field.data) > MAX_LINKS:
        raise ValidationError(_l("Please include at most %(max)d web addresses.", max=MAX_LINKS))


class ContactForm(SiteForm):
    """Name, e-mail, optional company and phone, the message and the consent."""

    name = StringField(
        _l("Your name"),
        filters=[clean_filter],
        validators=[
            DataRequired(message=_l("Please tell us your name.")),
            max_length(NAME_MAX),
            single_line,
        ],
        render_kw={"maxlength": NAME_MAX, "autocomplete": "name"},
    )
    email = StringField(
        _l("E-mail"),
        filters=[clean_filter],
        validators=[
            DataRequired(message=_l("Please give us your e-mail address, so that we can answer.")),
            max_length(EMAIL_MAX),
            single_line,
            email_address,
        ],
        render_kw={
            "maxlength": EMAIL_MAX,
            "autocomplete": "email",
            "type": "email",
            "spellcheck": "false",
        },
    )
    company = StringField(
        _l("Company (optional)"),
        filters=[clean_filter],
        validators=[max_length(COMPANY_MAX), single_line],
        render_kw={"maxlength": COMPANY_MAX, "autocomplete": "organization"},
    )
    phone = StringField(
        _l("Phone (optional)"),
        filters=[clean_filter],
        validators=[
            max_length(PHONE_MAX),
            single_line,
            phone_number,
        ],
        render_kw={"maxlength": PHONE_MAX, "autocomplete": "tel", "type": "tel"},
    )
    message = TextAreaField(
        _l("Message"),
        filters=[clean_filter],
        validators=[
            DataRequired(message=_l("Please write your message.")),
            max_length(TEXT_MAX),
            few_links,
        ],
        render_kw={"maxlength": TEXT_MAX, "rows": 8},
    )
    consent = BooleanField(
        validators=[DataRequired(message=_l("Please agree, so that we may keep your message."))],
    )
    # Never shown to people; bots fill in every field they find.
    website = StringField(
        _l("Leave this field empty"),
        render_kw={"tabindex": "-1", "autocomplete": "off", "maxlength": 200},
    )
    started = HiddenField()
    send = SubmitField(_l("Send the message"))
