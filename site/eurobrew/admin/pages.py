"""Page editors: the list of pages, creating and editing one, and moving one to the trash."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from ..extensions import db
from ..models import Page
from ..models.base import utcnow
from ..models.pages import HOME_KEY, has_subpages
from ..models.revisions import RevisionAction
from . import bp, queries
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
from .kinds import PAGE
from .page_forms import PageForm
from .page_service import (
    new_page_data,
    offer_parents,
    page_data,
    parent_refused,
    save_page,
    slug_clashes,
)
from .permissions import can
from .preview import page_preview
from .trash import restore_from_trash


@bp.get("/pages/")
def pages():
    """Every page in menu order, sub-pages under their parent, or those the search finds."""
    search = queries.search_words(request.args.get("q"))
    found = queries.all_pages(search)
    first, last = queries.first_and_last(found) if not search else (set(), set())
    return render_template(
        "admin/pages.html",
        pages=found,
        home_key=HOME_KEY,
        search=search,
        first=first,
        last=last,
        form=VersionedConfirmForm(),
    )


EDITOR = Editor(PAGE, PageForm, page_data)


def editor_page(form: PageForm, page: Page | None, status: int = 200, **context):
    """The page form, as it stands, with whatever the situation adds."""
    disable_locked(form)
    is_home = page is not None and page.key == HOME_KEY
    if not is_home:
        offer_parents(form, page)
    return render_template(
        "admin/page_form.html", form=form, page=page, is_home=is_home, **context
    ), status


def conflict_page(form: PageForm, page: Page):
    """409: saved meanwhile by someone else; what was typed stays, the choice is per field."""
    found = conflicts(EDITOR, page, form)
    form.version.data = page.version
    return editor_page(form, page, 409, conflicts=found, changed_by=last_change(PAGE, page))


def submit(form: PageForm, page: Page | None):
    """Validate, preview or save a sent form."""
    if not form.validate():
        return editor_page(form, page, 400)
    if form.preview.data:
        # Opened in a tab of its own: the form the editor came from stays as it was.
        preview = page_preview(form, page, page is not None and page.key == HOME_KEY)
        return preview if preview is not None else editor_page(form, page, 400)
    if page is None or page.key != HOME_KEY:
        offer_parents(form, page)
        refused = parent_refused(form, page)
        if refused:
            return editor_page(form, page, refused)
    if slug_clashes(form, page.id if page else None):
        return editor_page(form, page, 400)
    try:
        saved = save_page(page, form, current_user.username)
    except EditConflict:
        return conflict_page(form, db.session.get(Page, page.id))
    if saved is None:
        return editor_page(form, page, 400)
    flash(gettext("The page was saved."), "success")
    return redirect(url_for("admin.edit_page", page_id=saved.id))


@bp.route("/pages/new", methods=["GET", "POST"])
def new_page():
    """An empty page form; saved, the page joins the menu (or its parent's list)."""
    if request.method == "GET":
        return editor_page(PageForm(formdata=None, data=new_page_data()), None)
    return submit(PageForm(formdata=submitted(EDITOR, None)), None)


@bp.route("/pages/<id:page_id>/edit", methods=["GET", "POST"])
def edit_page(page_id: int):
    """The form of one page; a save from an older version is a conflict, one to a deleted
    page keeps the text and offers to restore the page with it."""
    page = db.get_or_404(Page, page_id)
    if request.method == "GET":
        form = PageForm(formdata=None, data=page_data(page))
        if page.key == HOME_KEY:
            form.mark_home()
        if page.in_trash:
            return editor_page(form, page, 410, gone=page)
        return editor_page(form, page)
    form = PageForm(formdata=submitted(EDITOR, page))
    if page.key == HOME_KEY:
        form.mark_home()
    if page.in_trash:
        if not request.form.get("undelete"):
            return editor_page(form, page, 410, gone=page)
        if not can(current_user, "delete"):
            abort(403)  # restoring from the trash is a deletion's undoing
        restore_from_trash(PAGE, page, current_user.username)
        form.version.data = page.version
    elif is_stale(form.version.data, page) and not form.preview.data:
        return conflict_page(form, page)
    return submit(form, page)


@bp.route("/pages/<id:page_id>/delete", methods=["GET", "POST"])
def delete_page(page_id: int):
    """Ask first; a POST from the version shown moves the page to the trash (not home, and
    not a page with sub-pages: they would be left without their section)."""
    page = db.get_or_404(Page, page_id)
    if page.key == HOME_KEY:
        abort(404)
    if page.in_trash:
        return redirect(url_for("admin.trash"))
    form = VersionedConfirmForm()
    if has_subpages(page.id):
        status = 409 if request.method == "POST" else 200
        return render_template("admin/page_delete.html", page=page, form=form, parent=True), status
    if form.validate_on_submit():
        if is_stale(form.version.data, page):
            form.version.data = page.version
            changed_by = last_change(PAGE, page)
            return render_template(
                "admin/page_delete.html", page=page, form=form, changed_by=changed_by
            ), 409
        ensure_baseline(PAGE, page)
        record_event("page deleted", current_user.username, f"page {page.id}")
        page.deleted_at = utcnow()
        page.deleted_by = current_user.username
        commit_revision(PAGE, page, RevisionAction.DELETED, current_user.username)
        flash(gettext("The page is in the trash; it can be restored from there."), "success")
        return redirect(url_for("admin.pages"))
    form.version.data = page.version
    return render_template("admin/page_delete.html", page=page, form=form)
