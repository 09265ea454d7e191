"""Signed values (web/signing.py): the same tokens and cookies Flask and Flask-WTF read."""

import pytest
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from eurobrew.web.signing import csrf_token

# A signed-in editor's session: long enough for the cookie to be compressed.
EDITOR_SESSION = {
    "_user_id": "7",
    "_fresh": True,
    "_id": "ab" * 64,
    "csrf_token": "0123456789abcdef0123456789abcdef01234567",
    "admin_session": "5f1d3c0e9a7b4e2f8c6d1a3b5e7f9c0d",
}
VISITOR_SESSION = {"csrf_token": "0123456789abcdef0123456789abcdef01234567"}


@pytest.mark.parametrize("data", [VISITOR_SESSION, EDITOR_SESSION])
def test_session_cookies_made_before_and_after_read_both_ways(app, data):
    # Nobody is signed out by a deploy, nor by going back to the version before.
    stock = SecureCookieSessionInterface().get_signing_serializer(app)
    ours = app.session_interface.get_signing_serializer(app)
    assert ours.loads(stock.dumps(data)) == data
    assert stock.loads(ours.dumps(data)) == data


def test_a_cookie_signed_with_another_key_is_refused(app):
    ours = app.session_interface.get_signing_serializer(app)
    app.secret_key = "another key, long enough to pass for a real one!"
    forged = app.session_interface.get_signing_serializer(app).dumps(VISITOR_SESSION)
    with pytest.raises(Exception, match="Signature"):
        ours.loads(forged)


def test_the_contact_forms_token_is_one_flask_wtf_accepts(app):
    with app.test_request_context("/en/contact"):
        token = csrf_token()
        assert csrf_token() == token  # one per request
        validate_csrf(token)  # raises when refused
        with pytest.raises(ValidationError):
            validate_csrf(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
