"""Every public page type with the front cache off, beside Fortunes on the same database.

Fortunes (fortunes.py) is what Flask, SQLAlchemy's ORM and Jinja cost for one small query
and template; a cold page is held to a share of it and of hello-world.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import datasets
import fortunes
from datasets import SEED_EN, SEED_SK
from report import Check, markdown_table, worst
from serve import serve
from wrk import Result

from http_client import fetch

BENCH = Path(__file__).resolve().parent
PAGES = {
    "home": "/sk/",
    "news list": "/sk/novinky/",
    "article": SEED_SK,
    "content page": "/sk/o-nas",
    "contact form": "/sk/kontakt",
    "Atom feed": "/sk/novinky/feed.xml",
    "sitemap": "/sitemap.xml",
    "search": "/sk/hladat?q=" + urllib.parse.quote("polovodičový"),
    "home (en)": "/en/",
    "news list (en)": "/en/news/",
    "article (en)": SEED_EN,
    "content page (en)": "/en/about-us",
    "contact form (en)": "/en/contact",
    "Atom feed (en)": "/en/news/feed.xml",
    "search (en)": "/en/search?q=semiconductor",
}
FORTUNES_GOAL, HELLO_GOAL = 0.75, 0.30


@dataclass
class ColdRun:
    """One database's Fortunes and pages."""

    kind: str
    fortunes: Result
    pages: dict[str, Result]


def serve_fortunes(database: datasets.Database, folder: Path, seconds: int, connections: int):
    """Fortunes under the site's gunicorn config, on a new database of ``database``'s kind."""
    url = database.url("fortunes")
    fortunes.create_table(url)
    env = dict(os.environ, FORTUNES_DATABASE_URL=url, PYTHONPATH=str(BENCH))
    log = folder / f"fortunes-{database.kind}.log"
    with serve(env, (18120, 18130), log, app="fortunes:app", health="/fortunes") as server:
        server.wrk("warm-up", "/fortunes", 2, connections)
        return server.wrk(f"Fortunes, {database.kind}", "/fortunes", seconds, connections)


def measure(database: datasets.Database, folder: Path, seconds: int, connections: int) -> ColdRun:
    """Fortunes, then every page of a small site (the demo and 40 articles), cold."""
    fortunes_result = serve_fortunes(database, folder, seconds, connections)
    instance = datasets.prepare(database, "cold", articles=40)
    log = folder / f"cold-{database.kind}.log"
    with serve(instance.env, (18130, 18140), log) as server:
        for path in PAGES.values():
            status = fetch(server.base + path).status
            if status != 200:
                raise RuntimeError(f"GET {path}: {status}")
        server.warm_up(list(PAGES.values()), folder / "cold-pages.txt", connections)
        pages = {name: server.wrk(name, path, seconds, connections) for name, path in PAGES.items()}
    return ColdRun(database.kind, fortunes_result, pages)


def cpu(result: Result) -> str:
    """The workers' CPU time per request, for a table cell."""
    return "-" if result.cpu_ms is None else f"{result.cpu_ms:.2f} ms"


def table(runs: list[ColdRun], hello: Result) -> list[str]:
    """Pages as rows; per database its rate, the two ratios and the CPU per request."""
    header = ["page"]
    for run in runs:
        header += [f"{run.kind}: req/s", "x Fortunes", "x hello", "p99", "CPU per request"]
    rows = [["hello-world"] + [f"{hello.rps:,.0f}", "-", "1.00", hello.p99, cpu(hello)] * len(runs)]
    rows.append(["Fortunes"])
    for run in runs:
        f = run.fortunes
        rows[-1] += [f"{f.rps:,.0f}", "1.00", f"{f.rps / hello.rps:.2f}", f.p99, cpu(f)]
    for name, path in PAGES.items():
        rows.append([f"{name} `{path}`"])
        for run in runs:
            r = run.pages[name]
            ratio = r.rps / run.fortunes.rps
            rows[-1] += [f"{r.rps:,.0f}", f"{ratio:.2f}", f"{r.rps / hello.rps:.2f}", r.p99, cpu(r)]
    return markdown_table(header, rows)


def errors(runs: list[ColdRun]) -> list[str]:
    """wrk's error counts, one line per run that had any."""
    found = []
    for run in runs:
        for r in [run.fortunes, *run.pages.values()]:
            if r.errors:
                found.append(f"- {run.kind}, {r.name}: {r.errors}")
    return found


def checks(run: ColdRun, hello: Result) -> list[Check]:
    """Every page >= 0.75 x Fortunes (same database) and >= 0.30 x hello-world."""
    to_fortunes = {name: r.rps / run.fortunes.rps for name, r in run.pages.items()}
    to_hello = {name: r.rps / hello.rps for name, r in run.pages.items()}
    return [
        worst(f"cold page >= 0.75 x Fortunes, {run.kind}", to_fortunes, FORTUNES_GOAL),
        worst(f"cold page >= 0.30 x hello-world, {run.kind}", to_hello, HELLO_GOAL),
    ]
