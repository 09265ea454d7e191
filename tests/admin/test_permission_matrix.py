"""Every role against every admin route and method, as the permission rules say.

The expectations come from the rules themselves (``RULES`` and ``can``): a route added
without a rule fails here, and so does a route that answers otherwise than its rule.
"""

import pytest
from flask import url_for

from eurobrew.admin.kinds import ARTICLE
from eurobrew.admin.permissions import OPEN, RULES, can
from eurobrew.extensions import db
from eurobrew.models import AdminSession, Article, ContactMessage, Passkey, User
from eurobrew.models.base import utcnow
from eurobrew.models.recording import add_revision
from support import csrf_token_in
from support.roles import logged_in, make_account

ALLOWED = {200, 302, 303, 400, 409}
# Run last: they end sessions, remove an account or log the client out.
LAST = ("admin.delete_account", "admin.end_other_sessions", "admin.logout")
ROLES = {"admin": "", "editor": "", "translator": "en"}


def admin_rules(app):
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("admin.")]
    return sorted(
        rules,
        key=lambda rule: (
            rule.endpoint in LAST,
            LAST.index(rule.endpoint) if rule.endpoint in LAST else 0,
            rule.rule,
        ),
    )


def sample_values(app, user_id: int) -> dict:
    """Values of the routes' variables that point at real things of the demo site."""
    spare = make_account(app, "spare", "editor")
    with app.app_context():
        db.session.add(ContactMessage(name="A", email="a@example.com", text="Hi", language="en"))
        user = db.session.get(User, user_id)
        other = AdminSession.open(user, "pytest", "127.0.0.1", utcnow())
        add_revision(ARTICLE, db.session.get(Article, 1), "existing", "eva")  # its revision 1
        key = Passkey(user_id=user_id, credential_id=b"key", public_key=b"public", name="Key")
        db.session.add(key)
        db.session.commit()
        return {
            "article_id": 1,
            "page_id": 2,
            "image_id": 1,
            "item_id": 1,
            "kind": "article",
            "message_id": 1,
            "session_id": other.id,
            "number": 1,
            "language": "en",
            "user_id": spare,
            "passkey_id": key.id,
        }


@pytest.mark.parametrize("role", sorted(ROLES))
def test_every_admin_route_answers_as_the_matrix_says(demo_app, csrf_token, role):
    user_id = make_account(demo_app, "who", role, ROLES[role])
    client = logged_in(demo_app, csrf_token, "who")
    values = sample_values(demo_app, user_id)
    token = csrf_token_in(client.get("/admin/sessions").get_data(as_text=True))
    with demo_app.app_context():
        account = db.session.get(User, user_id)
        db.session.expunge(account)
    checked = 0
    for rule in admin_rules(demo_app):
        if rule.endpoint in OPEN:
            continue
        assert rule.endpoint in RULES, f"{rule.endpoint} has no permission rule"
        allowed = can(account, RULES[rule.endpoint])
        with demo_app.test_request_context():
            path = url_for(rule.endpoint, **{name: values[name] for name in rule.arguments})
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            data = {"csrf_token": token} if method == "POST" else None
            status = client.open(path, method=method, data=data).status_code
            expected = ALLOWED if allowed else {403}
            assert status in expected, (role, method, path, status)
            checked += 1
    assert checked > 40


def test_a_forbidden_page_is_403_in_the_admins_language(demo_app, csrf_token):
    make_account(demo_app, "tina", "translator", "en")
    client = logged_in(demo_app, csrf_token, "tina")
    response = client.get("/admin/contact")
    assert response.status_code == 403
    assert "Your role does not allow this" in response.get_data(as_text=True)
    client.set_cookie("lang", "sk")
    page = client.get("/admin/messages/").get_data(as_text=True)
    assert '<html lang="sk">' in page and "Vaša rola" in page


def test_the_permissions_page_shows_the_rules(demo_app, csrf_token):
    make_account(demo_app, "erik", "editor")
    page = logged_in(demo_app, csrf_token, "erik").get("/admin/permissions").get_data(as_text=True)
    assert 'data-action="accounts"' in page
    row = page.split('data-action="accounts"')[1].split("</tr>")[0]
    assert row.count(">yes<") == 1 and row.count(">no<") == 2  # only the admin
    row = page.split('data-action="translate"')[1].split("</tr>")[0]
    assert "in its languages" in row
