"""The site's Flask: absolute URLs from ``SITE_URL``, and each built path kept once made.

Flask builds a URL by walking the routing map on every call (a dozen per page: the menu's
links are cached, but each article card, the feed and the alternates are not). What it
builds depends only on the endpoint, its values, the page's language (put in by the URL
defaults), the blueprint (for ``.name`` endpoints) and the script root, so each path is
kept per app under those. In debug mode nothing is kept: static files' hashes change there.

Flask also asks of every view and hook, on every request, whether it is a coroutine
function (``ensure_sync``: ``inspect`` work, fifteen times a page); the answer for a
function never changes, so it is kept.
"""

from __future__ import annotations

from flask import Flask
from flask.templating import Environment

from ..contexts import current_request, request_globals

PATHS_KEPT = 2048  # distinct paths: the frame's links and a few hundred articles' worth
FUNCTIONS_KEPT = 512  # the app has about 150 views and hooks


class SiteEnvironment(Environment):
    """Flask's Jinja environment, each template's globals a plain dict made when it loads.

    Jinja gives a template a ``ChainMap`` over the environment's globals and copies it into
    every render's context: forty-odd Python lookups a page. Every global is registered
    while the app is made, before any template loads, as Jinja asks ("avoid modifying any
    globals after a template is loaded"), so a copy made at load time holds the same.
    """

    def make_globals(self, d):
        """The environment's globals with ``d`` (a template's own) over them, as a dict."""
        return {**self.globals, **(d or {})}


class SiteFlask(Flask):
    """Flask whose absolute URLs all start with ``SITE_URL``, whatever the request's Host."""

    jinja_environment = SiteEnvironment

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.built_paths: dict[tuple, str] = {}
        self._sync_functions: dict = {}

    def ensure_sync(self, func):
        """Flask's ``ensure_sync``, answered once per view or hook."""
        try:
            return self._sync_functions[func]
        except KeyError:
            if len(self._sync_functions) >= FUNCTIONS_KEPT:
                self._sync_functions.clear()  # callables made on the fly: never many kept
            sync = self._sync_functions[func] = super().ensure_sync(func)
            return sync
        except TypeError:  # a callable that cannot be a key
            return super().ensure_sync(func)

    def url_for(self, endpoint: str, *, _external: bool | None = None, **values) -> str:
        """``url_for``; with ``_external=True`` the path is put after the site's origin."""
        if not _external:
            return self._path_for(endpoint, _external, values)
        values.pop("_scheme", None)  # the origin has its scheme
        return self.config["SITE_URL"] + self._path_for(endpoint, False, values)

    def _path_for(self, endpoint: str, external: bool | None, values: dict) -> str:
        key = self._path_key(endpoint, values)
        path = self.built_paths.get(key) if key is not None else None
        if path is None:
            path = super().url_for(endpoint, _external=external, **values)
            if key is not None:
                if len(self.built_paths) >= PATHS_KEPT:
                    self.built_paths.clear()  # a crawl's worth of articles: start again
                self.built_paths[key] = path
        return path

    def _path_key(self, endpoint: str, values: dict) -> tuple | None:
        """What a built path depends on; None when it is not to be kept."""
        page = request_globals()
        if self.debug or page is None:
            return None
        current = current_request()
        blueprint = current.blueprint if endpoint.startswith(".") else None
        # The values' types too: True and 1 are equal keys but build different URLs.
        kinds = tuple(map(type, values.values()))
        key = (endpoint, page.get("lang"), blueprint, current.script_root, *values.items(), kinds)
        try:
            hash(key)
        except TypeError:  # a list of values (?tag=a&tag=b): built every time
            return None
        return key
