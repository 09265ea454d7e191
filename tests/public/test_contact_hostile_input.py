"""Random and hostile values in the contact form's fields: never a 500, never a live payload.

A refused form stores nothing; an accepted one stores exactly one message.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from support.hostile import SETTINGS, assert_handled, hostile
from support.mailserver import contact_form

FIELDS = ("name", "email", "company", "phone", "message", "consent", "website", "started")


@pytest.fixture
def app_config():
    # Many sends from one address in a row: the hourly limit has its own tests.
    return {"CONTACT_RATE_LIMIT": "100000 per hour"}


def stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ContactMessage))


def send(client, app, path: str, **fields):
    data = contact_form(client, app, path, **fields)
    before = stored(app)
    response = client.post(path, data=data)
    assert_handled(response, *fields.values())
    assert response.status_code in (302, 400), response.status_code
    assert stored(app) == before + (1 if response.status_code == 302 else 0)
    return response


@SETTINGS
@given(
    field=st.sampled_from(FIELDS),
    value=hostile,
    path=st.sampled_from(["/en/contact", "/sk/kontakt"]),
)
def test_any_value_in_any_field(client, demo_app, field, value, path):
    response = send(client, demo_app, path, **{field: value})
    if (field == "website" and value.strip()) or field == "started":
        # A filled trap or a start time not signed by the site is spam, whatever it holds.
        assert response.status_code == 400


@SETTINGS
@given(values=st.fixed_dictionaries({field: hostile for field in FIELDS[:5]}))
def test_hostile_values_in_every_text_field_at_once(client, demo_app, values):
    response = send(client, demo_app, "/en/contact", **values)
    if response.status_code == 400:
        # The visitor's text comes back escaped in the form, never as markup.
        assert "<script>alert(1)</script>" not in response.text
