"""BENCHMARKS.md: every measurement's table, how it was taken, and the targets."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import UTC, datetime

import cached
import cold_report
import content_po
import crawl
import growth_report
import scale
import sitemap
from cold import ColdRun
from growth import SMALL, GrowthRun
from inprocess import shares_table
from report import Check, targets_table
from wrk import Result, results_table

from search import SAMPLES, search_report


@dataclass
class Found:
    """Everything one run measured."""

    hello: Result | None = None
    results: list[Result] = field(default_factory=list)
    shares: dict = field(default_factory=dict)
    cold: list[ColdRun] = field(default_factory=list)
    growth: list[GrowthRun] = field(default_factory=list)
    scale: list[Result] = field(default_factory=list)
    queries: dict[str, int] = field(default_factory=dict)
    search_rows: list = field(default_factory=list)
    reindexed: dict[int, float] = field(default_factory=dict)
    content_po: content_po.ContentPoRun | None = None
    notes: list[str] = field(default_factory=list)
    minutes: float = 0.0


def front_cache_section(found: Found, args: argparse.Namespace) -> list[str]:
    """The front cache, nginx, the same pages uncached, the news list's ends, the profile."""
    grown = ", ".join(f"{g.added_seconds:.1f} s on {g.kind}" for g in found.growth)
    queries = ", ".join(f"`{path}`: {n}" for path, n in found.queries.items())
    return [
        "## The front cache, nginx, and the same pages without them",
        "",
        "The site's rows are answered by its front cache (finished public pages kept in memory "
        'while their ETag holds); the rows marked "front cache off" render every request in '
        f"Flask (`PAGE_CACHE_MB=0`), as do the news pages of the {args.articles:,}-article "
        f"site (wrk -d{args.cold_seconds}s). CPU time per request is in the sections below.",
        "",
        results_table(found.results + found.scale, found.hello.rps),
        "",
        f"Adding {args.articles - SMALL:,} generated articles to {SMALL:,} "
        f"(`flask demo articles`) took {grown}. SQL statements per news page with "
        f"{args.articles:,} articles (the stamp query read before the view not included): "
        f"{queries}.",
        "",
        "Where a page's time goes with the front cache off: own time of each function, by "
        "the code it belongs to, over 300 requests per page in-process (cProfile, Flask's "
        "test client; werkzeug's share includes the test client's own work):",
        "",
        shares_table(found.shares),
    ]


def growth_section(found: Found, args: argparse.Namespace) -> list[str]:
    """Latency at 1,000 and at the large size, in both situations, per database."""
    lines = [
        f"## Cost does not grow with content: {SMALL:,} and {args.articles:,} articles",
        "",
        "Front cache off. On each server, after the sitemap (next sections), wrk warms every "
        "worker for 2 s on the public URLs below and the demo's article; then one client "
        "asks for each URL in turn (a new connection each time): 3 requests not counted, "
        f"then {args.samples}; median and p95. The article "
        "is a different one at each request, never asked for before. Admin pages are "
        "fetched logged in. News list pages are 10 articles each, the admin's article list "
        f"20. Situation (a): a server started after the bulk load of {args.articles:,} "
        f"articles; (b): the server started at {SMALL:,} articles, kept running while "
        "`flask demo articles` added the rest from another process. Beside each of them "
        f"runs a server of a copy of the site at {SMALL:,} articles, started with it and "
        "warmed the same way, and the client alternates: each request to the large site is "
        f"followed by the same URL's request to the copy. The ratio is the median at "
        f"{args.articles:,} over the copy's median measured alongside, so that the machine's "
        "speed changing between stages (on this machine, by up to 2x within an hour) does "
        f"not count as growth; target: at most {growth_report.LATENCY_GOAL}. The first "
        f"column is server (b) at {SMALL:,}, before it grew.",
    ]
    for run in found.growth:
        lines += ["", *growth_report.latency_table(run)]
    return lines


