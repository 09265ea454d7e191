"""One client asking in turn: the median and p95 time of public and admin URLs.

Every URL is asked for a few times first (not counted), then ``samples`` times. The
never-seen article is a different article at every request, one no request asked for
before, so no cache of the site's, the database's or the system's has it yet.
"""

from __future__ import annotations

import random
import statistics
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from datasets import Instance

from http_client import AdminSession, fetch

SEARCH = "/sk/hladat?q=" + urllib.parse.quote("polovodičový")
# A word in 1 of 6 generated articles (the demo's topics), and the same topic's English word
# on the Slovak page: thousands of matches, none of them in the page's language.
FREQUENT_SEARCH = "/sk/hladat?q=" + urllib.parse.quote("polovodiče")
OTHER_LANGUAGE_SEARCH = "/sk/hladat?q=semiconductors"
NEVER_SEEN = "article never seen before"
WARM_UP = 3


@dataclass
class Timing:
    """Seconds per request of one URL."""

    median: float
    p95: float


class Unseen:
    """Article paths no request has asked for yet, in a random order."""

    def __init__(self, instance: Instance):
        self.instance = instance
        self.seen: set[str] = set()
        self.pool: list[str] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the articles again (after more were added)."""
        self.pool = [p for p in self.instance.article_paths() if p not in self.seen]
        random.Random(len(self.pool)).shuffle(self.pool)  # noqa: S311 - an order, not a secret

    def take(self, count: int) -> list[str]:
        """``count`` paths (fewer if the pool runs out), never handed out again."""
        taken, self.pool = self.pool[:count], self.pool[count:]
        self.seen.update(taken)
        return taken


def public_urls(articles: int, per_page: int = 10) -> dict[str, str]:
    """The public URLs whose cost must not grow with the articles (besides the article)."""
    last = (articles + per_page - 1) // per_page
    return {
        "news list, first page": "/sk/novinky/",
        "news list, middle page": f"/sk/novinky/?page={max(1, last // 2)}",
        "news list, last page": f"/sk/novinky/?page={last}",
        "Atom feed": "/sk/novinky/feed.xml",
        "search (one word)": SEARCH,
        "search (a word in 1 of 6 articles)": FREQUENT_SEARCH,
        "search (an English word in 1 of 6, Slovak page)": OTHER_LANGUAGE_SEARCH,
    }


def admin_urls(articles: int, per_page: int = 20) -> dict[str, str]:
    """The admin's pages whose cost must not grow with the articles."""
    last = (articles + per_page - 1) // per_page
    return {
        "admin: dashboard": "/admin/",
        "admin: articles, first page": "/admin/articles/",
        "admin: articles, last page": f"/admin/articles/?page={last}",
        "admin: translations": "/admin/translations/",
        "admin: pages": "/admin/pages/",
        "admin: inbox": "/admin/messages/",
    }


@dataclass
class Site:
    """A server to measure, the site it serves and its articles not asked for yet."""

    base: str
    instance: Instance
    unseen: Unseen


def _time(get: Callable[[str], int], path: str) -> float:
    started = time.perf_counter()
    status = get(path)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"GET {path}: {status}")
    return elapsed


def _timing(times: list[float]) -> Timing:
    times = sorted(times)
    return Timing(statistics.median(times), times[max(0, round(len(times) * 0.95) - 1)])


Plan = dict[str, tuple[Callable[[str], int], Callable[[int], list[str]]]]


def _plan(site: Site) -> Plan:
    """By URL name: how to ask (public or logged in), and the paths of ``n`` requests."""
    articles = site.instance.articles()
    admin = AdminSession(site.base)
    admin.login(*site.instance.admin)

    def public(path: str) -> int:
        return fetch(site.base + path, timeout=60).status

    def logged_in(path: str) -> int:
        return admin.get(path).status

    plan: Plan = {NEVER_SEEN: (public, site.unseen.take)}
    for urls, get in ((public_urls(articles), public), (admin_urls(articles), logged_in)):
        for name, path in urls.items():
            plan[name] = (get, lambda count, path=path: [path] * count)
    return plan


def measure(sites: list[Site], samples: int) -> list[dict[str, Timing]]:
    """Every URL of the set on each site, by name (one dict per site, in order).

    With several sites the requests alternate: each request to the first is followed by the
    same URL's request to the next, so that a machine slowing down or speeding up during
    the measurement weighs on every site alike. Every answer must be 200.
    """
    plans = [_plan(site) for site in sites]
    found: list[dict[str, Timing]] = [{} for _ in sites]
    for name in plans[0]:
        if name != NEVER_SEEN:  # a never-seen article is new at every request
            for get, paths in (plan[name] for plan in plans):
                for path in paths(WARM_UP):
                    _time(get, path)
        series = [plan[name][1](samples) for plan in plans]
        times: list[list[float]] = [[] for _ in sites]
        for paths in zip(*series, strict=False):
            for index, path in enumerate(paths):
                times[index].append(_time(plans[index][name][0], path))
        for index, measured in enumerate(times):
            found[index][name] = _timing(measured)
    return found
