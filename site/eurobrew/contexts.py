"""Flask's ``g``, ``request`` and app, read from its context variables.

``g``, ``request`` and ``current_app`` are werkzeug proxies: each use costs three Python
calls, and an uncached public page made about sixty such lookups. These read the same
objects with one C call per context. Like the proxies, ``app_globals``, ``running_app``
and ``current_request`` raise outside their context (a ``LookupError``).
"""

from __future__ import annotations

from flask import Flask, Request
from flask.ctx import AppContext
from flask.globals import _cv_app, _cv_request


def request_globals() -> dict | None:
    """The current request's ``g`` as its attribute dict (writable), or None outside a
    request (the CLI, a bare app context)."""
    if _cv_request.get(None) is None:
        return None
    return _cv_app.get().g.__dict__


def app_globals() -> dict:
    """``g`` of the current app context, as its attribute dict (writable)."""
    return _cv_app.get().g.__dict__


def app_context() -> AppContext | None:
    """The current app context, or None outside one."""
    return _cv_app.get(None)


def running_app() -> Flask:
    """The app of the current app context (``current_app`` without the proxy)."""
    return _cv_app.get().app


def current_request() -> Request:
    """The request being handled (``request`` without the proxy)."""
    return _cv_request.get().request
