"""Figures kept until the content changes: per worker, bounded, keyed by the content stamp."""

from __future__ import annotations

import threading

from cachetools import LRUCache
from flask import current_app, has_request_context, request

from .stamp import CODE_KEY, validators_for

_memo: LRUCache = LRUCache(maxsize=256)
_memo_lock = threading.Lock()


def memoize_per_content(key: tuple, compute):
    """``compute()``'s result, reused until the content changes (per worker, bounded).

    For figures that are expensive on large tables but change only with the content, such
    as the number of visible articles. The stamp is the request's (read once); outside a
    request, and in debug mode (where pages are not validated), it simply computes.
    """
    if not has_request_context() or CODE_KEY not in current_app.extensions:
        return compute()
    stamp = validators_for(current_app, request.environ).stamp
    full_key = (*key, stamp.version, stamp.latest_visible)
    with _memo_lock:
        if full_key in _memo:
            return _memo[full_key]
    value = compute()
    with _memo_lock:
        _memo[full_key] = value
    return value
