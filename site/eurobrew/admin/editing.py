"""What every editor shares: versions, revisions, and conflicts that lose nobody's work.

An edit form carries the version it was loaded from. Saved from an older version, it is not
applied: the form comes back (409) with what was typed in the fields and, beside each field
that differs, what is saved now, who saved it and when, and a choice per field. Sent again,
the choices say which fields take the saved text.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from flask import request
from markupsafe import Markup
from werkzeug.datastructures import CombinedMultiDict, MultiDict

from ..models.recording import (  # noqa: F401 - the editors import them from here
    BASELINES,
    EditConflict,
    add_revision,
    commit_revision,
    commit_revisions,
    ensure_baseline,
)
from ..models.revisions import Revision, revision_of_version, revisions_of
from ..models.translated import normal_text
from .field_locks import is_locked, lock_formdata
from .kinds import Kind

# Fields compared between what was typed and what is saved: every one a person types.
UNTYPED_FIELDS = frozenset({"SubmitField", "FileField", "CSRFTokenField", "HiddenField"})
NOT_COMPARED = frozenset({"remove_photo", "csrf_token"})
MERGE_PREFIX = "merge-"
WORD = re.compile(r"\s*\S+\s*|\s+")


@dataclass(frozen=True)
class FieldConflict:
    """One field whose saved value differs from what the editor typed."""

    saved: str
    diff: Markup  # the saved text, with what differs from the typed text marked
    choice: str  # "mine" or "saved": pre-selected as a three-way merge suggests


def is_stale(form_version: str | None, item) -> bool:
    """True when the form was loaded from another version than the one saved now.

    A form with no version at all did not come from an editor: its own check refuses it.
    """
    version = str(form_version or "")
    return version.isdigit() and version != str(item.version)


@dataclass(frozen=True)
class Editor:
    """A kind's edit form, and how it is filled from an item."""

    kind: Kind
    form_class: type
    form_data: Callable[[object], dict]

    def values_of(self, item) -> dict[str, str]:
        """The values the form shows for ``item``, as a browser would send them back."""
        return field_values(self.form_class(formdata=None, data=self.form_data(item)))

    def values_at(self, item, version: str | None) -> dict[str, str] | None:
        """The values the form showed at ``version`` of ``item`` (None if not recorded)."""
        if not (version or "").isdigit():
            return None
        revision = revision_of_version(self.kind.name, item.id, int(version))
        if revision is None:
            return None
        then = self.kind.model()  # never added to the session
        self.kind.restore(then, revision.data)
        return self.values_of(then)


def field_values(form) -> dict[str, str]:
    """What a browser would send for each typed field of ``form`` (files and tokens aside)."""
    values = {}
    for field in form:
        if field.type == "FormField":
            values.update(field_values(field))
        elif field.type == "BooleanField":
            if field.short_name not in NOT_COMPARED:
                values[field.name] = "y" if field.data else ""
        elif field.type not in UNTYPED_FIELDS and field.short_name not in NOT_COMPARED:
            shown = getattr(field, "_value", None)  # a select shows its value as it is
            values[field.name] = shown() if shown else str(field.data or "")
    return values


def conflicts(editor: Editor, item, form) -> dict[str, FieldConflict]:
    """Each field where the typed value differs from the saved one, keyed by field name.

    Where the editor left a field as it was when the form was loaded, the saved value is
    suggested; where the editor changed it, their own text is.
    """
    saved = editor.values_of(item)
    base = editor.values_at(item, form.version.data)
    typed = field_values(form)
    found = {}
    for key in sorted(saved.keys() | typed.keys()):
        mine, theirs = normal_text(typed.get(key, "")), normal_text(saved.get(key, ""))
        if mine == theirs:
            continue
        untouched = base is not None and mine == normal_text(base.get(key, ""))
        found[key] = FieldConflict(
            theirs, word_diff(mine, theirs), "saved" if untouched else "mine"
        )
    return found


def submitted(editor: Editor, item, file_fields: tuple[str, ...] = ()) -> CombinedMultiDict:
    """The form as sent, with every field marked "take the saved version" set to it.

    Choices count only when the form is based on the version saved now: otherwise it is
    stale, and the editor is shown the conflict again.
    """
    form = request.form
    chosen = [
        key.removeprefix(MERGE_PREFIX)
        for key, value in form.items()
        if key.startswith(MERGE_PREFIX) and value == "saved"
    ]
    if chosen and item is not None and not is_stale(form.get("version"), item):
        saved = editor.values_of(item)
        form = form.copy()
        for key in chosen:
            if key in saved:
                form.setlist(key, [saved[key]] if saved[key] else [])
    # A translator's form: other languages and shared fields keep their saved values.
    form = lock_formdata(form, editor.values_of(item) if item is not None else None)
    files = MultiDict(
        [
            (k, v)
            for k, v in request.files.items(multi=True)
            if k in file_fields and not is_locked(k)
        ]
    )
    return CombinedMultiDict((files, form))


def last_change(kind: Kind, item) -> Revision | None:
    """The newest revision of ``item``: who saved what is there now, and when."""
    revisions = revisions_of(kind.name, item.id)
    return revisions[0] if revisions else None


def word_diff(mine: str, saved: str) -> Markup:
    """``saved`` with the words it lacks from ``mine`` struck out and its own marked new.

    Words keep their following spaces, so a run of changed words is one mark, not many.
    """
    a, b = WORD.findall(mine), WORD.findall(saved)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return Markup("".join(out))  # noqa: S704 - every piece escaped above
