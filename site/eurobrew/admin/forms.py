"""Forms shared by the admin pages: login, confirmations and small validators."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..models.users import MAX_USERNAME_LENGTH

# Translators: the short Markdown help shown under every body field of the admin.
MARKDOWN_HELP = _l(
    "Markdown: a blank line starts a new paragraph; **bold**, *italic*, "
    "[link text](https://example.com), lines starting with - make a list, ## a heading. "
    "HTML is removed."
)
REQUIRED = _l("Please fill in this field.")


def strip_filter(value):
    """Surrounding spaces are never meant; a value of only spaces is empty."""
    return value.strip() if isinstance(value, str) else value


def single_line(form, field):
    """One-line fields (titles, slugs, names) must not hide line breaks."""
    if field.data and any(c in field.data for c in "\r\n"):
        raise ValidationError(_l("This field must be a single line."))


def web_address(form, field):
    """An optional http(s) address: other schemes (javascript:, data:) never become links."""
    if not field.data:
        return
    parts = urlsplit(field.data)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in field.data:
        raise ValidationError(_l("Enter a web address starting with https:// or http://."))


def max_length(limit: int) -> Length:
    """A length limit that says the limit in the admin's language."""
    return Length(max=limit, message=_l("At most %(max)d characters, please."))


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField(
        _l("Username"),
        filters=[strip_filter],
        validators=[DataRequired(message=REQUIRED), max_length(MAX_USERNAME_LENGTH)],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    # No length check: a too long password is simply a wrong one.
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(message=REQUIRED)],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField(_l("Log in"))


class ConfirmForm(FlaskForm):
    """A form whose only content is the CSRF token (delete)."""
