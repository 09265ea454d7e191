"""/sk/kontakt and /en/contact: the form, its thank-you page and the privacy notice.

A message is stored before anything else is tried; the e-mail to the company follows when
SMTP is configured, and its failure only marks the message unsent.
"""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for

from ..extensions import db
from ..i18n.locale import add_language_rules, current_language
from ..i18n.switch import same_page_everywhere
from ..models import ContactMessage
from ..web.layout import company_contact, set_menu_key
from ..web.limits import Limit, attempt_key, limited_attempt
from . import bp
from .form_markup import blank_form, sent_form
from .forms import ContactForm
from .mail import MailNotConfigured, mail_configured, record_failure, send_stored
from .spam import stamp_is_fresh

MENU_KEY = "contact"


def rate_limit() -> Limit:
    """Messages allowed from one address, e.g. "5 per hour" (``CONTACT_RATE_LIMIT``)."""
    return Limit.parse(current_app.config["CONTACT_RATE_LIMIT"])


def address_key() -> str:
    """What messages are counted by: the client's address (as the trusted proxies report it)."""
    return attempt_key("contact", request.remote_addr or "-")


def link_every_language(page: str) -> None:
    """The language switch leads to the same page in every other language."""
    same_page_everywhere(f"contact.{page}")
    set_menu_key(MENU_KEY)


def render_form(form: ContactForm | None, status: int = 200, problem: str | None = None):
    """The contact page: an opened form (None), or a sent one with what was typed kept."""
    hidden_fields, fields = blank_form() if form is None else sent_form(form)
    link_every_language("form")
    page = render_template(
        "contact/form.html",
        hidden_fields=hidden_fields,
        fields=fields,
        has_errors=form is not None and bool(form.errors),
        problem=problem,
    )
    return page, status


def looks_like_spam(form: ContactForm) -> bool:
    """The trap was filled, or the form came back too fast, too late or unsigned."""
    return bool(form.website.data) or not stamp_is_fresh(form.started.data)


def store(form: ContactForm, lang: str) -> ContactMessage:
    """Save the message first: whatever happens to the e-mail, nothing is lost."""
    message = ContactMessage(
        name=form.name.data,
        email=form.email.data,
        company=form.company.data or "",
        phone=form.phone.data or "",
        text=form.message.data,
        language=lang,
    )
    db.session.add(message)
    db.session.commit()
    current_app.logger.info("contact message %s stored (%s)", message.id, lang)
    return message


def forward(message: ContactMessage) -> None:
    """E-mail the stored message when SMTP is configured; a failure marks it unsent."""
    if not mail_configured():
        return
    try:
        send_stored([message])
    except MailNotConfigured as error:
        record_failure(message, error)
    db.session.commit()


def contact_form():
    """The contact record and the form; a valid message is stored, then e-mailed.

    Stored messages and refused spam count towards the hourly limit; typing mistakes do not.
    """
    if request.method != "POST":
        return render_form(None)
    form = ContactForm()
    with limited_attempt([address_key()], rate_limit()) as attempt:
        spam = looks_like_spam(form)
        valid = form.validate()
        if spam:
            attempt.count()
            return render_form(form, 400, "spam")
        if not valid:
            return render_form(form, 400)
        attempt.count()
        message = store(form, current_language())
    forward(message)
    return redirect(url_for("contact.thanks"))


def thanks():
    """Said after a message was stored, in the visitor's language."""
    link_every_language("thanks")
    return render_template("contact/thanks.html")


def privacy():
    """What the form stores, why and for how long."""
    link_every_language("privacy")
    return render_template(
        "contact/privacy.html",
        contact=company_contact(),
        retention_days=current_app.config["CONTACT_RETENTION_DAYS"],
    )


add_language_rules(bp, "contact", "form", contact_form, methods=["GET", "POST"])
add_language_rules(bp, "thanks", "thanks", thanks)
add_language_rules(bp, "privacy", "privacy", privacy)
