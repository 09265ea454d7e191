"""Article editors: the list with its filters, create, edit, preview and delete."""

from __future__ import annotations

import contextlib

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from ..extensions import db
from ..models import Article
from ..web.pagination import paginate
from . import bp, queries
from .article_forms import ArticleForm
from .article_service import form_data, new_photo_of, save_article, trash_article
from .editing import EditConflict, Editor, conflicts, is_stale, last_change, submitted
from .field_locks import disable_locked
from .forms import VersionedConfirmForm
from .kinds import ARTICLE
from .permissions import can
from .preview import article_preview
from .slugs import free_slug
from .trash import restore_from_trash
from .uploads import PictureNotStored

PER_PAGE = 20
EDITOR = Editor(ARTICLE, ArticleForm, form_data)
FILE_FIELDS = ("photo",)


@bp.get("/articles/")
def articles():
    """Every article not in the trash, a page at a time, by status and missing translation."""
    status = request.args.get("status") or ""
    missing = request.args.get("missing") or ""
    search = queries.search_words(request.args.get("q"))
    conditions = queries.article_filters(status, missing, search)
    pagination = paginate(queries.count_articles(conditions, status, missing, search), PER_PAGE)
    return render_template(
        "admin/articles.html",
        items=queries.articles_page(conditions, pagination),
        pagination=pagination,
        status=status,
        missing=missing,
        search=search,
        status_filters=queries.STATUS_FILTERS,
    )


def editor_page(form: ArticleForm, article: Article | None, status: int = 200, **context):
    """The article form, as it stands, with whatever the situation adds."""
    disable_locked(form)
    return render_template("admin/article_form.html", form=form, article=article, **context), status


def edit_form(form: ArticleForm, article: Article | None):
    """Preview, save, or show the form again with what is wrong next to each field."""
    if not form.validate_on_submit():
        if form.is_submitted():
            keep_new_photo(form)
        return editor_page(form, article, 400 if form.is_submitted() else 200)
    if form.preview.data:
        # Opened in a tab of its own: the form the editor came from stays as it was.
        preview = article_preview(form, article)
        return preview if preview is not None else editor_page(form, article, 400)
    if article is None and request.form.get("save_as_new"):
        # Saved from a deleted article's form: its slugs are still the deleted one's.
        for lang, section in form.translations().items():
            if not section.is_empty():
                section.slug.data = free_slug(section.slug.data, lang)
    try:
        saved = save_article(article, form, current_user.username)
    except EditConflict:
        return conflict_page(form, db.session.get(Article, article.id))
    if saved is None:
        return editor_page(form, article, 400)
    flash(gettext("The article was saved."), "success")
    return redirect(url_for("admin.edit_article", article_id=saved.id))


def keep_new_photo(form: ArticleForm) -> None:
    """Store a valid new photo of a form that is shown again, so that it need not be chosen
    again (browsers cannot put a file back into a form)."""
    if form.photo_image is not None and not form.photo.errors:
        with contextlib.suppress(PictureNotStored):
            new_photo_of(form)


def conflict_page(form: ArticleForm, article: Article):
    """409: saved meanwhile by someone else. What was typed stays; the choice is per field."""
    if article is None or article.in_trash:
        return gone_page(form, article)
    keep_new_photo(form)
    found = conflicts(EDITOR, article, form)
    form.version.data = article.version  # sent again, the form builds on what is saved now
    return editor_page(
        form, article, 409, conflicts=found, changed_by=last_change(ARTICLE, article)
    )


def gone_page(form: ArticleForm, article: Article | None):
    """410: deleted meanwhile. What was typed stays, ready to restore the article with it or
    to be saved as a new article."""
    return editor_page(form, None, 410, gone=article)


@bp.route("/articles/new", methods=["GET", "POST"])
def new_article():
    """An empty article form."""
    if request.method == "POST":
        return edit_form(ArticleForm(formdata=submitted(EDITOR, None, FILE_FIELDS)), None)
    # Version 0: nothing saved yet (a form sent without one did not come from the editor).
    return edit_form(ArticleForm(formdata=None, data={"version": 0}), None)


@bp.route("/articles/<id:article_id>/edit", methods=["GET", "POST"])
def edit_article(article_id: int):
    """The form of an existing article; a save from an older version is a conflict."""
    article = db.session.get(Article, article_id)
    if request.method == "GET":
        if article is None:
            abort(404)
        if article.in_trash:
            return gone_page(ArticleForm(formdata=None, data=form_data(article)), article)
        return edit_form(ArticleForm(formdata=None, data=form_data(article)), article)
    if article is None or article.in_trash:
        form = ArticleForm(formdata=submitted(EDITOR, None, FILE_FIELDS))
        if article is None or not request.form.get("undelete"):
            return gone_page(form, article)
        if not can(current_user, "delete"):
            abort(403)  # restoring from the trash is a deletion's undoing
        restore_from_trash(ARTICLE, article, current_user.username)
        form.version.data = article.version  # the restored article, with the text typed
        return edit_form(form, article)
    form = ArticleForm(formdata=submitted(EDITOR, article, FILE_FIELDS))
    if is_stale(form.version.data, article) and form.is_submitted() and not form.preview.data:
        form.validate()  # decodes a new photo, so that the conflict keeps it
        return conflict_page(form, article)
    return edit_form(form, article)


@bp.route("/articles/<id:article_id>/delete", methods=["GET", "POST"])
def delete_article_view(article_id: int):
    """Ask first; a POST from the version shown moves the article to the trash."""
    article = db.get_or_404(Article, article_id)
    if article.in_trash:
        return redirect(url_for("admin.trash"))
    form = VersionedConfirmForm()
    if form.validate_on_submit():
        if is_stale(form.version.data, article):
            form.version.data = article.version
            return render_template(
                "admin/article_delete.html",
                article=article,
                form=form,
                changed_by=last_change(ARTICLE, article),
            ), 409
        trash_article(article, current_user.username)
        flash(gettext("The article is in the trash; it can be restored from there."), "success")
        return redirect(url_for("admin.articles"))
    form.version.data = article.version
    return render_template("admin/article_delete.html", article=article, form=form)
