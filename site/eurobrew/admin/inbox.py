"""The inbox of contact messages: list with filters, reading, archiving, deleting, CSV export."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import func, select

from ..extensions import db
from ..models import ContactMessage, MessageStatus
from ..search.terms import folded_text
from ..web.pagination import requested_page
from . import bp
from .editing import is_stale
from .forms import VersionedConfirmForm
from .inbox_export import csv_response

PER_PAGE = 20
# "" is the inbox proper: everything not archived.
STATUS_FILTERS = ("", "new", "read", "archived", "all")
SEARCH_MAX = 200


def message_filters(status: str, search: str) -> list:
    """SQL conditions for the list's filters; unknown values filter nothing."""
    conditions = []
    if status == "":
        conditions.append(ContactMessage.status != MessageStatus.ARCHIVED.value)
    elif status in ("new", "read", "archived"):
        conditions.append(ContactMessage.status == status)
    for word in search.split():
        # Every word, in any field, with or without diacritics; % and _ are only themselves.
        conditions.append(ContactMessage.search_text.contains(folded_text(word), autoescape=True))
    return conditions


def newest_first(conditions: list):
    """The messages matching ``conditions``, newest first, as the list and the CSV show them."""
    return (
        select(ContactMessage)
        .where(*conditions)
        .order_by(ContactMessage.created_at.desc(), ContactMessage.id.desc())
    )


def requested_filters() -> tuple[str, str]:
    """The status and search words of the query string, cleaned."""
    status = request.args.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    search = " ".join((request.args.get("q") or "").split())[:SEARCH_MAX]
    return status, search.replace("\x00", "")


def unread_count() -> int:
    """How many messages nobody has opened yet (for the admin menu)."""
    if not current_user.is_authenticated:
        return 0
    query = select(func.count()).where(ContactMessage.status == MessageStatus.NEW.value)
    return db.session.scalar(query) or 0


@bp.context_processor
def inbox_context() -> dict:
    """The menu's unread count, computed only when a template asks for it."""
    return {"unread_messages": unread_count}


def get_message(message_id: int) -> ContactMessage:
    """The message or a 404."""
    return db.get_or_404(ContactMessage, message_id)


@bp.get("/messages/")
def inbox():
    """Messages newest first, a page at a time, by status and search words."""
    status, search = requested_filters()
    conditions = message_filters(status, search)
    pagination = db.paginate(newest_first(conditions), page=requested_page(), per_page=PER_PAGE)
    return render_template(
        "admin/inbox.html",
        items=pagination.items,
        pagination=pagination,
        status=status,
        search=search,
    )


@bp.get("/messages/export.csv")
def inbox_export():
    """The filtered messages as a spreadsheet-safe CSV file."""
    status, search = requested_filters()
    return csv_response(db.session.scalars(newest_first(message_filters(status, search))).all())


def message_page(message: ContactMessage, status: int = 200, changed: bool = False):
    """One message with its actions, each for the version shown."""
    form = VersionedConfirmForm(formdata=None)
    form.version.data = message.version
    return render_template(
        "admin/inbox_message.html", message=message, form=form, changed=changed
    ), status


@bp.get("/messages/<int:message_id>")
def inbox_message(message_id: int):
    """One message in full; opening it marks it read."""
    message = get_message(message_id)
    if message.is_new:
        message.status = MessageStatus.READ.value
        db.session.commit()
    return message_page(message)


@bp.post("/messages/<int:message_id>/archive")
def inbox_archive(message_id: int):
    """Move a message out of the inbox (it is kept until deleted or purged)."""
    return set_status(message_id, MessageStatus.ARCHIVED, gettext("The message was archived."))


@bp.post("/messages/<int:message_id>/restore")
def inbox_restore(message_id: int):
    """Bring an archived message back into the inbox."""
    message = gettext("The message is back in the inbox.")
    return set_status(message_id, MessageStatus.READ, message)


def set_status(message_id: int, status: MessageStatus, done: str):
    """Change a message's status, unless another admin changed it since it was shown (409)."""
    message = get_message(message_id)
    form = VersionedConfirmForm()
    if not form.validate_on_submit():
        return message_page(message, 400)
    if is_stale(form.version.data, message):
        return message_page(message, 409, changed=True)
    message.status = status.value
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("admin.inbox_message", message_id=message.id))


@bp.route("/messages/<int:message_id>/delete", methods=["GET", "POST"])
def inbox_delete(message_id: int):
    """Ask first; a POST from the version shown erases the message for good."""
    message = get_message(message_id)
    form = VersionedConfirmForm()
    if form.validate_on_submit():
        if is_stale(form.version.data, message):
            form.version.data = message.version
            return render_template(
                "admin/inbox_delete.html", message=message, form=form, changed=True
            ), 409
        db.session.delete(message)
        db.session.commit()
        flash(gettext("The message was deleted."), "success")
        return redirect(url_for("admin.inbox"))
    form.version.data = message.version
    return render_template("admin/inbox_delete.html", message=message, form=form)
