"""Field checks shared by the admin's forms and the visitors' contact form."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms.validators import Length, ValidationError

# A plain check: the address must look like one; whether it exists only a reply tells. No
# characters that would need quoting in a mail header or a mailto: link.
EMAIL_PATTERN = re.compile(r"^[^@\s<>,;\"()\[\]\\]+@[^@\s<>,;\"()\[\]\\]+\.[^@\s<>,;\"()\[\]\\]+$")
PHONE_PATTERN = re.compile(r"^[0-9+()/ .-]*$")


def single_line(form, field):
    """One-line fields (titles, names, addresses) must not hide line breaks."""
    if field.data and any(c in field.data for c in "\r\n"):
        raise ValidationError(_l("This field must be a single line."))


def max_length(limit: int) -> Length:
    """A length limit that says the limit in the reader's language."""
    return Length(max=limit, message=_l("At most %(max)d characters, please."))


def email_address(form, field):
    """An e-mail address, when one was given."""
    if field.data and not EMAIL_PATTERN.match(field.data):
        raise ValidationError(_l("Enter an address like name@example.sk."))


def phone_number(form, field):
    """A phone or fax number, when one was given: digits and the usual separators."""
    if field.data and not PHONE_PATTERN.match(field.data):
        raise ValidationError(_l("Use only digits, spaces and + ( ) / - ."))
