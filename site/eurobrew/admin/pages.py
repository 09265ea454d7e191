"""Page editors: the list of pages and the form of one page."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..i18n import LANGUAGES
from ..markup import render_markdown
from ..models import Page, PageOldSlug, PageTranslation
from ..models.base import utcnow
from ..models.pages import HOME_KEY
from . import bp, queries
from .forms import assign
from .page_forms import PageForm
from .slugs import remember_old_slug


@bp.get("/pages/")
def pages():
    """Every page in menu order."""
    return render_template("admin/pages.html", pages=queries.all_pages(), home_key=HOME_KEY)


def page_data(page: Page) -> dict:
    """The form's initial values for ``page``."""
    data: dict = {"menu_order": page.menu_order, "visible": page.visible}
    for lang in LANGUAGES:
        t = page.translation(lang)
        data[lang] = {"title": t.title, "slug": t.slug, "body": t.body} if t else {}
    return data


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


def save_page(page: Page, form: PageForm, username: str) -> None:
    """Apply the form to ``page`` and commit it whole."""
    page.menu_order = form.menu_order.data
    page.visible = form.visible.data
    for lang, section in form.translations().items():
        translation = page.translation(lang)
        if translation is None:
            translation = PageTranslation(lang=lang, slug=section.slug.data)
            page.translations.append(translation)
        elif translation.slug != section.slug.data:
            remember_old_slug(
                PageOldSlug, "page_id", page.id, lang, translation.slug, section.slug.data
            )
        for name in ("title", "slug", "body"):
            assign(translation, name, getattr(section, name).data)
    page.updated_by = username
    page.updated_at = utcnow()
    db.session.commit()


@bp.route("/pages/<id:page_id>/edit", methods=["GET", "POST"])
def edit_page(page_id: int):
    """The form of one page; preview shows the texts as visitors will see them."""
    page = db.get_or_404(Page, page_id)
    form = PageForm() if request.method == "POST" else PageForm(data=page_data(page))
    if page.key == HOME_KEY:
        form.mark_home()
    context = {"form": form, "page": page, "is_home": page.key == HOME_KEY}
    if not form.validate_on_submit():
        return render_template("admin/page_form.html", **context), (
            400 if form.is_submitted() else 200
        )
    if slug_clashes(form, page):
        return render_template("admin/page_form.html", **context), 400
    if form.preview.data:
        previews = {lang: render_markdown(s.body.data) for lang, s in form.translations().items()}
        return render_template("admin/page_form.html", previews=previews, **context)
    save_page(page, form, current_user.username)
    flash(gettext("The page was saved."), "success")
    return redirect(url_for("admin.edit_page", page_id=page.id))
