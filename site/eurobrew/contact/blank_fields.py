"""The contact form's empty fields, rendered once: the same markup for every visitor.

A visitor who opens the contact page gets empty fields whose labels, inputs and help texts
depend only on the language. Rendering them through WTForms' widgets and the template's
macros took half of the page's time, so an empty field's markup is kept in the memo's
fragments (per worker and content version; in debug mode never, so an edited catalog
shows at once). A field with a value or an error, and every hidden field (the CSRF token
is each visitor's own), is rendered as always; a hidden input is written directly, as
WTForms writes it (its widget took 36 us for one tag).
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape
from wtforms import Field, HiddenField
from wtforms.widgets import HiddenInput

from ..i18n.locale import current_language
from ..web.memo import memoize_per_content
from . import bp


def is_blank(field: Field) -> bool:
    """True for a visible field nobody has filled in or sent."""
    return not (isinstance(field, HiddenField) or field.data or field.errors or field.raw_data)


def hidden_input(field: Field) -> Markup | None:
    """A plain hidden field's ``<input>``, the tag WTForms' HiddenInput writes; None for a
    field with another widget."""
    if type(field.widget) is not HiddenInput:
        return None
    id_, name, value = escape(field.id), escape(field.name), escape(field._value())
    return Markup(f'<input id="{id_}" name="{name}" type="hidden" value="{value}">')  # noqa: S704


def kept_markup(field: Field, what: str, extra: tuple, render: Callable[[], str]) -> str:
    """``render()``'s markup of ``field``, kept while the field is blank; ``what`` and
    ``extra`` (hashable) tell apart the pieces kept for one field."""
    if not is_blank(field):
        return render()
    key = ("blank_field", what, current_language(), field.name, extra)
    try:
        hash(key)
    except TypeError:  # an attribute value that cannot be a key: not kept
        return render()
    return memoize_per_content(key, render, "fragments")


@bp.app_template_global()
def blank_field(field: Field, macro, *args) -> Markup:
    """``macro(field, *args)`` (a field with its label, help and errors), kept when blank."""
    return kept_markup(field, "macro", (macro.name, args), lambda: macro(field, *args))
