"""BENCHMARKS.md's sections on cost and content: latency, crawl, sitemap and memory."""

from __future__ import annotations

import statistics

import crawl
import sitemap
from growth import SMALL, GrowthRun
from report import Check, markdown_table, ms, worst

LATENCY_GOAL = 1.5  # time at the large size over the time at 1,000 articles, at most
# A worker's private memory at the large size over at 1,000, at most: the leeway is for which
# requests happened to land on which worker.
MEMORY_GOAL = 1.20
SITUATIONS = (
    ("fresh", "(a) server started after the load"),
    ("grown", "(b) server kept running while articles were added"),
)


def servers_of(run: GrowthRun) -> dict[str, str]:
    """Each stage's server, in words."""
    return {
        "small": f"{SMALL:,} articles",
        "grown": f"{run.large:,}, same server, grown while running (b)",
        "fresh": f"{run.large:,}, started after the load (a)",
    }


def latency_table(run: GrowthRun) -> list[str]:
    """Per URL: the median at 1,000 on server (b) before it grew; then in situations (a)
    and (b) the median and p95 at the large size, the median of the copy at 1,000 measured
    alongside, and their ratio."""
    rows = []
    for name, t in run.timings["small"].items():
        row = [name, ms(t.median)]
        for stage, _ in SITUATIONS:
            large, beside = run.timings[stage][name], run.beside[stage][name]
            ratio = f"{large.median / beside.median:.2f}"
            row += [ms(large.median), ms(large.p95), ms(beside.median), ratio]
        rows.append(row)
    at = f"{run.large:,}"
    header = [f"{run.kind}: URL", f"{SMALL:,} before (b)"]
    for situation in ("(a)", "(b)"):
        header += [f"{situation} {at}: median", "p95", f"{SMALL:,} alongside", "ratio"]
    return markdown_table(header, rows)


def memory_table(runs: list[GrowthRun]) -> list[str]:
    """Each worker's private memory (mean and largest) at every stage."""
    rows = []
    for run in runs:
        for moment, figures in run.memory.items():
            stage, when = moment.split(", ", 1)
            rows.append(
                [
                    run.kind,
                    servers_of(run)[stage],
                    when,
                    str(len(figures)),
                    f"{statistics.mean(figures):.1f} MB",
                    f"{max(figures):.1f} MB",
                ]
            )
    header = ["database", "server", "when", "workers", "private memory, mean", "largest"]
    return markdown_table(header, rows, left=3)


def crawl_rows(runs: list[GrowthRun]) -> dict[tuple[str, str], crawl.Crawl]:
    """Every crawl, by database and server."""
    return {(r.kind, servers_of(r)[stage]): c for r in runs for stage, c in r.crawls.items()}


def sitemap_rows(runs: list[GrowthRun]) -> dict[tuple[str, str], list[sitemap.Timed]]:
    """Every sitemap measurement, by database and server."""
    return {(r.kind, servers_of(r)[stage]): s for r in runs for stage, s in r.sitemaps.items()}


def memory_ratio(run: GrowthRun, stage: str) -> float:
    """Mean private memory after the load at ``stage`` over the same at 1,000 articles."""
    after = run.memory[f"{stage}, after the load"]
    return statistics.mean(after) / statistics.mean(run.memory["small, after the load"])


def checks(run: GrowthRun) -> list[Check]:
    """The targets of one database: latency, crawl, sitemap and memory."""
    at, kind = f"{run.large:,}", run.kind
    found = []
    for stage, situation in SITUATIONS:
        beside = run.beside[stage]
        ratios = {n: t.median / beside[n].median for n, t in run.timings[stage].items()}
        label = f"{situation}: time at {at} <= 1.5 x at {SMALL:,}, every URL, {kind}"
        found.append(worst(label, ratios, LATENCY_GOAL, at_most=True))
    found += crawl.checks(kind, run.large, run.crawls["fresh"])
    found += sitemap.checks(kind, run.sitemaps["fresh"], run.large)
    for stage, situation in SITUATIONS:
        label = (
            f"{situation[:3]} worker private memory at {at} / at {SMALL:,} "
            f"(after the load, mean), {kind}"
        )
        found.append(Check(label, memory_ratio(run, stage), MEMORY_GOAL, at_most=True))
    return found
