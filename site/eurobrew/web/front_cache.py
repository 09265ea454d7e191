"""Rendered public pages answered before Flask runs at all.

Flask renders a public page once per content version and marks it shareable (see
caching.store_and_tag); this WSGI layer keeps the finished response, headers and all, under
the page's ETag and sends it again, or a 304, to the next visitors of that URL while the
ETag stays the same. The ETag is recomputed for every request from the content stamp (one
indexed query), so no worker ever serves a page older than the database.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask
from werkzeug.http import parse_date

STORE_MARK = "eurobrew.shareable_etag"  # set by Flask on a page every visitor may get
LANGUAGE_PREFIXES = ("/sk/", "/en/")
OTHER_PUBLIC_PATHS = frozenset({"/sitemap.xml", "/robots.txt"})
HEADERS_OF_304 = frozenset(
    {"etag", "last-modified", "cache-control", "vary", "expires", "content-location", "date"}
)


@dataclass(frozen=True)
class StoredPage:
    """A finished response: status line, headers, body."""

    status: str
    headers: list[tuple[str, str]]
    body: bytes

    def last_modified(self):
        """The Last-Modified header as a datetime, or None."""
        value = next((v for k, v in self.headers if k.lower() == "last-modified"), None)
        return parse_date(value) if value else None


class PageStore:
    """A size-bounded LRU of finished pages keyed by ETag, shared by a worker's threads."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, StoredPage] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> StoredPage | None:
        """The page stored under ``key``, if any."""
        with self._lock:
            page = self._items.get(key)
            if page is not None:
                self._items.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage) -> None:
        """Keep ``page``; the least recently used go when the size bound is passed."""
        if len(page.body) > self.max_bytes // 8:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = page
            self._size += len(page.body)
            while self._size > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self._size -= len(old.body)


class FrontCache:
    """WSGI middleware in front of the Flask app (see the module's docstring)."""

    def __init__(self, app: Flask, wsgi_app, store: PageStore, etag_for):
        self.app = app
        self.wsgi_app = wsgi_app
        self.store = store
        self.etag_for = etag_for  # (path, query) -> the page's current ETag
        self.session_cookie = app.config.get("SESSION_COOKIE_NAME", "session") + "="

    def _candidate(self, environ) -> bool:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return False
        path = environ.get("PATH_INFO", "")
        if not (path.startswith(LANGUAGE_PREFIXES) or path in OTHER_PUBLIC_PATHS):
            return False
        # Someone logged in gets everything from the app itself, as nginx does.
        return self.session_cookie not in environ.get("HTTP_COOKIE", "")

    def __call__(self, environ, start_response):
        if not self._candidate(environ):
            return self.wsgi_app(environ, start_response)
        try:
            etag = self.etag_for(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
        except Exception:  # noqa: BLE001 - the app answers (a 503 page when the database is down)
            return self.wsgi_app(environ, start_response)
        page = self.store.get(etag)
        if page is not None:
            return self._answer(page, etag, environ, start_response)
        return self._render_and_keep(environ, start_response)

    @staticmethod
    def _not_modified(page: StoredPage, etag: str, environ) -> bool:
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:  # when both are sent, the ETag decides (RFC 9110)
            return f'"{etag}"' in if_none_match
        since = parse_date(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
        modified = page.last_modified()
        return since is not None and modified is not None and modified <= since

    def _answer(self, page: StoredPage, etag: str, environ, start_response):
        if self._not_modified(page, etag, environ):
            headers = [(k, v) for k, v in page.headers if k.lower() in HEADERS_OF_304]
            start_response("304 NOT MODIFIED", headers)
            return []
        start_response(page.status, page.headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [page.body]

    def _render_and_keep(self, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, list(headers)
            return start_response(status, headers, exc_info)

        chunks = self.wsgi_app(environ, capture)
        etag = environ.get(STORE_MARK)
        if etag is None or not captured.get("status", "").startswith("200"):
            return chunks
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        if environ.get("REQUEST_METHOD") == "GET":
            self.store.put(etag, StoredPage(captured["status"], captured["headers"], body))
        return [body]
