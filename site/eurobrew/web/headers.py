"""Security headers on every response the app sends (pages, errors, files)."""

from __future__ import annotations

from flask import Flask

from .hosts import serves_https

# Public pages need nothing but their own styles and images: no script at all.
# connect-src 'self' grants nothing to a page that cannot run scripts, but tools that fetch
# through the page are held to its policy: Lighthouse reads /robots.txt that way, and
# without it reports "unable to download a robots.txt file" (a CSP violation).
PUBLIC_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# The admin area adds its own script file (never inline).
ADMIN_CSP = PUBLIC_CSP.replace("img-src 'self'", "img-src 'self'; script-src 'self'")

STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
DEFAULT_HEADERS = (("Content-Security-Policy", PUBLIC_CSP), *STATIC_HEADERS.items())
HSTS = "max-age=63072000; includeSubDomains"


_DEFAULTS_BY_NAME = tuple((name.lower(), (name, value)) for name, value in DEFAULT_HEADERS)


def with_security_headers(headers: list[tuple[str, str]], https: bool) -> list[tuple[str, str]]:
    """``headers`` and the protective ones they lack (the admin sets its own CSP); HSTS
    when the site is served over HTTPS."""
    present = {name.lower() for name, _ in headers}
    added = [header for lower, header in _DEFAULTS_BY_NAME if lower not in present]
    if https and "strict-transport-security" not in present:
        added.append(("Strict-Transport-Security", HSTS))
    return [*headers, *added]


class SecurityHeaders:
    """WSGI middleware adding the headers to every response the app sends.

    Added to the finished header list rather than through the response object's headers
    (an after_request hook): werkzeug checks each header it is given, which cost a page
    about 20 us for these constant ones.
    """

    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        def start_with_headers(status, headers, exc_info=None):
            headers = with_security_headers(headers, serves_https(self.app))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start_with_headers)


def init_app(app: Flask) -> None:
    """Wrap the app (inside the Host check, which answers strangers itself)."""
    app.wsgi_app = SecurityHeaders(app, app.wsgi_app)
