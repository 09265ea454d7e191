"""Security headers on every response the app sends (pages, errors, files)."""

from __future__ import annotations

from flask import Flask, Response, current_app

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


def add_security_headers(response: Response) -> Response:
    """after_request: the same protective headers on every response (the admin sets its CSP)."""
    present = {name.lower() for name, _ in response.headers}
    for name, value in DEFAULT_HEADERS:
        if name.lower() not in present:
            response.headers.add(name, value)
    if serves_https(current_app):
        response.headers["Strict-Transport-Security"] = HSTS
    return response


def init_app(app: Flask) -> None:
    """Register the hook."""
    app.after_request(add_security_headers)
