"""The forms of the Accounts page: an account's name, password, role and languages."""

from __future__ import annotations

import re

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from wtforms import (
    PasswordField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import InputRequired, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..i18n import LANGUAGES
from ..i18n.locale import language_name
from ..models.users import MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH, MIN_PASSWORD_LENGTH, ROLES
from .forms import REQUIRED, AdminForm, ConfirmForm, strip_filter

# The same rule as ``flask users create``: lower-case ASCII, so "Eva" and "eva" are one.
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]*$")

ROLE_NAMES = {
    # Translators: a role: may do everything, accounts and roles too.
    "admin": _l("Administrator"),
    # Translators: a role: may edit all content, the image library and the inbox.
    "editor": _l("Editor"),
    # Translators: a role: may translate content into the languages given to it.
    "translator": _l("Translator"),
}


def username_rule(form, field) -> None:
    """1 to 80 characters: letters a-z, digits and . _ @ -."""
    field.data = (field.data or "").lower()
    if len(field.data) > MAX_USERNAME_LENGTH or not USERNAME.match(field.data):
        raise ValidationError(
            _l("Use letters a-z, digits and . _ @ - (starting with a letter or digit).")
        )


def password_rule(form, field) -> None:
    """An empty field keeps the password; a new one has 12 to 1024 characters."""
    if field.data and not MIN_PASSWORD_LENGTH <= len(field.data) <= MAX_PASSWORD_LENGTH:
        raise ValidationError(
            _l("A password has at least %(num)d characters.", num=MIN_PASSWORD_LENGTH)
        )


class RoleForm(AdminForm):
    """An account's role and, for a translator, its languages; a new password if given."""

    role = SelectField(_l("Role"), choices=[SelectChoice(role, ROLE_NAMES[role]) for role in ROLES])
    languages = SelectMultipleField(
        _l("Languages it translates (translators only)"),
        choices=[
            SelectChoice(code, LazyString(language_name, code, heading=True)) for code in LANGUAGES
        ],
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
    )
    password = PasswordField(
        _l("New password (leave empty to keep the current one)"), validators=[password_rule]
    )
    save = SubmitField(_l("Save"))

    def validate_languages(self, field) -> None:
        """A translator needs at least one language, or it could do nothing."""
        if self.role.data == "translator" and not field.data:
            raise ValidationError(_l("Choose the languages the translator works in."))


class AccountForm(RoleForm):
    """A new account: its username and first password too."""

    username = StringField(
        _l("Username"), filters=[strip_filter], validators=[InputRequired(REQUIRED), username_rule]
    )

    def validate_password(self, field) -> None:
        """A new account cannot do without a password."""
        if not field.data:
            raise ValidationError(REQUIRED)


class DeleteAccountForm(ConfirmForm):
    """Confirm the removal of an account."""
