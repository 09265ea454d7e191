"""Figures kept until the content changes: per app and worker, bounded, for one stamp.

Only the current content version's figures are kept: when a request brings a newer stamp,
the older figures go, so a site edited often holds one version's worth, not a thousand.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from flask import request

from ..contexts import request_globals, running_app
from .stamp import CODE_KEY, stamp_for

MEMO_KEY = "eurobrew.memo"
MEMO_SIZE = 512  # entries: menus, frame parts, counts ... a few per language
# Rendered pieces many pages share (an article's card): a crawl of the news list passes
# every article, so they are kept apart, not to push the frame and counts out.
FRAGMENTS_SIZE = 1024
_memo_lock = threading.Lock()
_NOT_LOOKED_UP = object()


class Kept(OrderedDict):
    """At most ``size`` entries, the least recently used dropped first.

    An OrderedDict's lookups and reordering run in C: a page looks up about ten figures,
    and a pure-Python LRU cache cost more than the lookups' dict work. Used under the
    memo's lock.
    """

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def find(self, key):
        """The kept value, marked as just used; ``_NOT_LOOKED_UP`` when there is none."""
        value = self.get(key, _NOT_LOOKED_UP)
        if value is not _NOT_LOOKED_UP:
            self.move_to_end(key)
        return value

    def keep(self, key, value) -> None:
        """Keep ``value``, dropping the least recently used entry when full."""
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


@dataclass
class Memo:
    """The figures of one content stamp (version, newest publish time passed)."""

    stamp: tuple
    values: Kept = field(default_factory=lambda: Kept(MEMO_SIZE))
    fragments: Kept = field(default_factory=lambda: Kept(FRAGMENTS_SIZE))
    # A lock per figure being computed: its other askers wait for it (see _computed_once).
    computing: dict = field(default_factory=dict)


def stamp_order(stamp: tuple) -> tuple:
    """A stamp as a sortable key: the version, then the newest publish time passed."""
    version, latest_visible = stamp
    return (version, latest_visible is not None, latest_visible or 0)


def current_memo(app, stamp: tuple) -> Memo | None:
    """The memo for ``stamp``, replacing an older one; None for a stamp older than the
    memo's (a request that began before an edit computes without keeping)."""
    memo = app.extensions.get(MEMO_KEY)
    if memo is None or stamp_order(memo.stamp) < stamp_order(stamp):
        memo = app.extensions[MEMO_KEY] = Memo(stamp)
    return memo if memo.stamp == stamp else None


def memoize_per_content(key: tuple, compute, area: str = "values"):
    """``compute()``'s result, reused until the content changes (per worker, bounded).

    For figures that are expensive on large tables but change only with the content, such
    as the number of visible articles. The stamp is the request's (read once); outside a
    request, and in debug mode (where pages are not validated), it simply computes. Each
    app keeps its own: two apps in one process (tests) never see each other's. ``area``:
    "values", or "fragments" for the many small rendered pieces pages share.
    """
    memo = request_memo()
    if memo is None:
        return compute()
    kept = getattr(memo, area)
    with _memo_lock:
        value = kept.find(key)
    if value is _NOT_LOOKED_UP:
        value = _computed_once(memo, kept, key, compute)
    return value


def _computed_once(memo: Memo, kept: Kept, key: tuple, compute):
    """``compute()``'s value for ``key``, computed by one thread of the worker at a time.

    After an edit, every thread of every worker misses at once: at 100,000 articles the
    news list's keys take a few hundred milliseconds to read, and four threads reading
    them side by side under one interpreter lock held up every request of the worker for
    seconds. The others wait for the first and take its value; if it fails, the next one
    tries in turn.
    """
    flight = (id(kept), key)
    with _memo_lock:
        lock = memo.computing.setdefault(flight, threading.Lock())
    with lock:
        with _memo_lock:
            value = kept.find(key)
        if value is _NOT_LOOKED_UP:
            try:
                value = compute()
                with _memo_lock:
                    kept.keep(key, value)
            finally:
                with _memo_lock:
                    memo.computing.pop(flight, None)
    return value


def memoize_many(keys: list[tuple], compute, area: str = "values") -> list:
    """``memoize_per_content`` for several keys at once (a page's cards): the memo and its
    lock taken once; ``compute(n)`` gives the value of ``keys[n]`` when it is not kept."""
    memo = request_memo()
    if memo is None:
        return [compute(n) for n in range(len(keys))]
    kept = getattr(memo, area)
    with _memo_lock:
        values = [kept.find(key) for key in keys]
    missing = [n for n, value in enumerate(values) if value is _NOT_LOOKED_UP]
    for n in missing:
        values[n] = compute(n)
    if missing:
        with _memo_lock:
            for n in missing:
                kept.keep(keys[n], values[n])
    return values


def request_memo() -> Memo | None:
    """The memo of the request's stamp, looked up once per request; None outside a
    request, in debug mode, or for a request older than the memo."""
    page = request_globals()  # g without its proxy: a page looks up about ten figures
    if page is None:
        return None
    memo = page.get("content_memo", _NOT_LOOKED_UP)
    if memo is _NOT_LOOKED_UP:
        memo = page["content_memo"] = _memo_of_request()
    return memo


def _memo_of_request() -> Memo | None:
    app = running_app()
    if CODE_KEY not in app.extensions:
        return None
    stamp = stamp_for(app, request.environ)
    with _memo_lock:
        # A request that began before an edit keeps its own (older) memo to itself.
        return current_memo(app, (stamp.version, stamp.latest_visible))
