"""make bench-compare BASE=<revision>: the cold pages before and after, in one run.

The code at BASE (a git worktree) and the code checked out now each get a site prepared by
their own code (the demo and 40 articles, on SQLite or, with ``--database postgresql``, in
a database of their own on a throwaway PostgreSQL cluster) and a gunicorn with the
project's gunicorn.conf.py, front cache off; then wrk asks each page of the cold-page set of
both servers in turn, several rounds, so that the machine's drift touches both alike. The
section it writes ("## Before and after", "## Before and after (PostgreSQL)") replaces the
one of the same name in BENCHMARKS.md, and ``make bench`` keeps both.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import cold  # noqa: E402
import pg  # noqa: E402
from serve import serve  # noqa: E402

import servers  # noqa: E402

SECTIONS = {"sqlite": "## Before and after", "postgresql": "## Before and after (PostgreSQL)"}
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def git(*args: str) -> str:
    """A git command in the project; its output."""
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


@contextlib.contextmanager
def checkout(revision: str, folder: Path) -> Iterator[Path]:
    """``revision``'s files in a worktree under ``folder``, removed afterwards."""
    tree = folder / "base"
    git("worktree", "add", "--detach", str(tree), revision)
    try:
        yield tree
    finally:
        git("worktree", "remove", "--force", str(tree))


def site(code: Path, folder: Path, name: str, database_url: str | None) -> dict[str, str]:
    """A prepared site whose processes run the package under ``code`` (its ``site/``)."""
    env = servers.site_env(
        folder / name, database_url, PAGE_CACHE_MB="0", PYTHONPATH=str(code / "site")
    )
    servers.prepare_site(env, articles=40)
    return env


def measure(envs: dict[str, dict], folder: Path, seconds: int, rounds: int) -> dict:
    """req/s and CPU per request of every cold page on each code, rounds interleaved."""
    found = {label: {name: [] for name in cold.PAGES} for label in envs}
    with contextlib.ExitStack() as stack:
        ports = iter([(18150, 18160), (18160, 18170)])
        running = {
            label: stack.enter_context(serve(env, next(ports), folder / f"{label}.log"))
            for label, env in envs.items()
        }
        for server in running.values():
            server.warm_up(list(cold.PAGES.values()), folder / "paths.txt", 50)
        for _ in range(rounds):
            for name, path in cold.PAGES.items():
                for label, server in running.items():
                    found[label][name].append(server.wrk(name, path, seconds, 50))
    return found


def median_of(results: list, field: str) -> float:
    """The median of one figure over the rounds."""
    return statistics.median(getattr(result, field) or 0 for result in results)


def section(
    database: str, base: str, head: str, found: dict, seconds: int, rounds: int
) -> list[str]:
    """The report's section: each page before and after, and the change."""
    lines = [
        SECTIONS[database],
        "",
        f"Measured by `make bench-compare` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: the code "
        f"at `{base}` (before) and at `{head}` (after), each on a site its own code prepared "
        f"(the demo and 40 articles, {NAMES[database]}), front cache off, under "
        "gunicorn.conf.py; wrk "
        f"(-c50 -d{seconds}s) on each page of both servers in turn, {rounds} rounds, medians.",
        "",
        "| page | before: req/s | after: req/s | after / before | before: CPU per request "
        "| after: CPU per request |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path in cold.PAGES.items():
        before, after = found["before"][name], found["after"][name]
        rate_before, rate_after = median_of(before, "rps"), median_of(after, "rps")
        change = rate_after / rate_before if rate_before else 0
        lines.append(
            f"| {name} `{path}` | {rate_before:,.0f} | {rate_after:,.0f} | {change:.2f} "
            f"| {median_of(before, 'cpu_ms'):.2f} ms | {median_of(after, 'cpu_ms'):.2f} ms |"
        )
    return lines


def replace_section(report: Path, lines: list[str]) -> None:
    """Put ``lines`` in place of the report's section of the same name (or at its end)."""
    text = report.read_text() if report.exists() else "# Benchmarks\n"
    start, end = bounds(text, lines[0])
    if start >= 0:
        text = text[:start] + text[end:]
    report.write_text(text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n")


def bounds(text: str, title: str) -> tuple[int, int]:
    """Where the section headed by exactly ``title`` starts and ends in ``text`` (-1 if none)."""
    start = text.find(f"\n{title}\n")
    if start < 0:
        return -1, -1
    end = text.find("\n## ", start + len(title) + 1)
    return start + 1, (end + 1 if end >= 0 else len(text))


def kept_section(report: Path) -> list[str]:
    """The before-and-after sections of an existing report (for ``make bench`` to keep)."""
    if not report.exists():
        return []
    text, lines = report.read_text(), []
    for title in SECTIONS.values():
        start, end = bounds(text, title)
        if start >= 0:
            lines += ([""] if lines else []) + text[start:end].rstrip("\n").splitlines()
    return lines


@contextlib.contextmanager
def databases(args) -> Iterator[dict[str, str | None]]:
    """Each side's database URL: SQLite in its instance folder, or a PostgreSQL database."""
    if args.database == "sqlite":
        yield {"before": None, "after": None}
        return
    with pg.cluster() as cluster:
        if cluster is None:
            raise SystemExit("PostgreSQL is not installed (Debian package postgresql)")
        yield {side: cluster.create_database(side) for side in ("before", "after")}


def main() -> int:
    """Measure both, write the section and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision to compare with (a commit, a tag)")
    parser.add_argument("--seconds", type=int, default=3, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each page on each")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"), help="the report")
    parser.add_argument("--database", choices=sorted(SECTIONS), default="sqlite")
    args = parser.parse_args()
    base, head = git("rev-parse", "--short", args.base), git("rev-parse", "--short", "HEAD")
    with tempfile.TemporaryDirectory(prefix="eurobrew-compare-") as tmp, databases(args) as urls:
        folder = Path(tmp)
        with checkout(args.base, folder) as tree:
            envs = {
                "before": site(tree, folder, "before", urls["before"]),
                "after": site(ROOT, folder, "after", urls["after"]),
            }
            found = measure(envs, folder, args.seconds, args.rounds)
    lines = section(args.database, base, head, found, args.seconds, args.rounds)
    replace_section(Path(args.output), lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
