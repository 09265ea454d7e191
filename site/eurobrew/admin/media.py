"""The image library: a grid to search, adding an image, describing it, and its removal.

An image is uploaded once and placed anywhere (``![](media:42)`` in a body). Its texts
are saved like an article's (versions, conflicts, revisions); it goes to the trash only
when nothing shows it.
"""

from __future__ import annotations

import contextlib

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from ..extensions import db
from ..models import Image
from ..models.base import utcnow
from ..models.revisions import RevisionAction
from . import bp
from .audit import record_event
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
from .field_locks import disable_locked
from .forms import VersionedConfirmForm
from .kinds import IMAGE
from .media_forms import ImageForm
from .media_queries import image_uses, library
from .media_service import image_data, new_picture_of, save_image
from .uploads import PictureNotStored

EDITOR = Editor(IMAGE, ImageForm, image_data)
FILE_FIELDS = ("file",)


@bp.get("/media/")
def media_library():
    """Every image (or those the search finds) as a grid, with the code that places it."""
    search = (request.args.get("q") or "").strip()[:200]
    return render_template("admin/media.html", images=library(search), search=search)


def form_page(form: ImageForm, image: Image | None, status: int = 200, **context):
    """The image form as it stands, with where the image is used."""
    disable_locked(form)
    uses = image_uses(image.id) if image is not None else []
    return render_template(
        "admin/media_form.html", form=form, image=image, uses=uses, **context
    ), status


def edit_form(form: ImageForm, image: Image | None):
    """Save, or show the form again with what is wrong next to each field."""
    if not form.validate_on_submit():
        if form.is_submitted() and form.picture is not None:
            keep_new_picture(form)
        return form_page(form, image, 400 if form.is_submitted() else 200)
    if image is None and form.picture is None and not form.pending_file.data:
        form.file.errors.append(gettext("Choose a picture to add."))
        return form_page(form, image, 400)
    try:
        saved = save_image(image, form, current_user.username)
    except EditConflict:
        return conflict_page(form, db.session.get(Image, image.id))
    except PictureNotStored:
        return form_page(form, image, 400)
    flash(gettext("The image was saved."), "success")
    return redirect(url_for("admin.edit_image", image_id=saved.id))


def keep_new_picture(form: ImageForm) -> None:
    """Store a valid new file of a form shown again: browsers cannot put it back."""
    with contextlib.suppress(PictureNotStored):
        new_picture_of(form)


def conflict_page(form: ImageForm, image: Image | None):
    """409: saved meanwhile by someone else; what was typed stays, the choice is per field."""
    if image is None or image.in_trash:
        return form_page(form, None, 410, gone=image)
    found = conflicts(EDITOR, image, form)
    form.version.data = image.version
    return form_page(form, image, 409, conflicts=found, changed_by=last_change(IMAGE, image))


@bp.route("/media/new", methods=["GET", "POST"])
def new_image():
    """Add a picture to the library."""
    if request.method == "POST":
        return edit_form(ImageForm(formdata=submitted(EDITOR, None, FILE_FIELDS)), None)
    return edit_form(ImageForm(formdata=None, data={"version": 0}), None)


@bp.route("/media/<id:image_id>/edit", methods=["GET", "POST"])
def edit_image(image_id: int):
    """Describe an image; a save from an older version is a conflict."""
    image = db.session.get(Image, image_id)
    if image is None:
        abort(404)
    if image.in_trash:
        return form_page(ImageForm(formdata=None, data=image_data(image)), None, 410, gone=image)
    if request.method == "GET":
        return form_page(ImageForm(formdata=None, data=image_data(image)), image)
    form = ImageForm(formdata=submitted(EDITOR, image, FILE_FIELDS))
    if is_stale(form.version.data, image) and form.is_submitted():
        return conflict_page(form, image)
    return edit_form(form, image)


@bp.route("/media/<id:image_id>/delete", methods=["GET", "POST"])
def delete_image(image_id: int):
    """Ask first; an image nothing shows goes to the trash, one in use stays (and says where)."""
    image = db.get_or_404(Image, image_id)
    if image.in_trash:
        return redirect(url_for("admin.trash"))
    uses = image_uses(image.id)
    form = VersionedConfirmForm()
    context = {"image": image, "form": form, "uses": uses}
    if not form.validate_on_submit():
        form.version.data = image.version
        return render_template("admin/media_delete.html", **context)
    if uses or is_stale(form.version.data, image):
        form.version.data = image.version
        return render_template("admin/media_delete.html", refused=True, **context), 409
    ensure_baseline(IMAGE, image)
    record_event("image deleted", current_user.username, f"image {image.id}")
    image.deleted_at = utcnow()
    image.deleted_by = current_user.username
    commit_revision(IMAGE, image, RevisionAction.DELETED, current_user.username)
    flash(gettext("The image is in the trash; it can be restored from there."), "success")
    return redirect(url_for("admin.media_library"))
