"""Who may do what in the admin area: the one place that decides.

Every admin route names the action it performs (``RULES``); the blueprint's guard refuses
a request whose action the account's role does not grant (403), templates ask ``can`` before
they show a button or a menu link, and the editors lock what a translator may not change.
The permissions page and the tests read the same tables.
"""

from __future__ import annotations

from flask import abort, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..models.users import ROLES

# What each action means, for the permissions page.
ACTIONS = {
    "view": _l("See the dashboard, the lists of content and their history, own sessions"),
    "translate": _l("Edit the texts of articles, pages and images; content .po files"),
    "edit": _l("Change what all languages share: dates, status, photos, menu order"),
    "create": _l("Create articles, pages and images"),
    "delete": _l("Delete content, restore it from the trash or an older version"),
    "publish": _l("Publish articles and change when they appear"),
    "contact": _l("Edit the company's contact data"),
    "inbox": _l("Read, archive and delete contact messages"),
    "accounts": _l("Manage accounts, roles and passwords; read the audit log"),
}

# The actions each role is granted. A translator translates only in its own languages.
GRANTS = {
    "admin": frozenset(ACTIONS),
    "editor": frozenset(ACTIONS) - {"accounts"},
    "translator": frozenset({"view", "translate"}),
}
LANGUAGE_BOUND = {"translator": frozenset({"translate"})}

# The action of every admin route. A route missing here is refused to everyone (and the
# generated permission tests fail), so a new page cannot be opened to a role by mistake.
# The login and its second step come before any role is known.
OPEN = frozenset({"admin.login", "admin.language", "admin.bare_prefix", "admin.second_step"})
OPEN |= {"admin.passkey_login", "admin.passkey_login_options"}
OPEN |= {"admin.passkey_signin", "admin.passkey_signin_options"}
RULES = {
    "admin.logout": "view",
    "admin.dashboard": "view",
    "admin.sessions": "view",
    "admin.end_session": "view",
    "admin.end_other_sessions": "view",
    "admin.permissions": "view",
    # Every account looks after its own second factors.
    "admin.security": "view",
    "admin.totp_enrol": "view",
    "admin.totp_remove": "view",
    "admin.recovery_codes": "view",
    "admin.first_recovery_codes": "view",
    "admin.passkey_register": "view",
    "admin.passkey_register_options": "view",
    "admin.passkey_remove": "view",
    "admin.articles": "view",
    "admin.pages": "view",
    "admin.media_library": "view",
    "admin.history": "view",
    "admin.revision": "view",
    "admin.preview_article": "view",
    "admin.translations": "view",
    "admin.edit_article": "translate",
    "admin.edit_page": "translate",
    "admin.edit_image": "translate",
    "admin.content_download": "translate",
    "admin.content_upload": "translate",
    "admin.content_apply": "translate",
    "admin.move_page": "edit",
    "admin.new_article": "create",
    "admin.new_page": "create",
    "admin.new_image": "create",
    "admin.delete_article_view": "delete",
    "admin.delete_page": "delete",
    "admin.delete_image": "delete",
    "admin.trash": "delete",
    "admin.restore_trashed": "delete",
    "admin.restore_revision": "delete",
    "admin.contact": "contact",
    "admin.inbox": "inbox",
    "admin.inbox_export": "inbox",
    "admin.inbox_message": "inbox",
    "admin.inbox_archive": "inbox",
    "admin.inbox_restore": "inbox",
    "admin.inbox_delete": "inbox",
    "admin.accounts": "accounts",
    "admin.new_account": "accounts",
    "admin.edit_account": "accounts",
    "admin.delete_account": "accounts",
    "admin.audit_log": "accounts",
}


def can(user, action: str, item=None, language: str | None = None) -> bool:
    """True when ``user`` may perform ``action`` (on ``item``, in ``language``).

    Without a language, a language-bound grant asks whether the account has any language
    at all (may it open a translation form?); with one, whether it has that one. ``item``
    is the content at hand; no rule depends on it yet beyond its language.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    role = getattr(user, "role", None)
    if action not in GRANTS.get(role, ()):
        return False
    if action in LANGUAGE_BOUND.get(role, ()):
        codes = user.language_codes
        return language in codes if language is not None else bool(codes)
    return True


def matrix() -> list[tuple[str, str, dict[str, str]]]:
    """For the permissions page: each action, its meaning and per role "yes", "no" or
    "languages" (only in the account's own languages)."""
    rows = []
    for action, meaning in ACTIONS.items():
        cells = {}
        for role in ROLES:
            granted = action in GRANTS[role]
            bound = action in LANGUAGE_BOUND.get(role, ())
            cells[role] = "languages" if granted and bound else "yes" if granted else "no"
        rows.append((action, str(meaning), cells))
    return rows


def require_permission():
    """The blueprint's guard after the login: 403 for an action the role does not grant."""
    endpoint = request.endpoint
    if endpoint is None or endpoint in OPEN or not current_user.is_authenticated:
        return None  # a 404 or 405 stays one; the login guard handles the anonymous
    action = RULES.get(endpoint)
    if action is None or not can(current_user, action):
        abort(403)
    return None
