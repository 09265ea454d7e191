"""Flask's signed-cookie sessions, opened only when the visitor sends a session cookie."""

from flask.sessions import SecureCookieSessionInterface


class LazyCookieSessionInterface(SecureCookieSessionInterface):
    """Anonymous visitors have no session cookie: give them an empty session at once.

    The stock interface builds its signing serializer on every request even when there is
    no cookie to verify; on public pages, served to anonymous visitors, that is pure cost.
    """

    def open_session(self, app, request):
        """An empty session without a cookie; otherwise the stock verification."""
        if app.secret_key and self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)
