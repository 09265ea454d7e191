"""Forms shared by the admin pages: login, confirmations and small validators."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from werkzeug.datastructures import CombinedMultiDict, MultiDict
from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, ValidationError

from ..i18n.forms import SiteForm
from ..models.translated import normal_text
from ..models.users import MAX_USERNAME_LENGTH
from ..validators import max_length

# Translators: the short Markdown help shown under every body field of the admin; the codes
# ![](media:12) and {contact:...} stay exactly as they are.
MARKDOWN_HELP = _l(
    "Markdown: a blank line starts a new paragraph; **bold**, *italic*, "
    "[link text](https://example.com), lines starting with - make a list, ## a heading; "
    "![](media:12) on a line of its own shows image 12 of the library; {contact:phone}, "
    "{contact:email}, {contact:fax}, {contact:address} and {contact:name} show the company's "
    "contact data as it is saved. HTML is removed."
)
REQUIRED = _l("Please fill in this field.")
# C0 control characters but tab and line breaks: nobody types them, PostgreSQL refuses NUL
# in text, and XML (the news feeds) cannot carry any of them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_filter(value):
    """Every admin text field's filter: trims spaces, refuses control characters.

    Surrounding spaces are never meant, and a value of only spaces is empty; so is a field
    the request left out (the columns hold text, never NULL). Line breaks become LF. The
    ValueError becomes the field's error message.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    # Browsers send line breaks as CR LF: stored as LF, an untouched text compares equal.
    value = normal_text(value)
    if CONTROL_CHARACTERS.search(value):
        raise ValueError(_l("This field must not contain control characters."))
    return value


class AdminForm(SiteForm):
    """The base of the admin's forms: they read HTML form fields and nothing else.

    Flask-WTF also fills fields from uploaded files and JSON bodies, which would hand a
    text field a file or a number; here a file counts only for a file field, and a JSON
    body counts as no form at all, so odd requests end as form errors.
    """

    class Meta(SiteForm.Meta):
        def wrap_formdata(self, form, formdata):
            wrapped = super().wrap_formdata(form, formdata)
            if wrapped is formdata or wrapped is None or wrapped is request.form:
                return wrapped  # given by the caller, nothing sent, or a plain form
            if not isinstance(wrapped, CombinedMultiDict):
                return None  # a JSON body
            file_fields = {
                name for name, field in form._fields.items() if isinstance(field, FileField)
            }
            files = MultiDict(
                [(k, v) for k, v in request.files.items(multi=True) if k in file_fields]
            )
            return CombinedMultiDict((files, request.form))


def web_address(form, field):
    """An optional http(s) address: other schemes (javascript:, data:) never become links."""
    if not field.data:
        return
    parts = urlsplit(field.data)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in field.data:
        raise ValidationError(_l("Enter a web address starting with https:// or http://."))


class LoginForm(AdminForm):
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


def loaded_version(form, field) -> None:
    """The version an editor form was loaded from: a form without one was not loaded here."""
    if not str(field.data or "").isdigit():
        raise ValidationError(
            _l("This form did not come from the editor. Reload the page and try again.")
        )


class VersionField(HiddenField):
    """The version of the item an editor form was loaded from (admin/editing.py)."""

    def __init__(self, **kwargs):
        super().__init__(validators=[loaded_version], **kwargs)


class ConfirmForm(AdminForm):
    """A form whose only content is the CSRF token (delete)."""


class VersionedConfirmForm(ConfirmForm):
    """A confirmation that applies only to the version of the item it was shown for."""

    version = VersionField()
