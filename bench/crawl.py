"""A crawl: wrk asking for a different, never-seen article at every request (crawl.lua),
against wrk asking for one article again and again, on the same server.

The two alternate over ``ROUNDS`` rounds, each crawl walking articles no earlier round
asked for, and the ratio is the median of the rounds' ratios, as the cold pages' are: one
run of each moved with the machine's speed during those seconds.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from latency import Unseen
from report import Check, markdown_table
from serve import Server
from wrk import Result

LEAST = 2000  # distinct articles a crawl walks at least
CRAWL_GOAL = 0.8
# On this kind of machine the workers' CPU for the same repeated article drifted from 0.7
# to 1.9 ms a request between minutes, and single rounds read from 0.47 to 1.25: a median
# of three was left to luck, as the cold pages' was.
ROUNDS = 5
FEWEST = 100  # never-seen articles a round needs; with fewer left, the rounds stop


@dataclass
class Round:
    """One round: the repeated article's run, then the crawl's, and the paths it had."""

    repeated: Result
    crawl: Result
    listed: int

    @property
    def ratio(self) -> float:
        """The crawl's rate over the repeated article's."""
        return self.crawl.rps / self.repeated.rps


@dataclass
class Crawl:
    """The rounds on one server."""

    rounds: list[Round]

    @property
    def ratio(self) -> float:
        """The median over the rounds of the crawl's rate over the repeated article's."""
        return statistics.median(r.ratio for r in self.rounds)

    @property
    def median(self) -> Round:
        """The round with the median ratio (the lower of the two middle ones)."""
        return sorted(self.rounds, key=lambda r: r.ratio)[(len(self.rounds) - 1) // 2]


def measure(
    server: Server, unseen: Unseen, paths_file: Path, seconds: int, connections: int
) -> Crawl:
    """``ROUNDS`` rounds of one repeated article, then a crawl with more never-seen
    articles than it can ask for (fewer rounds when the site has not enough articles)."""
    article = unseen.take(1)[0]
    rounds = []
    for _ in range(ROUNDS):
        repeated = server.wrk("one article, repeated", article, seconds, connections)
        paths = unseen.take(max(LEAST, int(repeated.rps * seconds * 1.25) + 100))
        if len(paths) < FEWEST and rounds:
            break
        paths_file.write_text("\n".join(paths) + "\n")
        crawl = server.wrk("crawl", "/", seconds, connections, paths_file=paths_file)
        rounds.append(Round(repeated, crawl, len(paths)))
    return Crawl(rounds)


def cpu(result: Result) -> str:
    """The workers' CPU time per request, for a table cell."""
    return "-" if result.cpu_ms is None else f"{result.cpu_ms:.2f} ms"


def table(runs: dict[tuple[str, str], Crawl]) -> list[str]:
    """One row per database and server."""
    rows = []
    for (kind, server), c in runs.items():
        m = c.median
        distinct = "all" if m.crawl.requests <= m.listed else f"first {m.listed:,}"
        rows.append(
            [
                kind,
                server,
                f"{m.repeated.rps:,.0f}",
                cpu(m.repeated),
                f"{m.crawl.rps:,.0f}",
                cpu(m.crawl),
                f"{c.ratio:.2f}",
                ", ".join(f"{r.ratio:.2f}" for r in c.rounds),
                f"{m.crawl.requests:,} ({distinct} distinct)",
                m.crawl.errors or m.repeated.errors or "-",
            ]
        )
    header = [
        "database",
        "server",
        "one article repeated, req/s",
        "CPU per request",
        "crawl, req/s",
        "CPU per request",
        "crawl / repeated (median)",
        "each round",
        "crawl requests",
        "errors",
    ]
    return markdown_table(header, rows, left=2)


def checks(kind: str, articles: int, crawl: Crawl) -> list[Check]:
    """The crawl at ``articles`` keeps 0.8 of the repeated article's rate."""
    label = f"crawl >= 0.8 x one repeated article, {articles:,} articles, {kind}"
    return [Check(label, crawl.ratio, CRAWL_GOAL)]
