"""Moving a page up or down the menu (or its parent's list) with a plain form, no script."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..models import Page
from ..models.pages import HOME_KEY
from ..models.revisions import RevisionAction
from . import bp
from .editing import EditConflict, commit_revisions, ensure_baseline, is_stale
from .forms import VersionedConfirmForm
from .kinds import PAGE
from .page_service import ORDER_STEP

STEPS = {"up": -1, "down": 1}


def siblings_of(page: Page) -> list[Page]:
    """The pages beside ``page``: the same parent, not in the trash, home aside (it always
    leads the menu), in menu order."""
    query = select(Page).where(Page.deleted_at.is_(None), Page.key != HOME_KEY)
    if page.parent_id is None:
        query = query.where(Page.parent_id.is_(None))
    else:
        query = query.where(Page.parent_id == page.parent_id)
    return list(db.session.scalars(query.order_by(Page.menu_order, Page.id)))


def reorder(pages: list[Page], username: str) -> None:
    """Number ``pages`` in their list order, ORDER_STEP apart after home's first place, and
    save those whose place changed, each with a revision, in one transaction."""
    changed = []
    for position, page in enumerate(pages, start=2):
        if page.menu_order != position * ORDER_STEP:
            ensure_baseline(PAGE, page)
            page.menu_order = position * ORDER_STEP
            page.updated_by = username
            changed.append(page)
    if changed:
        commit_revisions(PAGE, changed, RevisionAction.SAVED, username)


def back_to_list(page_id: int):
    """The list again, at the moved page's row (303: the browser asks for it with a GET)."""
    return redirect(url_for("admin.pages", _anchor=f"page-{page_id}"), code=303)


@bp.post("/pages/<id:page_id>/move")
def move_page(page_id: int):
    """Swap the page with its neighbour above or below, if the list shown is still current."""
    page = db.get_or_404(Page, page_id)
    form = VersionedConfirmForm()
    step = STEPS.get(request.form.get("direction", ""))
    valid = form.validate_on_submit() and step is not None
    if not valid or page.in_trash or page.key == HOME_KEY or is_stale(form.version.data, page):
        flash(gettext("It was changed meanwhile; nothing was moved. Look again."), "info")
        return back_to_list(page_id)
    pages = siblings_of(page)
    here = pages.index(page)
    there = here + step
    if 0 <= there < len(pages):
        pages[here], pages[there] = pages[there], pages[here]
        try:
            reorder(pages, current_user.username)
        except EditConflict:
            flash(gettext("It was changed meanwhile; nothing was moved. Look again."), "info")
    return back_to_list(page_id)
