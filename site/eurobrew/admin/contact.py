"""The company's contact record: one form for the footer of every page."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired

from ..extensions import db
from ..models import CompanyContact
from ..validators import email_address, max_length, phone_number, single_line
from . import bp
from .forms import REQUIRED, AdminForm, strip_filter

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


@bp.route("/contact", methods=["GET", "POST"])
def contact():
    """Edit the contact record (created on first save if the database has none)."""
    record = db.session.scalars(select(CompanyContact).limit(1)).first()
    form = CompanyContactForm(obj=record)
    if form.validate_on_submit():
        if record is None:
            record = CompanyContact()
            db.session.add(record)
        for name in FIELD_NAMES:
            setattr(record, name, getattr(form, name).data or "")
        db.session.commit()
        flash(gettext("The contact data was saved."), "success")
        return redirect(url_for("admin.contact"))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/contact.html", form=form, field_names=FIELD_NAMES), status
