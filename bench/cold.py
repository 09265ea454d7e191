"""Every public page type with the front cache off, beside Fortunes on the same database.

Fortunes (fortunes.py) is what Flask, SQLAlchemy's ORM and Jinja cost for one small query
and template; a cold page is held to a share of it and of hello-world. The three run side
by side, and each page's wrk run follows one of hello-world and one of Fortunes: its ratios
are to those, so that the machine's speed drifting over the section does not count.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import datasets
import fortunes
from datasets import SEED_EN, SEED_SK
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


# Each page's triple of runs, repeated: its ratios are the medians. One 2-second round of
# the same page reads anywhere from 0.6 to 1.0 of Fortunes, so a median of 3 was left to luck.
ROUNDS = 5


def run_seconds(cold_seconds: int) -> int:
    """How long each of a round's wrk runs lasts: half the cold runs' usual length."""
    return max(2, cold_seconds // 2)


@dataclass
class Beside:
    """A page's wrk runs, each with the hello-world and Fortunes runs just before it."""

    page: list[Result]
    hello: list[Result]
    fortunes: list[Result]

    @property
    def to_fortunes(self) -> float:
        """The median over the rounds of the page's rate over Fortunes'."""
        return statistics.median(
            p.rps / f.rps for p, f in zip(self.page, self.fortunes, strict=True)
        )

    @property
    def to_hello(self) -> float:
        """The median over the rounds of the page's rate over hello-world's."""
        return statistics.median(p.rps / h.rps for p, h in zip(self.page, self.hello, strict=True))

    def median(self, which: str = "page") -> Result:
        """The run with the median rate of the page, "hello" or "fortunes"."""
        runs = sorted(getattr(self, which), key=lambda r: r.rps)
        return runs[len(runs) // 2]


@dataclass
class ColdRun:
    """One database's pages, each with hello-world and Fortunes beside it."""

    kind: str
    pages: dict[str, Beside]

    def median(self, which: str) -> Result:
        """The run of hello-world or Fortunes ("hello", "fortunes") with the median rate."""
        runs = [run for b in self.pages.values() for run in getattr(b, which)]
        return sorted(runs, key=lambda r: r.rps)[len(runs) // 2]


def fortunes_env(database: datasets.Database) -> dict[str, str]:
    """Fortunes' environment, on a new database of ``database``'s kind."""
    url = database.url("fortunes")
    fortunes.create_table(url)
    return dict(os.environ, FORTUNES_DATABASE_URL=url, PYTHONPATH=str(BENCH))


@contextlib.contextmanager
def side_by_side(database: datasets.Database, instance: datasets.Instance, folder: Path):
    """hello-world, Fortunes (on a database of ``database``'s kind) and the site, served at
    once under the site's gunicorn config."""
    kind = database.kind
    hello_env = dict(os.environ, PYTHONPATH=str(BENCH))
    with contextlib.ExitStack() as stack:
        logs = {name: folder / f"{name}-{kind}.log" for name in ("hello", "fortunes", "cold")}
        hello = serve(hello_env, (18110, 18120), logs["hello"], "hello:app", "/")
        fortunes_app = serve(
            fortunes_env(database), (18120, 18130), logs["fortunes"], "fortunes:app", "/fortunes"
        )
        site = serve(instance.env, (18130, 18140), logs["cold"])
        yield tuple(stack.enter_context(server) for server in (hello, fortunes_app, site))


def measure(database: datasets.Database, folder: Path, seconds: int, connections: int) -> ColdRun:
    """Every page of a small site (the demo and 40 articles), cold, each after a run of
    hello-world and one of Fortunes, in ``ROUNDS`` rounds."""
    instance = datasets.prepare(database, "cold", articles=40)
    pages = {name: Beside([], [], []) for name in PAGES}
    with side_by_side(database, instance, folder) as (hello, fortunes_app, site):
        for path in PAGES.values():
            status = fetch(site.base + path).status
            if status != 200:
                raise RuntimeError(f"GET {path}: {status}")
        site.warm_up(list(PAGES.values()), folder / "cold-pages.txt", connections)
        hello.wrk("warm-up", "/", 2, connections)
        fortunes_app.wrk("warm-up", "/fortunes", 2, connections)
        for _ in range(ROUNDS):
            for name, path in PAGES.items():
                beside = pages[name]
                beside.hello.append(hello.wrk("hello-world", "/", seconds, connections))
                fortunes_run = fortunes_app.wrk("Fortunes", "/fortunes", seconds, connections)
                beside.fortunes.append(fortunes_run)
                beside.page.append(site.wrk(name, path, seconds, connections))
    return ColdRun(database.kind, pages)
