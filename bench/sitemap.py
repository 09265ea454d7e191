"""/sitemap.xml and the parts its index lists: the first request after a start, then a few."""

from __future__ import annotations

import re
import statistics
import time
import urllib.parse
from dataclasses import dataclass

from report import Check, markdown_table, ms

from http_client import fetch

INDEX = "/sitemap.xml"
INDEX_GOAL_MS, PART_GOAL_MS = 20, 300
SAMPLES = 3  # requests after the first, per file


@dataclass
class Timed:
    """One sitemap file: the first request's seconds, the median of the next ones, its size."""

    path: str
    first: float
    median: float
    size: int
    gzip: bool | None
    urls: int


def timed_get(url: str, headers: dict[str, str] | None = None) -> tuple[float, str, dict]:
    """(seconds to the body's last byte, body, headers); the answer must be 200."""
    started = time.perf_counter()
    reply = fetch(url, headers=headers, timeout=120)
    took = time.perf_counter() - started
    if reply.status != 200:
        raise RuntimeError(f"GET {url}: {reply.status}")
    return took, reply.body, reply.headers


def parts_of(index: str) -> list[str]:
    """The paths of the parts a sitemap index lists; none for a single sitemap."""
    if "<sitemapindex" not in index:
        return []
    return [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", index)]


def gzipped(url: str) -> bool:
    """Whether ``url`` answers ``Accept-Encoding: gzip`` compressed."""
    headers = timed_get(url, {"Accept-Encoding": "gzip"})[2]
    return headers.get("Content-Encoding", "").lower() == "gzip"


def measure(base: str) -> list[Timed]:
    """The index (or the single sitemap) and every part; call it first after a start.

    gzip is asked for of the index and the first part only (the parts are alike)."""
    first, body, _ = timed_get(base + INDEX)
    firsts = {INDEX: (first, body)}
    for path in parts_of(body):
        took, part, _ = timed_get(base + path)
        firsts[path] = (took, part)
    measured = []
    for n, (path, (took, text)) in enumerate(firsts.items()):
        times = [timed_get(base + path)[0] for _ in range(SAMPLES)]
        gzip = gzipped(base + path) if n < 2 else None
        size, urls = len(text.encode()), text.count("<loc>")
        measured.append(Timed(path, took, statistics.median(times), size, gzip, urls))
    return measured


def table(runs: dict[tuple[str, str], list[Timed]]) -> list[str]:
    """One row per file, database and server."""
    rows = []
    for (kind, server), files in runs.items():
        for f in files:
            size = f"{f.size:,} B" if f.size < 10_240 else f"{f.size / 1024:,.0f} KiB"
            gzip = {True: "yes", False: "no", None: "-"}[f.gzip]
            rows.append(
                [kind, server, f"`{f.path}`", f"{f.urls:,}", size, ms(f.first), ms(f.median), gzip]
            )
    header = [
        "database",
        "server",
        "file",
        "`<loc>` entries",
        "size",
        "first request",
        f"median of the next {SAMPLES}",
        "gzip when asked",
    ]
    return markdown_table(header, rows, left=3)


def checks(kind: str, files: list[Timed], articles: int) -> list[Check]:
    """Index within 20 ms, every part within 300 ms (medians); a single file counts as a part."""
    index = next(f for f in files if f.path == INDEX)
    parts = [f for f in files if f.path != INDEX] or [index]
    slowest = max(parts, key=lambda f: f.median)
    at = f"{articles:,} articles, {kind}"
    found = []
    if len(files) > 1:
        label = f"sitemap index <= 20 ms, {at} (median, ms)"
        found.append(Check(label, index.median * 1000, INDEX_GOAL_MS, at_most=True))
    label = f"every sitemap part <= 300 ms, {at} (slowest: `{slowest.path}`, median, ms)"
    found.append(Check(label, slowest.median * 1000, PART_GOAL_MS, at_most=True))
    return found
