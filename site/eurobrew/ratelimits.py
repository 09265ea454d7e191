"""Flask-Limiter's request hooks, kept off the pages nobody rate-limits.

The limiter checks every request against its limits before the view runs, even where no
limit applies. On public pages, which are cached and served to everyone alike, that check
costs about a third of a cached page's time; so those blueprints skip the limiter's hooks.
Any other blueprint, including every one added later, keeps them.
"""

from __future__ import annotations

from functools import wraps

from flask import Flask, request

from .extensions import limiter

UNLIMITED_BLUEPRINTS = frozenset({"pages", "news", "seo", "media", "health"})


def _skipped() -> bool:
    return request.blueprint in UNLIMITED_BLUEPRINTS or request.endpoint == "static"


def _owned_by_limiter(hook) -> bool:
    owner = getattr(hook, "__self__", None) or next(iter(getattr(hook, "args", ())), None)
    return owner is limiter


def init_app(app: Flask) -> None:
    """Bind the limiter, then wrap its app-wide hooks to pass over unlimited blueprints."""
    limiter.init_app(app)
    for registry in (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs):
        hooks = registry.get(None, [])
        for index, hook in enumerate(hooks):
            if _owned_by_limiter(hook):
                hooks[index] = _unless_skipped(hook)


def _unless_skipped(hook):
    @wraps(hook)
    def wrapper(*args):
        if _skipped():
            return args[0] if args and hasattr(args[0], "status_code") else None
        return hook(*args)

    return wrapper
