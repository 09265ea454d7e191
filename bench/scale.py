"""The first and the last news list page of a large site under wrk, front cache off."""

from __future__ import annotations

from pathlib import Path

from datasets import Instance
from inprocess import queries_per_page
from report import Check
from serve import serve
from wrk import Result

PER_PAGE = 10


def first_and_last_page(
    instance: Instance, folder: Path, seconds: int, connections: int
) -> tuple[list[Result], dict[str, int]]:
    """(the two wrk runs, SQL statements per page), on ``instance`` as it stands."""
    count = instance.articles()
    last = (count + PER_PAGE - 1) // PER_PAGE
    paths = ["/sk/novinky/", f"/sk/novinky/?page={last}"]
    queries = queries_per_page(instance.env, paths)
    with serve(instance.env, (18060, 18070), folder / "scale.log") as server:
        results = [
            server.wrk(f"news page 1 of {last:,}", paths[0], seconds, connections),
            server.wrk(f"news page {last:,} of {last:,}", paths[1], seconds, connections),
        ]
    return results, queries


def checks(results: list[Result], articles: int) -> list[Check]:
    """The last page within 2x of the first."""
    first, last = results[0].rps, results[1].rps
    label = f"last page within 2x of first ({articles:,} articles, no page cache)"
    return [Check(label, min(first, last) / max(first, last), 0.50)]
