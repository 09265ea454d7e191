"""Saving pages: new or edited, with their parent and revision, in one transaction."""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..i18n import LANGUAGES
from ..i18n.locale import current_language
from ..models import Page, PageOldSlug, PageTranslation
from ..models.base import utcnow
from ..models.pages import HOME_KEY, free_key, has_subpages, possible_parents
from ..models.revisions import RevisionAction
from ..models.translated import set_translations
from .editing import commit_revision, ensure_baseline
from .kinds import PAGE
from .page_forms import PageForm
from .slugs import mark_slug_clashes

TEXT_FIELDS = ("title", "slug", "body")
ORDER_STEP = 10  # menu positions are kept this far apart, so that one can go between two


def page_data(page: Page) -> dict:
    """The form's initial values for ``page``."""
    data: dict = {
        "version": page.version,
        "menu_order": page.menu_order,
        "visible": page.visible,
        "parent": str(page.parent_id or ""),
    }
    for lang in LANGUAGES:
        t = page.translation(lang)
        data[lang] = {name: getattr(t, name) for name in TEXT_FIELDS} if t else {}
    return data


def new_page_data() -> dict:
    """A new page's form: shown, and last in the menu."""
    last = db.session.scalar(select(func.max(Page.menu_order)).where(Page.parent_id.is_(None)))
    return {"version": 0, "visible": True, "menu_order": min(9999, (last or 0) + ORDER_STEP)}


def offer_parents(form: PageForm, page: Page | None) -> None:
    """Fill the parent field's choices: the top level, or a page it may go under now."""
    top = ("", gettext("None: the page is in the main menu"))
    choices = [top]
    for parent in possible_parents(page.id if page else None):
        t = parent.translation(current_language()) or parent.translations[0]
        choices.append((str(parent.id), t.title))
    form.parent.choices = choices


def parent_refused(form: PageForm, page: Page | None) -> int | None:
    """Check the chosen parent; the status to answer with (next to the field) if refused.

    A page with sub-pages stays at the top (400). A parent that is no longer among the
    choices was deleted or put under another page since the form was loaded: the form is
    stale (409), and comes back with the text kept and the current choices.
    """
    chosen = form.parent_id()
    if chosen is None:
        return None
    if page is not None and (page.key == HOME_KEY or has_subpages(page.id)):
        form.parent.errors.append(
            gettext("This page has sub-pages of its own, so it cannot go under another page.")
        )
        return 400
    if all(str(chosen) != value for value, _label in form.parent.choices):
        form.parent.errors.append(
            gettext(
                "The page you chose was deleted or put under another page meanwhile. "
                "Choose the parent again, then save."
            )
        )
        return 409
    return None


def slug_clashes(form: PageForm, page_id: int | None) -> bool:
    """Mark each slug another page (in the trash too) already uses in that language."""
    messages = (
        gettext("Another page already uses this slug. Choose another one."),
        gettext("A page in the trash uses this slug. Restore it, or choose another slug."),
    )
    return mark_slug_clashes(form.filled(), Page, PageTranslation.page_id, page_id, messages)


def apply_form(page: Page, form: PageForm) -> None:
    """Copy the shared fields; the home page stays shown and at the top."""
    home = page.key == HOME_KEY
    page.menu_order = form.menu_order.data
    page.visible = True if home else form.visible.data
    page.parent_id = None if home else form.parent_id()


def save_page(page: Page | None, form: PageForm, username: str) -> Page | None:
    """Create or update a page from a checked form, with its revision; None (and a form
    error) if a slug was taken meanwhile. Raises EditConflict when it changed meanwhile."""
    creating = page is None
    texts = {
        lang: {name: getattr(section, name).data for name in TEXT_FIELDS}
        for lang, section in form.filled().items()
    }
    try:
        if creating:
            # The key names the page for good: made once, from its first slug.
            page = Page(key=free_key(next(iter(texts.values()))["slug"]))
            db.session.add(page)
        else:
            ensure_baseline(PAGE, page)
        apply_form(page, form)
        set_translations(page, texts, PageTranslation, PageOldSlug)
        page.updated_by = username
        page.updated_at = utcnow()
        action = RevisionAction.CREATED if creating else RevisionAction.SAVED
        commit_revision(PAGE, page, action, username)
    except IntegrityError:
        db.session.rollback()
        form.form_errors.append(gettext("A slug was taken meanwhile. Please check and save again."))
        return None
    return page
