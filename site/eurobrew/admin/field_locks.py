"""What a translator's edit form leaves alone: the other languages and the shared fields.

They are shown disabled, and whatever a request sends for them is replaced by what is
saved, so a changed form cannot change them either.
"""

from __future__ import annotations

from flask_login import current_user
from werkzeug.datastructures import MultiDict

from ..i18n import LANGUAGES
from .permissions import can

# Fields every editor sends whatever it may change: the form's token, version and buttons.
ALWAYS_OPEN = frozenset({"csrf_token", "version", "preview", "save"})


def field_language(name: str) -> str | None:
    """The language of a field named "en-title", or None for a shared field."""
    prefix, dash, _ = name.partition("-")
    return prefix if dash and prefix in LANGUAGES else None


def is_locked(name: str, user=None) -> bool:
    """True when the account may not change the field called ``name``."""
    user = user or current_user
    if name in ALWAYS_OPEN or can(user, "edit"):
        return False
    language = field_language(name)
    return language is None or not can(user, "translate", language=language)


def lock_formdata(form: MultiDict, saved: dict[str, str] | None) -> MultiDict:
    """``form`` with every locked field set to its saved value (or dropped)."""
    if can(current_user, "edit"):
        return form
    kept = MultiDict([(key, value) for key, value in form.items(multi=True) if not is_locked(key)])
    for key, value in (saved or {}).items():
        if is_locked(key):
            kept.setlist(key, [value] if value else [])
    return kept


def disable_locked(form) -> None:
    """Show the fields the account may not change as disabled (browsers do not send them)."""
    if can(current_user, "edit"):
        return
    for field in form:
        if field.type == "FormField":
            disable_locked(field)
        elif is_locked(field.name):
            field.render_kw = {**(field.render_kw or {}), "disabled": True}