def crawl_sitemap_memory(found: Found, args: argparse.Namespace) -> list[str]:
    """The crawl, the sitemap and the workers' memory, every database and server."""
    return [
        "## A crawl against one repeated article",
        "",
        f"On each server above, after the latency set: wrk (-d{args.cold_seconds}s) on one "
        f"article asked again and again, then wrk with `bench/crawl.lua` asking for a "
        f"different article at each request (at least {crawl.LEAST:,} never-seen article "
        "URLs in both languages, more than the run can ask for, read from a file), in "
        f"{crawl.ROUNDS} rounds, each crawl on articles no earlier round asked for. The "
        "ratio is the median of the rounds' ratios (each round's are listed); the other "
        f"columns show the median round. Target, with {args.articles:,} articles: the crawl "
        f"keeps {crawl.CRAWL_GOAL} of the repeated article's rate.",
        "",
        *crawl.table(growth_report.crawl_rows(found.growth)),
        "",
        "## Sitemap",
        "",
        "The first requests a server answers after its start (in situation (b), after the "
        "articles were added): `/sitemap.xml`, then each part its index lists; then "
        f"{sitemap.SAMPLES} more of each (median), one client. gzip: whether the answer to "
        "`Accept-Encoding: gzip` came compressed (asked of the index and the first part; in "
        "production nginx compresses). "
        f"Targets with {args.articles:,} articles: index at most "
        f"{sitemap.INDEX_GOAL_MS} ms, every part at most {sitemap.PART_GOAL_MS} ms.",
        "",
        *sitemap.table(growth_report.sitemap_rows(found.growth)),
        "",
        "## Memory of the workers",
        "",
        "Each gunicorn worker's private memory (Private_Clean + Private_Dirty from "
        "`/proc/<pid>/smaps_rollup`), before and after the load (the sitemap, the latency "
        "set and the crawl above). Target: the mean after the load at "
        f"{args.articles:,} articles at most {growth_report.MEMORY_GOAL} x the same at "
        f"{SMALL:,}.",
        "",
        *growth_report.memory_table(found.growth),
    ]


def checks(found: Found, args: argparse.Namespace) -> tuple[list[str], list[Check]]:
    """The search section's lines, and every target."""
    found_checks = cached.checks(found.results, found.hello.rps)
    found_checks += scale.checks(found.scale, args.articles)
    search_lines, search_checks = search_report(found.search_rows, found.reindexed, found.hello.rps)
    for run in found.cold:
        found_checks += cold_report.checks(run)
    for run in found.growth:
        found_checks += growth_report.checks(run)
    found_checks += content_po.report(found.content_po)[1]
    return search_lines, found_checks + search_checks


def render(found: Found, args: argparse.Namespace) -> str:
    """The whole report."""
    search_lines, all_checks = checks(found, args)
    report = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in "
        f"{found.minutes:.0f} minutes: wrk (-t2 -c{args.connections} -d{args.seconds}s unless "
        "a section says otherwise) on loopback, gunicorn with gunicorn.conf.py's defaults, "
        "SQLite unless a section says otherwise. wrk shares the machine's cores with the "
        "servers, so only ratios measured in the same run compare.",
        *[f"\n{note}" for note in found.notes],
        "",
        *front_cache_section(found, args),
        "",
        *cold_report.section(found.cold, args.cold_seconds),
        "",
        *growth_section(found, args),
        "",
        *crawl_sitemap_memory(found, args),
        "",
        "## Search",
        "",
        "Front cache off (every request runs the search), SQLite, Slovak queries: one client "
        f"asking {SAMPLES} times in turn (median, p95), then wrk (-d{args.cold_seconds}s). "
        "The article page is measured the same way at the same size.",
        "",
        *search_lines,
        "",
        "## Content translation files",
        "",
        f"On the {args.articles:,}-article SQLite site, after everything above: "
        "`flask translations export-content en -o FILE` (every article, page, image text and "
        "the contact data), then every article's English title changed in the file with "
        "Babel's PO reader and writer, then `flask translations import-content FILE --apply` "
        "(the file checked, msgfmt included, and each changed article saved with its "
        "revision and search index in one transaction). Each time is the command's, the "
        f"app's start included. Targets: export under {content_po.EXPORT_GOAL:.0f} s, import "
        f"under {content_po.IMPORT_GOAL:.0f} s.",
        "",
        *content_po.report(found.content_po)[0],
        "",
        "## Targets",
        "",
        *targets_table(all_checks),
    ]
    return "\n".join(report) + "\n"
