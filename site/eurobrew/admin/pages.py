"""Page editors: the list of pages, the form of one page, and moving a page to the trash."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import Page, PageOldSlug, PageTranslation
from ..models.base import utcnow
from ..models.pages import HOME_KEY
from ..models.revisions import RevisionAction
from ..models.translated import set_translations
from . import bp, queries
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
from .forms import VersionedConfirmForm
from .kinds import PAGE
from .page_forms import PageForm
from .preview import page_preview
from .trash import restore_from_trash


@bp.get("/pages/")
def pages():
    """Every page in menu order, or those the search finds."""
    search = queries.search_words(request.args.get("q"))
    return render_template(
        "admin/pages.html", pages=queries.all_pages(search), home_key=HOME_KEY, search=search
    )


def page_data(page: Page) -> dict:
    """The form's initial values for ``page``."""
    data: dict = {"version": page.version, "menu_order": page.menu_order, "visible": page.visible}
    for lang in LANGUAGES:
        t = page.translation(lang)
        data[lang] = {"title": t.title, "slug": t.slug, "body": t.body} if t else {}
    return data


EDITOR = Editor(PAGE, PageForm, page_data)


def slug_clashes(form: PageForm, page: Page) -> bool:
    """Mark each slug another page already uses in that language; True if any."""
    clash = False
    for lang, section in form.translations().items():
        owner = db.session.scalar(
            select(PageTranslation.page_id).where(
                PageTranslation.lang == lang, PageTranslation.slug == section.slug.data
            )
        )
        if owner is not None and owner != page.id:
            section.slug.errors.append(
                gettext("Another page already uses this slug. Choose another one.")
            )
            clash = True
    return clash


def save_page(page: Page, form: PageForm, username: str) -> bool:
    """Apply the form to ``page`` and commit it whole with its revision; False if a slug was
    taken meanwhile. Raises EditConflict when the page changed meanwhile."""
    try:
        ensure_baseline(PAGE, page)
        page.menu_order = form.menu_order.data
        page.visible = form.visible.data
        texts = {
            lang: {name: getattr(section, name).data for name in ("title", "slug", "body")}
            for lang, section in form.translations().items()
        }
        set_translations(page, texts, PageTranslation, PageOldSlug)
        page.updated_by = username
        page.updated_at = utcnow()
        commit_revision(PAGE, page, RevisionAction.SAVED, username)
    except IntegrityError:
        db.session.rollback()
        form.form_errors.append(gettext("A slug was taken meanwhile. Please check and save again."))
        return False
    return True


def editor_page(form: PageForm, page: Page | None, status: int = 200, **context):
    """The page form, as it stands, with whatever the situation adds."""
    is_home = page is not None and page.key == HOME_KEY
    return render_template(
        "admin/page_form.html", form=form, page=page, is_home=is_home, **context
    ), status


def conflict_page(form: PageForm, page: Page):
    """409: saved meanwhile by someone else; what was typed stays, the choice is per field."""
    found = conflicts(EDITOR, page, form)
    form.version.data = page.version
    return editor_page(form, page, 409, conflicts=found, changed_by=last_change(PAGE, page))


def submit(form: PageForm, page: Page):
    """Validate, preview or save a sent form."""
    if not form.validate():
        return editor_page(form, page, 400)
    if form.preview.data:
        # Opened in a tab of its own: the form the editor came from stays as it was.
        return page_preview(form, page, page.key == HOME_KEY)
    if slug_clashes(form, page):
        return editor_page(form, page, 400)
    try:
        if not save_page(page, form, current_user.username):
            return editor_page(form, page, 400)
    except EditConflict:
        return conflict_page(form, db.session.get(Page, page.id))
    flash(gettext("The page was saved."), "success")
    return redirect(url_for("admin.edit_page", page_id=page.id))


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
        restore_from_trash(PAGE, page, current_user.username)
        form.version.data = page.version
    elif is_stale(form.version.data, page) and not form.preview.data:
        return conflict_page(form, page)
    return submit(form, page)


@bp.route("/pages/<id:page_id>/delete", methods=["GET", "POST"])
def delete_page(page_id: int):
    """Ask first; a POST from the version shown moves the page to the trash (not home)."""
    page = db.get_or_404(Page, page_id)
    if page.key == HOME_KEY:
        abort(404)
    if page.in_trash:
        return redirect(url_for("admin.trash"))
    form = VersionedConfirmForm()
    if form.validate_on_submit():
        if is_stale(form.version.data, page):
            form.version.data = page.version
            changed_by = last_change(PAGE, page)
            return render_template(
                "admin/page_delete.html", page=page, form=form, changed_by=changed_by
            ), 409
        ensure_baseline(PAGE, page)
        page.deleted_at = utcnow()
        page.deleted_by = current_user.username
        commit_revision(PAGE, page, RevisionAction.DELETED, current_user.username)
        flash(gettext("The page is in the trash; it can be restored from there."), "success")
        return redirect(url_for("admin.pages"))
    form.version.data = page.version
    return render_template("admin/page_delete.html", page=page, form=form)
