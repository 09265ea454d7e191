"""Figures kept until the content changes: per app and worker, bounded, keyed by the stamp."""

from __future__ import annotations

import threading

from cachetools import LRUCache
from flask import current_app, has_request_context, request

from .stamp import CODE_KEY, validators_for

MEMO_KEY = "eurobrew.memo"
MEMO_SIZE = 1024  # entries: menus, frame parts, counts ... a few per language
_memo_lock = threading.Lock()


def memoize_per_content(key: tuple, compute):
    """``compute()``'s result, reused until the content changes (per worker, bounded).

    For figures that are expensive on large tables but change only with the content, such
    as the number of visible articles. The stamp is the request's (read once); outside a
    request, and in debug mode (where pages are not validated), it simply computes. Each
    app keeps its own: two apps in one process (tests) never see each other's.
    """
    app = current_app._get_current_object() if has_request_context() else None
    if app is None or CODE_KEY not in app.extensions:
        return compute()
    stamp = validators_for(app, request.environ).stamp
    full_key = (*key, stamp.version, stamp.latest_visible)
    with _memo_lock:
        memo = app.extensions.setdefault(MEMO_KEY, LRUCache(maxsize=MEMO_SIZE))
        if full_key in memo:
            return memo[full_key]
    value = compute()
    with _memo_lock:
        memo[full_key] = value
    return value
