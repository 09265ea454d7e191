"""Does a request cost more with more articles? The same measurements at 1,000 articles and
at the large size, front cache off, on one database:

(a) a server started after the bulk load, (b) a server started at 1,000 articles and kept
running while ``flask demo articles`` adds the rest from another process. On each server:
the sitemap first, then the latency set (latency.py), a crawl (crawl.py), and the workers'
private memory before and after all that (the load).

The latency set at the large size is measured beside a server of a copy of the site at
1,000 articles, started with it, the requests alternating between the two: the ratio of
their times is not moved by the machine's speed changing in the minutes between stages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import crawl
import datasets
import latency
import sitemap
from datasets import SEED_EN, SEED_SK
from serve import Server, serve

from eurobrew.demo import NEWS

SMALL = 1_000
# flask demo load's articles: the seed and the demo news, before any generated one.
DEMO_ARTICLES = 1 + len(NEWS)


@dataclass
class GrowthRun:
    """What one database measured; keys of the dicts are a stage (see ``STAGES``)."""

    kind: str
    large: int
    instance: datasets.Instance
    added_seconds: float = 0.0
    timings: dict[str, dict[str, latency.Timing]] = field(default_factory=dict)
    # The copy at 1,000 articles, measured alongside the large stages.
    beside: dict[str, dict[str, latency.Timing]] = field(default_factory=dict)
    memory: dict[str, list[float]] = field(default_factory=dict)
    sitemaps: dict[str, list[sitemap.Timed]] = field(default_factory=dict)
    crawls: dict[str, crawl.Crawl] = field(default_factory=dict)


# small: the server started at 1,000 articles; grown: the same server once the articles were
# added (b); fresh: a server started after them (a).
STAGES = ("small", "grown", "fresh")


@dataclass
class Settings:
    """How long and how often to measure."""

    folder: Path
    seconds: int
    connections: int
    samples: int


@dataclass
class Reference:
    """The copy of the site at 1,000 articles and its server."""

    server: Server
    site: latency.Site


def visit(
    server: Server,
    run: GrowthRun,
    unseen: latency.Unseen,
    stage: str,
    s: Settings,
    reference: Reference | None = None,
):
    """Everything measured at a stage, in a fixed order: the sitemap's first request first."""
    run.memory[f"{stage}, before the load"] = server.memory()
    run.sitemaps[stage] = sitemap.measure(server.base)
    warm_up(server, run.instance, s)
    sites = [latency.Site(server.base, run.instance, unseen)]
    if reference:
        warm_up(reference.server, reference.site.instance, s)
        sites.append(reference.site)
    timings = latency.measure(sites, s.samples)
    run.timings[stage] = timings[0]
    if reference:
        run.beside[stage] = timings[1]
    paths_file = s.folder / f"crawl-{run.kind}-{stage}.txt"
    run.crawls[stage] = crawl.measure(server, unseen, paths_file, s.seconds, s.connections)
    run.memory[f"{stage}, after the load"] = server.memory()


def warm_up(server: Server, instance: datasets.Instance, s: Settings) -> None:
    """Every worker renders the public URLs for a moment (wrk)."""
    paths = [*latency.public_urls(instance.articles()).values(), SEED_SK, SEED_EN]
    server.warm_up(paths, s.folder / "warm-up.txt", s.connections)


def measure(
    database: datasets.Database,
    large: int,
    s: Settings,
    at_small: Callable[[datasets.Instance], None] | None = None,
) -> GrowthRun:
    """Both situations on ``database``; ``at_small`` runs on the site at 1,000 articles
    before any server of this module starts."""
    instance = datasets.prepare(database, "growth", articles=SMALL - DEMO_ARTICLES)
    if at_small:
        at_small(instance)
    copy = database.copy(instance, "growth_reference")
    run = GrowthRun(database.kind, large, instance)
    unseen = latency.Unseen(instance)
    beside = latency.Site("", copy, latency.Unseen(copy))
    log, copy_log = (s.folder / f"growth-{database.kind}{end}.log" for end in ("", "-copy"))
    with (
        serve(instance.env, (18100, 18110), log) as server,
        serve(copy.env, (18170, 18180), copy_log) as alongside,
    ):
        beside.base = alongside.base
        visit(server, run, unseen, "small", s)
        run.added_seconds = instance.add_articles(large - SMALL)
        unseen.refresh()
        visit(server, run, unseen, "grown", s, Reference(alongside, beside))
    with (
        serve(instance.env, (18110, 18120), log) as server,
        serve(copy.env, (18180, 18190), copy_log) as alongside,
    ):
        beside.base = alongside.base
        visit(server, run, unseen, "fresh", s, Reference(alongside, beside))
    return run
