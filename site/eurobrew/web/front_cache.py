"""Rendered public pages answered before Flask runs at all.

Flask marks a page every visitor may share by giving it the page's ETag (web/conditional.py);
this WSGI layer keeps the finished response, headers and all, for its URL and sends it
again, or a 304, to the next visitors while the URL's ETag stays the same. The ETag is
computed for every request from the content stamp (one indexed query), so no worker ever
serves a page older than the database; on a miss Flask reuses what was read here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from cachetools import LRUCache
from flask import Flask
from werkzeug.http import unquote_etag

from .conditional import not_modified
from .stamp import ENVIRON_KEY, validators_for

HEADERS_OF_304 = frozenset(
    {"etag", "last-modified", "cache-control", "vary", "expires", "content-location", "date"}
)


@dataclass(frozen=True)
class StoredPage:
    """A finished response for one URL: its ETag, status line, headers and body."""

    etag: str
    status: str
    headers: list[tuple[str, str]]
    body: bytes


class PageStore:
    """The last page of each URL, bounded by the bytes of their bodies, shared by threads."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: LRUCache = LRUCache(maxsize=max_bytes, getsizeof=lambda p: len(p.body))
        self._lock = threading.Lock()

    def get(self, url: tuple[str, str]) -> StoredPage | None:
        """The page kept for ``url`` (path, query), if any."""
        with self._lock:
            return self._pages.get(url)

    def put(self, url: tuple[str, str], page: StoredPage) -> None:
        """Keep ``page`` for ``url``; the least recently used go when the bound is passed."""
        if len(page.body) > self.max_bytes // 8:
            return  # one huge page (a large sitemap) would push out all the others
        with self._lock:
            self._pages[url] = page


class FrontCache:
    """WSGI middleware in front of the Flask app (see the module's docstring)."""

    def __init__(self, app: Flask, wsgi_app, store: PageStore):
        self.app = app
        self.wsgi_app = wsgi_app
        self.store = store
        self.session_cookie = app.config.get("SESSION_COOKIE_NAME", "session") + "="

    def _candidate(self, environ) -> bool:
        # Someone logged in gets everything from the app itself, as nginx does.
        return environ.get("REQUEST_METHOD") in ("GET", "HEAD") and (
            self.session_cookie not in environ.get("HTTP_COOKIE", "")
        )

    def __call__(self, environ, start_response):
        url = (environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
        page = self.store.get(url) if self._candidate(environ) else None
        if page is None:
            return self._render_and_keep(url, environ, start_response)
        try:
            validators = validators_for(self.app, environ)
        except Exception:  # noqa: BLE001 - the app answers (a 503 page when the database is down)
            return self.wsgi_app(environ, start_response)
        if validators.etag != page.etag:
            return self._render_and_keep(url, environ, start_response)
        if not_modified(environ, validators):
            headers = [(k, v) for k, v in page.headers if k.lower() in HEADERS_OF_304]
            start_response("304 NOT MODIFIED", headers)
            return []
        start_response(page.status, page.headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [page.body]

    def _render_and_keep(self, url, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, list(headers)
            return start_response(status, headers, exc_info)

        chunks = self.wsgi_app(environ, capture)
        etag = self._shareable_etag(environ, captured)
        if etag is None:
            return chunks
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        self.store.put(url, StoredPage(etag, captured["status"], captured["headers"], body))
        return [body]

    def _shareable_etag(self, environ, captured) -> str | None:
        """The ETag to keep the response under: a full 200 GET that carries the page's ETag."""
        validators = environ.get(ENVIRON_KEY)
        if validators is None or environ.get("REQUEST_METHOD") != "GET":
            return None
        if not captured.get("status", "").startswith("200") or not self._candidate(environ):
            return None
        sent = next((v for k, v in captured["headers"] if k.lower() == "etag"), None)
        if sent is None or unquote_etag(sent)[0] != validators.etag:
            return None  # not shareable (Flask tags only pages every visitor may get)
        # A streamed page (a large sitemap) has no length: it goes out as it is made.
        length = next((v for k, v in captured["headers"] if k.lower() == "content-length"), None)
        if length is None or int(length) > self.store.max_bytes // 8:
            return None
        return validators.etag


def init_app(app: Flask) -> None:
    """Put the front cache before Flask unless ``PAGE_CACHE_MB`` is 0."""
    size_mb = app.config.get("PAGE_CACHE_MB", 32)
    if size_mb:
        store = PageStore(int(size_mb * 1024 * 1024))
        app.extensions["eurobrew.page_store"] = store
        app.wsgi_app = FrontCache(app, app.wsgi_app, store)
