"""The forms of the second login step and of the Security page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired

from ..models.factors import PASSKEY_NAME_LENGTH
from ..validators import max_length
from .forms import REQUIRED, AdminForm, strip_filter

CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "autocapitalize": "none",
    "spellcheck": "false",
    "inputmode": "text",
}


def code_field(label) -> StringField:
    """A one-time code: six digits from the app, or a recovery code."""
    return StringField(
        label,
        filters=[strip_filter],
        validators=[DataRequired(message=REQUIRED), max_length(40)],
        render_kw=CODE_ATTRS,
    )


def password_field() -> PasswordField:
    """The account's current password, asked again before a change to its factors."""
    return PasswordField(
        _l("Your password"),
        validators=[InputRequired(message=REQUIRED)],
        render_kw={"autocomplete": "current-password"},
    )


class SecondStepForm(AdminForm):
    """The second login step: a code from the app or a recovery code."""

    code = code_field(_l("Code from the app or a recovery code"))
    submit = SubmitField(_l("Continue"))


class ConfirmAppForm(AdminForm):
    """The first code of a newly added authenticator app, which proves it works."""

    code = code_field(_l("Code shown by the app"))
    submit = SubmitField(_l("Turn on"))


class RemoveFactorForm(AdminForm):
    """Removing a second factor: the password and a current code."""

    password = password_field()
    code = code_field(_l("Code from the app or a recovery code"))
    submit = SubmitField(_l("Remove"))


class NewCodesForm(AdminForm):
    """New recovery codes: the password."""

    password = password_field()
    submit = SubmitField(_l("Create new recovery codes"))


class PasskeyNameForm(AdminForm):
    """The name of a new passkey, so the admin can tell them apart."""

    name = StringField(
        _l("Name of the passkey"),
        filters=[strip_filter],
        validators=[max_length(PASSKEY_NAME_LENGTH)],
        render_kw={"placeholder": _l("e.g. laptop or security key")},
    )
    submit = SubmitField(_l("Add a passkey"))
