"""The site's one origin (``SITE_URL``), and the Host names it answers to.

Every absolute URL (canonical, hreflang, og:url, JSON-LD, feeds, sitemap, robots.txt) is
built from ``SITE_URL``, never from the request's Host header: a page cached for everyone
must not carry a name a stranger put in one request. Requests for any other name, or with
a malformed Host, are answered 400 before a cache or a view runs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask
from werkzeug.sansio.utils import host_is_trusted

# Local runs, health checks and the test client reach the site by these, on any port.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
DEFAULT_PORTS = {"http": 80, "https": 443}
HEADERS_OF_400 = [
    ("Content-Type", "text/plain; charset=utf-8"),
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
]
UNKNOWN_HOST = b"400 Bad Request: this server does not serve that host name.\n"


class SiteUrlError(ValueError):
    """``SITE_URL`` is not an origin like https://www.eurobrew.sk."""


def parse_site_url(value: str) -> tuple[str, str, int]:
    """``SITE_URL`` as (scheme, host name, port); SiteUrlError when it is not an origin."""
    parts = urlsplit(value.strip())
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError as error:
        raise SiteUrlError(f"SITE_URL {value!r} has a bad port") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or port is None:
        raise SiteUrlError(f"SITE_URL {value!r} must look like https://www.example.sk")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise SiteUrlError(f"SITE_URL {value!r} must be an origin only, without a path")
    return parts.scheme, parts.hostname.lower(), port


def site_origin(value: str) -> str:
    """The origin as it starts every absolute URL: scheme, host and a port only when needed."""
    scheme, host, port = parse_site_url(value)
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}" if DEFAULT_PORTS[scheme] == port else f"{scheme}://{shown}:{port}"


class HostRule:
    """Which Host headers the site answers: its own name and port, extra names, loopback."""

    def __init__(self, site_url: str, extra_names: list[str]):
        _, self.name, self.port = parse_site_url(site_url)
        self.extra = [name.lower() for name in extra_names]

    def allows(self, host: str) -> bool:
        """True for a well-formed Host naming this site (on its port) or loopback."""
        if not host_is_trusted(host):  # characters, and a port from 1 to 65535
            return False
        name, port = split_host(host.lower())
        if name in LOOPBACK_NAMES:
            return True
        if name == self.name or name in self.extra:
            # No port means the scheme's default; nginx passes the bare name.
            return port is None or port == self.port
        return False


def split_host(host: str) -> tuple[str, int | None]:
    """``name:port`` as (name, port); IPv6 names keep their brackets."""
    name, colon, port = host.rpartition(":")
    if not colon or "]" in port:
        return host, None
    return name, int(port)


def requested_host(environ) -> str:
    """The host a request names: an absolute request line's own, else the Host header.

    HTTP says a server must believe ``GET http://name/path`` over the Host header; gunicorn
    passes the header on, so the guard reads the request line (RAW_URI) itself.
    """
    target = urlsplit(environ.get("RAW_URI") or environ.get("REQUEST_URI") or "")
    if target.scheme and target.netloc:
        return target.netloc
    return environ.get("HTTP_HOST", "")


class HostGuard:
    """WSGI middleware in front of everything: 400 for a Host the site does not answer to."""

    def __init__(self, wsgi_app, rule: HostRule):
        self.wsgi_app = wsgi_app
        self.rule = rule

    def __call__(self, environ, start_response):
        if self.rule.allows(requested_host(environ)):
            return self.wsgi_app(environ, start_response)
        headers = [*HEADERS_OF_400, ("Content-Length", str(len(UNKNOWN_HOST)))]
        start_response("400 BAD REQUEST", headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [UNKNOWN_HOST]


def serves_https(app: Flask) -> bool:
    """True when the site is served over HTTPS (``SITE_URL``), and so may demand it."""
    return app.config["SITE_URL"].startswith("https://")


def init_app(app: Flask) -> None:
    """Normalise ``SITE_URL`` and put the Host check in front of every other layer.

    Served over HTTPS, the session cookie travels over HTTPS only.
    """
    app.config["SITE_URL"] = site_origin(app.config["SITE_URL"])
    if serves_https(app):
        app.config["SESSION_COOKIE_SECURE"] = True
    app.config["PREFERRED_URL_SCHEME"] = urlsplit(app.config["SITE_URL"]).scheme
    rule = HostRule(app.config["SITE_URL"], app.config["ALLOWED_HOSTS"])
    app.wsgi_app = HostGuard(app.wsgi_app, rule)
