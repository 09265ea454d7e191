"""Field checks shared by the admin's forms and the visitors' contact form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms.validators import Length, ValidationError


def single_line(form, field):
    """One-line fields (titles, names, addresses) must not hide line breaks."""
    if field.data and any(c in field.data for c in "\r\n"):
        raise ValidationError(_l("This field must be a single line."))


def max_length(limit: int) -> Length:
    """A length limit that says the limit in the reader's language."""
    return Length(max=limit, message=_l("At most %(max)d characters, please."))
