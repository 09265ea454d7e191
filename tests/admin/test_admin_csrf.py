"""Every admin form is refused without its CSRF token, and nothing changes."""

import re

import pytest
from sqlalchemy import func, select

from eurobrew.extensions import db
from eurobrew.models import Article, CompanyContact, Page


def admin_post_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/admin") and "POST" in rule.methods
    ]


def concrete_path(rule) -> str:
    """The rule's path with its variables filled by existing records (id 1 exists for all)."""
    return re.sub(r"<[^>]+>", "1", rule.rule)


def snapshot(app):
    with app.app_context():
        return (
            db.session.scalar(select(func.count()).select_from(Article)),
            [(p.menu_order, p.visible) for p in db.session.scalars(select(Page))],
            db.session.scalars(select(CompanyContact)).one().street,
        )


def test_every_admin_post_route_is_known(demo_app):
    paths = {concrete_path(rule) for rule in admin_post_rules(demo_app)}
    assert paths >= {
        "/admin/login",
        "/admin/logout",
        "/admin/language",
        "/admin/articles/new",
        "/admin/articles/1/edit",
        "/admin/articles/1/delete",
        "/admin/pages/1/edit",
        "/admin/contact",
        "/admin/messages/1/archive",
        "/admin/messages/1/restore",
        "/admin/messages/1/delete",
        "/admin/sessions/1/end",
        "/admin/sessions/end-others",
    }


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_every_admin_post_without_a_valid_token_is_refused(admin_client, demo_app, token):
    before = snapshot(demo_app)
    for rule in admin_post_rules(demo_app):
        data = {"street": "Changed", "menu_order": "1", "sk-title": "X", "sk-body": "Y"}
        if token:
            data["csrf_token"] = token
        response = admin_client.post(concrete_path(rule), data=data)
        assert response.status_code == 400, rule.rule
        assert "The form has expired or did not come from this site." in response.text
    assert snapshot(demo_app) == before
    assert admin_client.get("/admin/").status_code == 200  # still logged in: logout was refused


def test_a_token_from_another_session_is_refused(admin_client, demo_app, csrf_token):
    stranger = demo_app.test_client()
    foreign = csrf_token(stranger, "/admin/login")
    response = admin_client.post(
        "/admin/contact", data={"csrf_token": foreign, "street": "Changed"}
    )
    assert response.status_code == 400
