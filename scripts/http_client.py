"""A small HTTP client for the site on loopback: plain fetches, and an admin who edits.

It sees redirects rather than following them: an admin form that saved answers 302.
"""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer too: report it instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Reply:
    """What the server answered."""

    status: int
    headers: dict[str, str]
    body: str


def _open(opener, request: urllib.request.Request, timeout: float) -> Reply:
    try:
        with opener.open(request, timeout=timeout) as response:
            raw, status, headers = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        raw, status, headers = error.read(), error.code, error.headers
    return Reply(status, dict(headers.items()), raw.decode("utf-8", "replace"))


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 10) -> Reply:
    """GET ``url`` without cookies or redirects."""
    opener = urllib.request.build_opener(NoRedirects)
    return _open(opener, urllib.request.Request(url, headers=headers or {}), timeout)


class FormValues(HTMLParser):
    """The values a browser would send from a page's inputs, selects and text areas."""

    NOT_SENT = {"submit", "button", "reset", "image", "file", "password"}

    def __init__(self, html: str):
        super().__init__()
        self.values: dict[str, str] = {}
        self._area: str | None = None
        self._select: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name, kind = attrs.get("name"), (attrs.get("type") or "text").lower()
        if tag == "option" and self._select:
            # The first option unless another one is selected, as in a browser.
            if "selected" in attrs or self._select not in self.values:
                self.values[self._select] = attrs.get("value") or ""
        elif not name:
            return
        elif tag == "input" and kind in ("checkbox", "radio"):
            if "checked" in attrs:
                self.values[name] = attrs.get("value") or "on"
        elif tag == "input" and kind not in self.NOT_SENT:
            self.values[name] = attrs.get("value") or ""
        elif tag == "textarea":
            self._area = name
            self.values[name] = ""
        elif tag == "select":
            self._select = name

    def handle_data(self, data):
        if self._area:
            self.values[self._area] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._area:
            # A browser drops the one line break that may follow <textarea>.
            text = self.values[self._area]
            self.values[self._area] = (
                text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            )
            self._area = None
        elif tag == "select":
            self._select = None


class AdminSession:
    """An admin logged in through the login form, keeping the session cookie."""

    def __init__(self, base: str, timeout: float = 15):
        self.base = base
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirects, urllib.request.HTTPCookieProcessor(self.cookies)
        )
        self.opener.addheaders = [("Accept-Language", "en")]  # the admin reads English

    def get(self, path: str) -> Reply:
        """GET a page with the session."""
        return _open(self.opener, urllib.request.Request(self.base + path), self.timeout)

    def post(self, path: str, fields: dict[str, str]) -> Reply:
        """POST a form, URL-encoded as a browser sends it."""
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        return _open(self.opener, request, self.timeout)

    def form(self, path: str) -> dict[str, str]:
        """The current values of the form at ``path``, its CSRF token included."""
        reply = self.get(path)
        if reply.status != 200:
            raise RuntimeError(f"GET {path}: {reply.status}")
        return FormValues(reply.body).values

    def login(self, username: str, password: str) -> None:
        """Log in; raise when the site does not accept the account."""
        fields = self.form("/admin/login")
        reply = self.post(
            "/admin/login",
            {"csrf_token": fields["csrf_token"], "username": username, "password": password},
        )
        if reply.status != 302:
            raise RuntimeError(f"login failed: {reply.status}")


def saved_id(reply: Reply) -> int | None:
    """The article or page number a saved form redirects to, or None if it did not save."""
    if reply.status != 302:
        return None
    match = re.search(r"/admin/(?:articles|pages)/(\d+)/edit$", reply.headers.get("Location", ""))
    return int(match.group(1)) if match else None
