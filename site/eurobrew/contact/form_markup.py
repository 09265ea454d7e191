"""The contact form's markup: its visible fields kept while blank, its hidden fields written.

Every visitor who opens the contact page gets the same empty fields (labels, inputs, help
texts), which depend only on the language; only the two hidden fields are their own (the
CSRF token and the signed start time). So an opened form's visible fields are rendered
once per language and content version and kept in the memo's fragments (in debug mode
never, so an edited catalog shows at once), and its hidden inputs are written directly,
as WTForms writes them: a GET builds no form object. A form sent back with errors shows
what was typed and is rendered in full.
"""

from __future__ import annotations

from flask import render_template
from markupsafe import Markup, escape

from ..i18n.locale import current_language
from ..web.memo import memoize_per_content
from ..web.signing import csrf_token
from .forms import ContactForm
from .spam import issue_stamp

FIELDS_TEMPLATE = "contact/_fields.html"


def hidden_input(name: str, value: str) -> Markup:
    """A hidden field's ``<input>``, the tag WTForms' HiddenInput writes for a field whose
    id is its name (WTForms' widget took 36 us for one tag)."""
    name, value = escape(name), escape(value)
    return Markup(f'<input id="{name}" name="{name}" type="hidden" value="{value}">')  # noqa: S704


def hidden_fields(csrf_token: str, started: str) -> Markup:
    """The form's hidden inputs: the visitor's CSRF token and the signed start time."""
    between = Markup("\n    ")  # the form's indentation, as the template had it
    return hidden_input("csrf_token", csrf_token) + between + hidden_input("started", started)


def blank_form() -> tuple[Markup, Markup]:
    """An opened form's hidden inputs (this visitor's) and visible fields (everyone's)."""
    fields = memoize_per_content(
        ("contact_fields", current_language()), render_blank_fields, "fragments"
    )
    return hidden_fields(csrf_token(), issue_stamp()), fields


def render_blank_fields() -> Markup:
    """The visible fields of a form nobody has filled in."""
    form = ContactForm(formdata=None, meta={"csrf": False})
    return Markup(render_template(FIELDS_TEMPLATE, form=form))  # noqa: S704 - autoescaped


def sent_form(form: ContactForm) -> tuple[Markup, Markup]:
    """A sent form shown again: a fresh start time, an empty trap, what was typed kept."""
    form.website.data = ""
    fields = Markup(render_template(FIELDS_TEMPLATE, form=form))  # noqa: S704 - autoescaped
    return hidden_fields(form.csrf_token.current_token, issue_stamp()), fields
