"""The cold pages' section of BENCHMARKS.md: each page's ratios beside hello-world and
Fortunes, the rounds of those that miss a goal, and the targets' checks."""

from __future__ import annotations

from cold import FORTUNES_GOAL, HELLO_GOAL, PAGES, ROUNDS, ColdRun, run_seconds
from report import Check, markdown_table, worst
from wrk import Result


def section(runs: list[ColdRun], cold_seconds: int) -> list[str]:
    """BENCHMARKS.md's section of every public page type, cold, on SQLite and on
    PostgreSQL (``runs``: one per database; ``cold_seconds``: as ``make bench`` was given)."""
    lines = [
        "## Cold public pages beside Fortunes, SQLite and PostgreSQL",
        "",
        "Front cache off (`PAGE_CACHE_MB=0`), so Flask renders every request: the demo "
        f"content and 40 articles, each page under wrk (-d{run_seconds(cold_seconds)}s"
        f", {ROUNDS} rounds) after a "
        "warm-up in which every worker rendered every page. Fortunes is the TechEmpower "
        "test in Flask (`bench/fortunes.py`: Flask-SQLAlchemy reads 12 rows, one is added, "
        "sorted, and Jinja renders an escaped table) on the same kind of database, served "
        "like hello-world with the site's gunicorn.conf.py. The three servers run side by "
        "side; in each round, each page's run follows a run of hello-world and one of "
        "Fortunes, and its ratios are the medians over the rounds of its rate over those "
        "two, so that the machine's speed drifting during the section does not count. The "
        "rows show each page's median run; hello-world's and Fortunes', the median of all "
        "theirs. Targets: every page at least "
        f"{FORTUNES_GOAL} x Fortunes on the same database and {HELLO_GOAL} x "
        "hello-world. CPU per request: the workers' user and system time "
        "(`/proc/<pid>/stat`) over the run, divided by its requests.",
        "",
        *table(runs),
    ]
    misses = rounds_of_misses(runs)
    if misses:
        lines += ["", "Each round's ratio, in order, of the pages whose median misses a goal:", ""]
        lines += misses
    problems = errors(runs)
    return lines + (["", "wrk counted errors:", "", *problems] if problems else [])


def cpu(result: Result) -> str:
    """The workers' CPU time per request, for a table cell."""
    return "-" if result.cpu_ms is None else f"{result.cpu_ms:.2f} ms"


def table(runs: list[ColdRun]) -> list[str]:
    """Pages as rows; per database its rate, the two ratios (to the runs just before it)
    and the CPU per request. hello-world's and Fortunes' rows: their median runs."""
    header = ["page"]
    for run in runs:
        header += [f"{run.kind}: req/s", "x Fortunes", "x hello", "p99", "CPU per request"]
    rows = [["hello-world (median)"], ["Fortunes (median)"]]
    for run in runs:
        h, f = run.median("hello"), run.median("fortunes")
        rows[0] += [f"{h.rps:,.0f}", "-", "1.00", h.p99, cpu(h)]
        rows[1] += [f"{f.rps:,.0f}", "1.00", f"{f.rps / h.rps:.2f}", f.p99, cpu(f)]
    for name, path in PAGES.items():
        rows.append([f"{name} `{path}`"])
        for run in runs:
            b = run.pages[name]
            r = b.median()
            rows[-1] += [
                f"{r.rps:,.0f}",
                f"{b.to_fortunes:.2f}",
                f"{b.to_hello:.2f}",
                r.p99,
                cpu(r),
            ]
    return markdown_table(header, rows)


def errors(runs: list[ColdRun]) -> list[str]:
    """wrk's error counts, one line per run that had any."""
    found = []
    for run in runs:
        for beside in run.pages.values():
            for r in (*beside.page, *beside.hello, *beside.fortunes):
                if r.errors:
                    found.append(f"- {run.kind}, {r.name}: {r.errors}")
    return found


def rounds_of_misses(runs: list[ColdRun]) -> list[str]:
    """Each round's ratios, in order, of every page whose median misses a goal."""
    found = []
    for run in runs:
        for name, b in run.pages.items():
            for label, goal, median, others in (
                ("Fortunes", FORTUNES_GOAL, b.to_fortunes, b.fortunes),
                ("hello-world", HELLO_GOAL, b.to_hello, b.hello),
            ):
                if median < goal:
                    each = (p.rps / o.rps for p, o in zip(b.page, others, strict=True))
                    shown = ", ".join(f"{ratio:.2f}" for ratio in each)
                    found.append(f"- {run.kind}, {name}, x {label}: {shown}")
    return found


def checks(run: ColdRun) -> list[Check]:
    """Every page >= FORTUNES_GOAL x Fortunes (same database) and >= HELLO_GOAL x hello-world,
    each to the runs measured just before it."""
    to_fortunes = {name: b.to_fortunes for name, b in run.pages.items()}
    to_hello = {name: b.to_hello for name, b in run.pages.items()}
    return [
        worst(
            f"cold page >= {FORTUNES_GOAL:.2f} x Fortunes, {run.kind}", to_fortunes, FORTUNES_GOAL
        ),
        worst(f"cold page >= {HELLO_GOAL:.2f} x hello-world, {run.kind}", to_hello, HELLO_GOAL),
    ]
