"""Flask's signed-cookie sessions, opened only when the visitor sends a session cookie."""

from flask.sessions import SecureCookieSessionInterface

from ..contexts import app_globals, current_request, request_globals
from .signing import SignedSerializer


class LazyCookieSessionInterface(SecureCookieSessionInterface):
    """Anonymous visitors have no session cookie: give them an empty session at once.

    The stock interface builds its signing serializer on every request even when there is
    no cookie to verify; on public pages, served to anonymous visitors, that is pure cost.
    """

    def __init__(self):
        self._serializers = {}  # the signing serializer of the current keys (one entry)

    def open_session(self, app, request):
        """An empty session without a cookie; otherwise the stock verification.

        The session is also noted on ``g``, so that caching can tell whether a page used
        it without marking it used itself (web/conditional.py).
        """
        if app.secret_key and self.get_cookie_name(app) not in request.cookies:
            session = self.session_class()
        else:
            session = super().open_session(app, request)
        app_globals()["opened_session"] = session
        return session

    def get_signing_serializer(self, app):
        """The stock serializer's settings in a ``SignedSerializer`` (web/signing.py), made
        once per set of keys rather than per request: cookies either reads."""
        if not app.secret_key:
            return None
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        kept = self._serializers
        if keys not in kept:
            kept.clear()  # a changed key: the old serializer must not sign any more
            kept[keys] = SignedSerializer(
                [*keys[1], keys[0]],  # the current key last, as itsdangerous expects
                salt=self.salt,
                serializer=self.serializer,
                signer_kwargs={"key_derivation": self.key_derivation},
            )
        return kept[keys]

    def save_session(self, app, session, response):
        """Nothing to send for an empty session nobody touched; otherwise the stock saving."""
        if session or session.accessed or session.modified:
            super().save_session(app, session, response)

    def get_cookie_secure(self, app):
        """Secure whenever the visitor came over HTTPS, even if the setting was forgotten.

        Behind nginx (``TRUSTED_PROXIES``) a request that reached nginx over TLS counts as
        secure, so the cookie that carries a form's token never travels over plain HTTP.
        """
        if super().get_cookie_secure(app):
            return True
        return request_globals() is not None and current_request().is_secure


def remember_cookie_only_with_a_session(app, login_manager) -> None:
    """Run Flask-Login's after_request remember-cookie update only for a non-empty session.

    The update reads the session for ``_remember`` and ``_user_id``, which an empty session
    has neither of, so for an anonymous visitor it does nothing: yet it cost a public page
    16 us, and marked the empty session as looked at.
    """
    hooks = app.after_request_funcs.setdefault(None, [])
    update = login_manager._update_remember_cookie

    def update_remember_cookie(response):
        opened = app_globals().get("opened_session")
        if opened is not None and not opened:
            return response
        return update(response)

    hooks[hooks.index(update)] = update_remember_cookie
