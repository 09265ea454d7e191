"""make bench's search rows: searches at 1,000 and at 100,000 articles, front cache off.

For each size: the time ``flask search reindex`` takes, then per query the median and p95
latency of one client asking in turn, and the rate under wrk; the uncached article page is
measured the same way, in the same run, to compare with.
"""

from __future__ import annotations

import re
import statistics
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from datasets import SEED_SK as ARTICLE
from report import Check
from wrk import run_wrk

import servers

# The three kinds the search targets name (one word, two words, no hit), each finding the
# same few texts at any size, then a word 1 in 6 generated articles carries: its results are
# ranked among the few hundred matching texts written last (search/matching.py), so it too
# must cost the same at any size; and so must its English word, which the Slovak page reads
# none of (each database reads the page language's matches alone).
QUERIES = {
    "one word": "polovodičový",
    "two words": "japonsko čipy",
    "no hit": "xylofón",
    "one word, 1 in 6 articles": "polovodiče",
    # That topic's English word: as many matches, none in the page's language.
    "English word, 1 in 6 articles": "semiconductors",
}
SAMPLES = 100


@dataclass
class Measured:
    """One URL at one size."""

    size: int
    name: str
    hits: str
    median_ms: float
    p95_ms: float
    rps: float


def latencies(url: str, samples: int = SAMPLES) -> tuple[float, float, str]:
    """(median ms, p95 ms, the page's result count) of one client asking ``samples`` times."""
    times, body = [], ""
    for _ in range(samples):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read().decode()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    count = re.search(r'class="count"[^>]*>([^<]*)', body)
    return statistics.median(times), times[int(len(times) * 0.95) - 1], count[1] if count else ""


def measure_size(env: dict[str, str], size: int, folder: Path, seconds: int, connections: int):
    """Every query and the article on the prepared site ``env`` of ``size`` articles, after
    rebuilding its index; (rows, seconds the rebuild took)."""
    output = servers.flask(env, "search", "reindex")
    reindexed = float(re.search(r"in ([\d.]+) s", output)[1])
    rows = []
    with servers.gunicorn(env, servers.free_port(18090, 18100), log=folder / "search.log") as base:
        urls = {name: f"{base}/sk/hladat?q={urllib.parse.quote(q)}" for name, q in QUERIES.items()}
        urls["article page"] = base + ARTICLE
        for name, url in urls.items():
            median, p95, hits = latencies(url)
            rps = run_wrk(f"{name} ({size:,})", url, seconds, connections).rps
            rows.append(Measured(size, name, hits, median, p95, rps))
    return rows, reindexed


def search_report(
    rows: list[Measured], reindex: dict[int, float], hello_rps: float
) -> tuple[list[str], list[Check]]:
    """The report's table and the targets' checks."""
    lines = [
        "| articles | search | result count shown | median | p95 | req/s under wrk | "
        "ratio to hello-world |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.size:,} | {r.name} | {r.hits or '-'} | {r.median_ms:.1f} ms | "
            f"{r.p95_ms:.1f} ms | {r.rps:,.0f} | {r.rps / hello_rps:.2f} |"
        )
    small, large = min(reindex), max(reindex)
    at = {(r.size, r.name): r for r in rows}
    checks = []
    for name in QUERIES:
        ratio = at[small, name].median_ms / at[large, name].median_ms
        checks.append(
            Check(f"search '{name}' at {large:,} within 2x of {small:,} (median)", ratio, 0.5)
        )
        ratio = at[large, "article page"].median_ms / at[large, name].median_ms
        checks.append(Check(f"search '{name}' within 3x of the uncached article", ratio, 1 / 3))
    checks.append(
        Check(f"reindex {large:,} articles under 60 s (60 / s)", 60 / reindex[large], 1.0)
    )
    lines.append("")
    lines.append(
        "Rebuilding the index (`flask search reindex`): "
        + ", ".join(f"{size:,} articles in {s:.1f} s" for size, s in sorted(reindex.items()))
        + "."
    )
    return lines, checks
