"""A crawl: wrk asking for a different, never-seen article at every request (crawl.lua),
against wrk asking for one article again and again, on the same server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from latency import Unseen
from report import Check, markdown_table
from serve import Server
from wrk import Result

LEAST = 2000  # distinct articles a crawl walks at least
CRAWL_GOAL = 0.8


@dataclass
class Crawl:
    """The two runs and how many distinct paths the crawl had."""

    repeated: Result
    crawl: Result
    listed: int

    @property
    def ratio(self) -> float:
        """The crawl's rate over the repeated article's."""
        return self.crawl.rps / self.repeated.rps


def measure(
    server: Server, unseen: Unseen, paths_file: Path, seconds: int, connections: int
) -> Crawl:
    """One repeated article, then a crawl with more never-seen articles than it can ask for."""
    article = unseen.take(1)[0]
    repeated = server.wrk("one article, repeated", article, seconds, connections)
    paths = unseen.take(max(LEAST, int(repeated.rps * seconds * 1.25) + 100))
    paths_file.write_text("\n".join(paths) + "\n")
    crawl = server.wrk("crawl", "/", seconds, connections, paths_file=paths_file)
    return Crawl(repeated, crawl, len(paths))


def cpu(result: Result) -> str:
    """The workers' CPU time per request, for a table cell."""
    return "-" if result.cpu_ms is None else f"{result.cpu_ms:.2f} ms"


def table(runs: dict[tuple[str, str], Crawl]) -> list[str]:
    """One row per database and server."""
    rows = []
    for (kind, server), c in runs.items():
        distinct = "all" if c.crawl.requests <= c.listed else f"first {c.listed:,}"
        rows.append(
            [
                kind,
                server,
                f"{c.repeated.rps:,.0f}",
                cpu(c.repeated),
                f"{c.crawl.rps:,.0f}",
                cpu(c.crawl),
                f"{c.ratio:.2f}",
                f"{c.crawl.requests:,} ({distinct} distinct)",
                c.crawl.errors or c.repeated.errors or "-",
            ]
        )
    header = [
        "database",
        "server",
        "one article repeated, req/s",
        "CPU per request",
        "crawl, req/s",
        "CPU per request",
        "crawl / repeated",
        "crawl requests",
        "errors",
    ]
    return markdown_table(header, rows, left=2)


def checks(kind: str, articles: int, crawl: Crawl) -> list[Check]:
    """The crawl at ``articles`` keeps 0.8 of the repeated article's rate."""
    label = f"crawl >= 0.8 x one repeated article, {articles:,} articles, {kind}"
    return [Check(label, crawl.ratio, CRAWL_GOAL)]
