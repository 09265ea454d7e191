"""The content's .po files on the Translations page: download one language, upload a
translated file, see what it would change (a preview), then apply it.

The uploaded file travels with the preview as a hidden field (compressed), so the preview
and the apply step may be served by any worker or host, and nothing is kept on disk.
"""

from __future__ import annotations

import base64
import binascii
import io
import zlib

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from flask_wtf.file import FileField

from ..content_po.apply import apply_plan
from ..content_po.export import ONLY, export_content
from ..content_po.outcome import Plan
from ..content_po.plan import make_plan
from ..i18n import LANGUAGES
from ..models.recording import EditConflict
from . import bp
from .forms import AdminForm
from .permissions import can

SHOWN = 300  # items and skipped entries a preview lists; the counts say the rest


class ImportForm(AdminForm):
    """A translated .po file of the content."""

    file = FileField()


class ApplyForm(AdminForm):
    """Apply a previewed file (the file itself comes back in ``file_data``)."""


def pack(data: bytes) -> str:
    """A file as a hidden field's value."""
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def unpack(value: str) -> bytes | None:
    """A hidden field's file, or None when it is not one."""
    try:
        return zlib.decompress(base64.b64decode(value.encode("ascii"), validate=True))
    except (binascii.Error, zlib.error, ValueError):
        return None


@bp.get("/translations/content.po")
def content_download():
    """One language's content as a .po file to translate."""
    lang, only = request.args.get("lang", ""), request.args.get("only") or None
    if lang not in LANGUAGES or (only is not None and only not in ONLY):
        message = gettext("Choose a language of the site, and what the file should hold.")
        heading = gettext("The file could not be made")
        return render_template("admin/message.html", heading=heading, message=message), 400
    if not can(current_user, "translate", language=lang):
        abort(403)
    handle = io.BytesIO()
    export_content(lang, handle, only)
    name = f"eurobrew-content-{lang}{'-' + only if only else ''}.po"
    return Response(
        handle.getvalue(),
        mimetype="text/x-gettext-translation",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _preview(plan: Plan, data: bytes, name: str, status: int = 200, error: str = ""):
    page = render_template(
        "admin/content_po_preview.html",
        plan=plan,
        file_data=pack(data),
        file_name=name,
        form=ApplyForm(),
        error=error,
        shown=SHOWN,
    )
    return page, status


def refuse_other_language(plan: Plan) -> None:
    """403 for a file in a language the account does not translate."""
    if plan.lang and not can(current_user, "translate", language=plan.lang):
        abort(403)


@bp.post("/translations/import")
def content_upload():
    """Check an uploaded file and show what it would change."""
    form = ImportForm()
    upload = request.files.get("file")
    if not form.validate_on_submit() or upload is None or not upload.filename:
        message = gettext("Choose a translated .po file to upload.")
        heading = gettext("No file was uploaded")
        return render_template("admin/message.html", heading=heading, message=message), 400
    data = upload.read()
    plan = make_plan(data)
    refuse_other_language(plan)
    return _preview(plan, data, upload.filename, 400 if plan.problems else 200)


@bp.post("/translations/import/apply")
def content_apply():
    """Save what a previewed file changes, with a revision per item, all or nothing."""
    form = ApplyForm()
    data = unpack(request.form.get("file_data", ""))
    name = request.form.get("file_name", "")[:200]
    if not form.validate_on_submit() or data is None:
        message = gettext("The previewed file did not come back whole. Upload it again.")
        heading = gettext("The file could not be applied")
        return render_template("admin/message.html", heading=heading, message=message), 400
    plan = make_plan(data)
    refuse_other_language(plan)
    if plan.problems:
        return _preview(plan, data, name, 400)
    try:
        changed = apply_plan(plan, current_user.username)
    except EditConflict:
        error = gettext("Something was edited while the file was saved; nothing was saved.")
        return _preview(make_plan(data), data, name, 409, error)
    flash(
        ngettext(
            "%(num)d item was updated from the file.",
            "%(num)d items were updated from the file.",
            changed,
        ),
        "success",
    )
    return redirect(url_for("admin.translations"))
