"""Extensions' per-request hooks, trimmed to what a request needs.

Every public page runs each registered hook and context processor. Flask-WTF checks a GET
against its exemptions before it looks at the method, and adds a context processor for
names that are template globals already; Flask runs its own context processor once for the
app and again for the request's blueprint. None of that changes a page; all of it was paid
on every uncached one.
"""

from __future__ import annotations

from flask import Flask
from flask.templating import _default_template_ctx_processor

from ..contexts import current_request


def check_csrf_only_on_unsafe_methods(app: Flask) -> None:
    """Run Flask-WTF's token check only for the methods it protects (POST, PUT ...).

    Its hook returns for any other method too, but only after looking up the view's
    exemptions; a GET now skips it at once. The methods are read per request, so a test
    that changes ``WTF_CSRF_METHODS`` still counts.
    """
    hooks = app.before_request_funcs.setdefault(None, [])
    (csrf_protect,) = [hook for hook in hooks if hook.__qualname__.endswith("csrf_protect")]

    def check_csrf(*args, **kwargs):
        if current_request().method not in app.config["WTF_CSRF_METHODS"]:
            return None
        return csrf_protect(*args, **kwargs)

    hooks[hooks.index(csrf_protect)] = check_csrf


def one_context_processor_pass(app: Flask) -> None:
    """Drop context processors that repeat what a render already has.

    Called once every blueprint is registered: Flask copies its default processor (``g``,
    ``request``, ``session``) into each blueprint's list, so a blueprint's page ran it
    twice; Flask-WTF's processor provides ``csrf_token`` and ``csrf_meta_tag``, which it
    also made template globals.
    """
    processors = app.template_context_processors
    for name, functions in processors.items():
        if name is not None:
            functions[:] = [f for f in functions if f is not _default_template_ctx_processor]
    globals_ = app.jinja_env.globals
    processors[None][:] = [f for f in processors[None] if not _only_globals(f, globals_)]


def _only_globals(processor, globals_: dict) -> bool:
    """Whether ``processor`` is Flask-WTF's, whose names are template globals already."""
    if "CSRFProtect" not in processor.__qualname__:
        return False
    return all(globals_.get(name) is value for name, value in processor().items())
