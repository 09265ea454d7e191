"""The company's contact record: one form for the footer of every page."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired

from ..extensions import db
from ..models import CompanyContact
from ..models.base import utcnow
from ..models.revisions import RevisionAction
from ..models.translated import assign
from ..validators import email_address, max_length, phone_number, single_line
from . import bp
from .editing import (
    EditConflict,
    Editor,
    commit_revision,
    conflicts,
    ensure_baseline,
    is_stale,
    last_change,
    submitted,
)
from .forms import REQUIRED, AdminForm, VersionField, strip_filter
from .kinds import CONTACT

REQUIRED_FIELDS = {
    "name_sk": (_l("Company name in Slovak"), 200),
    "name_en": (_l("Company name in English"), 200),
    "street": (_l("Street and number"), 200),
    "postcode": (_l("Postcode"), 20),
    "city": (_l("City"), 100),
    "country_sk": (_l("Country in Slovak"), 100),
    "country_en": (_l("Country in English"), 100),
}
OPTIONAL_FIELDS = {
    "phone": (_l("Phone"), 50),
    "fax": (_l("Fax"), 50),
    "email": (_l("E-mail"), 200),
    "design_credit": (_l("Design credit"), 200),
}


class CompanyContactForm(AdminForm):
    """Every field of the contact record."""

    # The version of the record the form was loaded from (admin/editing.py).
    version = VersionField()
    save = SubmitField(_l("Save"))


for _name, (_label, _limit) in REQUIRED_FIELDS.items():
    setattr(
        CompanyContactForm,
        _name,
        StringField(
            _label,
            filters=[strip_filter],
            validators=[InputRequired(message=REQUIRED), max_length(_limit), single_line],
        ),
    )
FORMAT_CHECKS = {"phone": [phone_number], "fax": [phone_number], "email": [email_address]}
for _name, (_label, _limit) in OPTIONAL_FIELDS.items():
    extra = FORMAT_CHECKS.get(_name, [])
    setattr(
        CompanyContactForm,
        _name,
        StringField(
            _label, filters=[strip_filter], validators=[max_length(_limit), single_line, *extra]
        ),
    )
FIELD_NAMES = [*REQUIRED_FIELDS, *OPTIONAL_FIELDS]


def contact_data(record: CompanyContact) -> dict:
    """The form's initial values for the contact record."""
    return {"version": record.version, **{name: getattr(record, name) for name in FIELD_NAMES}}


EDITOR = Editor(CONTACT, CompanyContactForm, contact_data)


def save_contact(record: CompanyContact | None, form: CompanyContactForm, username: str) -> None:
    """Save the form (creating the record the first time) with its revision."""
    if record is None:
        record = CompanyContact()
        db.session.add(record)
    else:
        ensure_baseline(CONTACT, record)
    for name in FIELD_NAMES:
        assign(record, name, getattr(form, name).data or "")
    record.updated_by = username
    record.updated_at = utcnow()
    action = RevisionAction.SAVED if record.id else RevisionAction.CREATED
    commit_revision(CONTACT, record, action, username)


def editor_page(form: CompanyContactForm, record, status: int = 200, **context):
    """The contact data form, as it stands, with whatever the situation adds."""
    return render_template(
        "admin/contact.html", form=form, record=record, field_names=FIELD_NAMES, **context
    ), status


@bp.route("/contact", methods=["GET", "POST"])
def contact():
    """Edit the contact record (created on first save if the database has none)."""
    record = db.session.scalars(select(CompanyContact).limit(1)).first()
    if request.method == "GET":
        data = contact_data(record) if record else {"version": 0}
        return editor_page(CompanyContactForm(formdata=None, data=data), record)
    form = CompanyContactForm(formdata=submitted(EDITOR, record))
    if record is not None and is_stale(form.version.data, record):
        return conflict_page(form, record)
    if not form.validate():
        return editor_page(form, record, 400)
    try:
        save_contact(record, form, current_user.username)
    except EditConflict:
        return conflict_page(form, db.session.get(CompanyContact, record.id))
    flash(gettext("The contact data was saved."), "success")
    return redirect(url_for("admin.contact"))


def conflict_page(form: CompanyContactForm, record: CompanyContact):
    """409: saved meanwhile by someone else; what was typed stays, the choice is per field."""
    found = conflicts(EDITOR, record, form)
    form.version.data = record.version
    changed_by = last_change(CONTACT, record)
    return editor_page(form, record, 409, conflicts=found, changed_by=changed_by)
