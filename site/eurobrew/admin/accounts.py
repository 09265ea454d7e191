"""The Accounts page (admins only): accounts, their roles and languages, new passwords.

The last admin can be neither demoted nor removed: somebody must be able to manage the rest.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import func, select

from ..extensions import db
from ..models import User
from . import bp
from .account_forms import ROLE_NAMES, AccountForm, DeleteAccountForm, RoleForm
from .audit import record_event
from .permissions import matrix


def admin_count() -> int:
    """How many admin accounts there are."""
    return db.session.scalar(select(func.count()).where(User.role == "admin"))


def is_last_admin(user: User) -> bool:
    """True when ``user`` is the only admin left (what the page says; the write checks again)."""
    return user.role == "admin" and admin_count() <= 1


def lock_admins() -> None:
    """Lock the admin rows until the transaction ends (PostgreSQL; SQLite has one writer).

    Without the lock two admins demoting each other at the same moment would each count
    two admins and leave none.
    """
    with db.session.no_autoflush:
        db.session.scalars(select(User.id).where(User.role == "admin").with_for_update()).all()


def commit_keeping_an_admin() -> bool:
    """Commit the account change under way unless it leaves no admin (then roll it back).

    Call ``lock_admins`` before making the change: the count after it is then the truth.
    """
    db.session.flush()
    if admin_count() == 0:
        db.session.rollback()
        return False
    db.session.commit()
    return True


def role_text(user: User) -> str:
    """The role and languages as the audit log records them: "translator (en)"."""
    return f"{user.role} ({user.languages})" if user.role == "translator" else user.role


def apply_role(user: User, form: RoleForm) -> None:
    """Set the role, and the languages only a translator keeps."""
    user.role = form.role.data
    user.languages = ",".join(form.languages.data or []) if user.role == "translator" else ""


@bp.get("/accounts/")
def accounts():
    """Every account with its role, languages and last login."""
    users = db.session.scalars(select(User).order_by(User.username)).all()
    return render_template("admin/accounts.html", users=users, role_names=ROLE_NAMES)


@bp.route("/accounts/new", methods=["GET", "POST"])
def new_account():
    """Create an account with its role and first password."""
    form = AccountForm()
    if form.validate_on_submit():
        name = form.username.data
        if db.session.scalar(select(User.id).where(User.username == name)) is None:
            user = User(username=name)
            apply_role(user, form)
            user.set_password(form.password.data)
            db.session.add(user)
            record_event("account created", current_user.username, f"{name}: {role_text(user)}")
            db.session.commit()
            flash(gettext("The account %(name)s was created.", name=name), "success")
            return redirect(url_for("admin.accounts"))
        form.username.errors.append(gettext("An account with this username exists already."))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/account_form.html", form=form, user=None), status


@bp.route("/accounts/<int:user_id>/edit", methods=["GET", "POST"])
def edit_account(user_id: int):
    """Change an account's role and languages, or give it a new password."""
    user = db.get_or_404(User, user_id)
    form = RoleForm(data={"role": user.role, "languages": list(user.language_codes)})
    if form.validate_on_submit():
        if form.role.data == "admin" or not is_last_admin(user):
            if save_account(user, form):
                flash(gettext("The account %(name)s was saved.", name=user.username), "success")
                return redirect(url_for("admin.accounts"))
            user = db.get_or_404(User, user_id)  # as it is after the refused change
        form.role.errors.append(gettext("The last admin must stay an admin."))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/account_form.html", form=form, user=user), status


def save_account(user: User, form: RoleForm) -> bool:
    """Save the form's role and password changes, each recorded in the audit log.

    False, nothing saved, when the change would leave no admin.
    """
    lock_admins()
    before = role_text(user)
    apply_role(user, form)
    if role_text(user) != before:
        detail = f"{user.username}: {before} -> {role_text(user)}"
        record_event("role changed", current_user.username, detail)
    if form.password.data:
        user.set_password(form.password.data)  # also ends the account's sessions
        record_event("password reset", current_user.username, user.username)
    return commit_keeping_an_admin()


def removal_refusal(user: User) -> str | None:
    """Why ``user`` cannot be removed now, or None."""
    if user.id == current_user.id:
        return gettext("You cannot remove your own account: another admin can.")
    if is_last_admin(user):
        return gettext("The last admin cannot be removed: make another account an admin first.")
    return None


@bp.route("/accounts/<int:user_id>/delete", methods=["GET", "POST"])
def delete_account(user_id: int):
    """Ask first, then remove the account (never the last admin)."""
    user = db.get_or_404(User, user_id)
    form = DeleteAccountForm()
    refused = removal_refusal(user)
    if form.validate_on_submit() and not refused:
        lock_admins()
        detail = f"{user.username}: {role_text(user)}"
        record_event("account deleted", current_user.username, detail)
        db.session.delete(user)
        if commit_keeping_an_admin():
            flash(gettext("The account %(name)s was removed.", name=user.username), "success")
            return redirect(url_for("admin.accounts"))
        user = db.get_or_404(User, user_id)
        refused = removal_refusal(user) or gettext(
            "The last admin cannot be removed: make another account an admin first."
        )
    status = 409 if refused and form.is_submitted() else 400 if form.is_submitted() else 200
    page = render_template("admin/account_delete.html", form=form, user=user, refused=refused)
    return page, status


@bp.get("/permissions")
def permissions():
    """What each role may do, from the rules the admin area enforces."""
    return render_template("admin/permissions.html", rows=matrix(), role_names=ROLE_NAMES)
