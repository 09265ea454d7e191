"""History: every revision of an article, a page or the contact data, what each changed, and
restoring an old one (which adds a revision: history is never rewritten)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from ..extensions import db
from ..i18n import LANGUAGES
from ..i18n.locale import language_name
from ..models.revisions import RevisionAction, revision_at, revisions_of
from ..models.snapshots import flat_fields
from . import bp
from .article_forms import ArticleForm, ArticleTextForm
from .contact import CompanyContactForm
from .editing import commit_revision, ensure_baseline, is_stale, word_diff
from .forms import VersionedConfirmForm
from .kinds import KINDS, Kind
from .media_forms import ImageForm, ImageTextForm
from .page_forms import PageForm, PageTextForm

# Snapshot fields a form does not show by these names (None: not shown at all).
OTHER_LABELS = {"photo": _l("Photo"), "photo_width": None, "photo_height": None, "key": None}
OTHER_LABELS.update(stem=None, width=None, height=None)  # an image's files never change


@dataclass(frozen=True)
class FieldChange:
    """One field a revision changed: its label, and the new text with the change marked."""

    label: str
    diff: Markup


def kind_and_item(kind_name: str, item_id: int) -> tuple[Kind, object]:
    """The kind and its item, or a 404."""
    kind = KINDS.get(kind_name)
    if kind is None:
        abort(404)
    return kind, db.get_or_404(kind.model, item_id)


def field_label(key: str, labels: dict[str, str]) -> str | None:
    """A field's label in the admin's language, with the language it belongs to."""
    lang, _, name = key.partition("-")
    if name and lang in LANGUAGES:
        base = labels.get(name, name)
        return f"{base} ({language_name(lang)})"
    if key in OTHER_LABELS:
        return str(OTHER_LABELS[key]) if OTHER_LABELS[key] else None
    return labels.get(key, key)


def changes(before: dict | None, after: dict, labels: dict[str, str]) -> list[FieldChange]:
    """What ``after`` changed against ``before``, field by field and language by language."""
    old, new = flat_fields(before or {}), flat_fields(after)
    found = []
    for key in sorted(old.keys() | new.keys()):
        label = field_label(key, labels)
        if label and old.get(key, "") != new.get(key, ""):
            found.append(FieldChange(label, word_diff(old.get(key, ""), new.get(key, ""))))
    return found


@bp.get("/history/<kind>/<id:item_id>")
def history(kind: str, item_id: int):
    """Every revision of one item, newest first."""
    found, item = kind_and_item(kind, item_id)
    return render_template(
        "admin/history.html", kind=found, item=item, revisions=revisions_of(found.name, item_id)
    )


@bp.get("/history/<kind>/<id:item_id>/<int:number>")
def revision(kind: str, item_id: int, number: int):
    """One revision: who, when, and what it changed against the one before."""
    found, item = kind_and_item(kind, item_id)
    shown = revision_at(found.name, item_id, number) or abort(404)
    before = revision_at(found.name, item_id, number - 1)
    form = VersionedConfirmForm()
    form.version.data = item.version
    return render_template(
        "admin/revision.html",
        kind=found,
        item=item,
        revision=shown,
        changes=changes(before.data if before else None, shown.data, field_labels()),
        form=form,
    )


@bp.post("/history/<kind>/<id:item_id>/<int:number>/restore")
def restore_revision(kind: str, item_id: int, number: int):
    """Bring an old revision back as a new one."""
    found, item = kind_and_item(kind, item_id)
    shown = revision_at(found.name, item_id, number) or abort(404)
    form = VersionedConfirmForm()
    if not form.validate_on_submit() or is_stale(form.version.data, item):
        flash(gettext("It was changed meanwhile; nothing was restored. Look again."), "info")
        return redirect(url_for("admin.revision", kind=kind, item_id=item_id, number=number), 303)
    if getattr(item, "in_trash", False):
        flash(gettext("Restore it from the trash first."), "info")
        return redirect(url_for("admin.trash"), 303)
    ensure_baseline(found, item)
    found.restore(item, shown.data)
    item.updated_by = current_user.username
    commit_revision(found, item, RevisionAction.RESTORED, current_user.username)
    flash(gettext("Revision %(number)d was restored.", number=number), "success")
    return redirect(found.edit_url(item_id))


def field_labels() -> dict[str, str]:
    """Field labels in the admin's language, by field name (from the editors' forms)."""
    labels: dict[str, str] = {}
    forms = (ArticleTextForm, PageTextForm, ImageTextForm, ArticleForm, PageForm, ImageForm)
    for form_class in (*forms, CompanyContactForm):
        for name, unbound in vars(form_class).items():
            text = getattr(unbound, "args", None)
            if text and hasattr(unbound, "field_class"):
                labels.setdefault(name, str(text[0]))
    return labels
