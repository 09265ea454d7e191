"""A page's absolute addresses: on ``SITE_URL``, and its canonical URL."""

from __future__ import annotations

import re

from werkzeug.urls import iri_to_uri

from ..contexts import app_globals, current_request, running_app


def absolute(path: str) -> str:
    """An absolute URL for a path of this site: ``SITE_URL``, never the request's Host."""
    return running_app().config["SITE_URL"] + path


def canonical_url() -> str:
    """This page's own address without stray query strings; list pages keep ``?page=N``.

    The page number is only kept when the view accepted it (a bad one is a 404 that has no
    canonical), and page 1 is the list's plain address, as its links already say. Built
    once per request (the head and the structured data both name it).
    """
    page = app_globals()
    known = page.get("canonical_url")
    if known is None:
        known = page["canonical_url"] = _canonical_url()
    return known


# A path of these characters is already a URI: iri_to_uri would return it unchanged.
_URI_SAFE_PATH = re.compile(r"[A-Za-z0-9/._~-]*")


def _canonical_url() -> str:
    request = current_request()
    page = request.args.get("page", "") if request.query_string else ""
    path = request.script_root + request.path
    url = absolute(path if _URI_SAFE_PATH.fullmatch(path) else iri_to_uri(path))
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
    if page.isascii() and page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url
