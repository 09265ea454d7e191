"""Article editors: the list with its filters, create, edit, preview and delete."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from ..extensions import db
from ..markup import render_markdown
from ..models import Article
from ..web.pagination import requested_page
from . import bp, queries
from .article_forms import ArticleForm
from .article_service import delete_article, form_data, save_article
from .forms import ConfirmForm

PER_PAGE = 20


def get_article(article_id: int) -> Article:
    """The article or a 404."""
    return db.get_or_404(Article, article_id)


@bp.get("/articles/")
def articles():
    """Every article, a page at a time, filtered by status and missing translation."""
    status = request.args.get("status") or ""
    missing = request.args.get("missing") or ""
    conditions = queries.article_filters(status, missing)
    query = queries.articles_newest_first(conditions)
    pagination = db.paginate(query, page=requested_page(), per_page=PER_PAGE)
    return render_template(
        "admin/articles.html",
        items=pagination.items,
        pagination=pagination,
        status=status,
        missing=missing,
        status_filters=queries.STATUS_FILTERS,
    )


def edit_form(form: ArticleForm, article: Article | None):
    """Preview, save, or show the form again with what is wrong next to each field."""
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("admin/article_form.html", form=form, article=article), status
    if form.preview.data:
        previews = {
            lang: render_markdown(section.body.data)
            for lang, section in form.translations().items()
            if not section.is_empty()
        }
        return render_template(
            "admin/article_form.html", form=form, article=article, previews=previews
        )
    saved = save_article(article, form, current_user.username)
    if saved is None:
        return render_template("admin/article_form.html", form=form, article=article), 400
    flash(gettext("The article was saved."), "success")
    return redirect(url_for("admin.edit_article", article_id=saved.id))


@bp.route("/articles/new", methods=["GET", "POST"])
def new_article():
    """An empty article form."""
    return edit_form(ArticleForm(), None)


@bp.route("/articles/<id:article_id>/edit", methods=["GET", "POST"])
def edit_article(article_id: int):
    """The form of an existing article."""
    article = get_article(article_id)
    form = ArticleForm() if request.method == "POST" else ArticleForm(data=form_data(article))
    return edit_form(form, article)


@bp.route("/articles/<id:article_id>/delete", methods=["GET", "POST"])
def delete_article_view(article_id: int):
    """Ask first; a POST with the form's token deletes the article and its photo."""
    article = get_article(article_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        delete_article(article)
        flash(gettext("The article was deleted."), "success")
        return redirect(url_for("admin.articles"))
    return render_template("admin/article_delete.html", article=article, form=form)
