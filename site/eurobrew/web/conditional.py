"""HTTP validation of public pages: one ETag, one 304 rule, and pages marked shareable.

Before a public page's view runs, its validators are known (web/stamp.py) and a matching
If-None-Match (or If-Modified-Since) gets a 304 at once. After it, a page that is the same
for every visitor gets its ETag and Last-Modified: that ETag is what the front cache keeps
it under. A page that used the visitor's session (a form's token) gets neither.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from flask import Flask, Response
from werkzeug.http import http_date, is_resource_modified, quote_etag

from ..contexts import app_globals, current_request, running_app
from .public import is_public_page
from .stamp import CODE_KEY, Validators, code_version, validators_for

# The request headers that can turn a full page into a 304 or a part of it.
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_RANGE", "HTTP_RANGE")
)


def not_modified(environ: dict, validators: Validators) -> bool:
    """The one 304 rule: the visitor's copy matches (the ETag decides when both are sent)."""
    if CONDITIONAL_HEADERS.isdisjoint(environ):
        return False  # the visitor has no copy to compare
    return not is_resource_modified(
        environ, etag=validators.etag, last_modified=validators.last_modified
    )


def answer_from_cache():
    """before_request: a 304 when the visitor's copy is current, before any view runs."""
    if not is_public_page():
        return None
    environ = current_request().environ
    validators = app_globals()["page_validators"] = validators_for(running_app(), environ)
    if not_modified(environ, validators):
        return with_validators(Response(status=304), validators)
    return None


def store_and_tag(response: Response) -> Response:
    """after_request: validators on public pages every visitor may share, for nginx too."""
    page = app_globals()
    validators = page.get("page_validators")
    if validators is None or response.status_code != 200 or session_used(page):
        return response  # not public, an error, or personalised (a form's token)
    microcache = running_app().config.get("MICROCACHE_SECONDS")
    if microcache:
        # Read by nginx only (it never forwards X-Accel-* headers): how long it may keep
        # this page for other anonymous visitors.
        response.headers["X-Accel-Expires"] = str(microcache)
    if response.headers.get("ETag") is None:
        with_validators(response, validators)
    request = current_request()
    if CONDITIONAL_HEADERS.isdisjoint(request.environ):
        return response  # nothing to compare: the full page as it is
    return response.make_conditional(request)


def session_used(page: dict | None = None) -> bool:
    """True when the page may depend on this visitor's session.

    A session that holds something, or that the view wrote to (a form's token), makes the
    page the visitor's own. An empty one, merely looked at (the login extension checks
    every template for a user), does not. The session interface noted the session it
    opened (web/sessions.py): reading it through ``flask.session`` would mark it used.
    """
    opened = (page if page is not None else app_globals()).get("opened_session")
    if opened is None or not opened.accessed:
        return False
    return bool(opened.modified or len(opened))


def with_validators(response: Response, validators: Validators) -> Response:
    """ETag, Last-Modified and "revalidate every time" on a public response.

    Written as the header texts: werkzeug's typed setters parse and rebuild them, which
    cost more than the rest of an uncached content page's bookkeeping.
    """
    headers = response.headers
    headers["ETag"] = quote_etag(validators.etag)
    headers["Last-Modified"] = _http_date(validators.last_modified)
    headers["Cache-Control"] = "public, no-cache"
    return response


@lru_cache(maxsize=64)
def _http_date(moment: datetime) -> str:
    # Every page of one content version has the same Last-Modified: formatted once.
    return http_date(moment.replace(microsecond=0))


def init_app(app: Flask) -> None:
    """Register the hooks; the ETags depend on the code deployed, fingerprinted once."""
    app.extensions[CODE_KEY] = code_version(app)
    app.before_request(answer_from_cache)
    app.after_request(store_and_tag)
