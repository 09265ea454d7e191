"""Flask's signed-cookie sessions, opened only when the visitor sends a session cookie."""

from flask import g, has_request_context, request
from flask.sessions import SecureCookieSessionInterface


class LazyCookieSessionInterface(SecureCookieSessionInterface):
    """Anonymous visitors have no session cookie: give them an empty session at once.

    The stock interface builds its signing serializer on every request even when there is
    no cookie to verify; on public pages, served to anonymous visitors, that is pure cost.
    """

    def open_session(self, app, request):
        """An empty session without a cookie; otherwise the stock verification.

        The session is also noted on ``g``, so that caching can tell whether a page used
        it without marking it used itself (web/conditional.py).
        """
        if app.secret_key and self.get_cookie_name(app) not in request.cookies:
            session = self.session_class()
        else:
            session = super().open_session(app, request)
        g.opened_session = session
        return session

    def save_session(self, app, session, response):
        """Nothing to send for an empty session nobody touched; otherwise the stock saving."""
        if session or session.accessed or session.modified:
            super().save_session(app, session, response)

    def get_cookie_secure(self, app):
        """Secure whenever the visitor came over HTTPS, even if the setting was forgotten.

        Behind nginx (``TRUSTED_PROXIES``) a request that reached nginx over TLS counts as
        secure, so the cookie that carries a form's token never travels over plain HTTP.
        """
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)
