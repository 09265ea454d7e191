"""make bench: the site's requests per second and latency, as ratios to reference apps.

Everything runs on loopback in one go, so the ratios compare like with like: wrk shares the
machine's cores with the servers, and absolute figures differ from run to run. The report
(BENCHMARKS.md by default) is printed too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import cached  # noqa: E402
import cold  # noqa: E402
import compare  # noqa: E402
import content_po  # noqa: E402
import datasets  # noqa: E402
import document  # noqa: E402
import growth  # noqa: E402
import pg  # noqa: E402
import scale  # noqa: E402
from inprocess import where_time_goes  # noqa: E402

import servers  # noqa: E402
from search import measure_size  # noqa: E402


def arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument(
        "--cold-seconds",
        type=int,
        help="length of the wrk runs with the front cache off (default: half of --seconds)",
    )
    parser.add_argument("--connections", type=int, default=50, help="wrk's connections")
    parser.add_argument(
        "--articles", type=int, default=100_000, help="the large site's articles (2,000 or more)"
    )
    parser.add_argument(
        "--samples", type=int, default=100, help="requests per URL of one client asking in turn"
    )
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"), help="the report")
    args = parser.parse_args()
    if args.articles < 2 * growth.SMALL:
        parser.error(f"--articles must be at least {2 * growth.SMALL:,}")
    args.cold_seconds = args.cold_seconds or max(1, args.seconds // 2)
    return args


def front_cache_on(folder: Path, args: argparse.Namespace, found: document.Found) -> None:
    """Hello-world, the front cache, nginx, the same pages uncached, and the profile."""
    env = servers.site_env(folder / "instance", TRUSTED_PROXIES="1")
    servers.prepare_site(env, articles=40)
    found.hello = cached.hello_world(env, folder, args.seconds, args.connections)
    found.results = [found.hello]
    found.results += cached.front_cache(env, folder, args.seconds, args.connections)
    found.results += cached.front_cache_off(env, folder, args.seconds, args.connections)
    found.shares = where_time_goes(env, cached.PAGES)


def search_at(size: int, folder: Path, args: argparse.Namespace, found: document.Found):
    """A callback measuring search on a prepared site of ``size`` articles."""

    def measure(instance: datasets.Instance) -> None:
        rows, took = measure_size(instance.env, size, folder, args.cold_seconds, args.connections)
        found.search_rows += rows
        found.reindexed[size] = took

    return measure


def on_database(
    database: datasets.Database, folder: Path, args: argparse.Namespace, found: document.Found
) -> None:
    """The cold pages, then the growth runs; on SQLite search and the news pages' ends too."""
    seconds, connections = args.cold_seconds, args.connections
    found.cold.append(cold.measure(database, folder, cold.run_seconds(seconds), connections))
    sqlite = database.cluster is None
    settings = growth.Settings(folder, seconds, connections, args.samples)
    at_small = search_at(growth.SMALL, folder, args, found) if sqlite else None
    run = growth.measure(database, args.articles, settings, at_small)
    found.growth.append(run)
    if sqlite:
        found.scale, found.queries = scale.first_and_last_page(
            run.instance, folder, seconds, connections
        )
        search_at(args.articles, folder, args, found)(run.instance)
        # Last: the import changes every article's English title.
        found.content_po = content_po.measure(run.instance, folder)


def main() -> int:
    """Measure everything, write the report and print it."""
    args = arguments()
    started = time.monotonic()
    found = document.Found()
    with tempfile.TemporaryDirectory(prefix="eurobrew-bench-") as tmp:
        folder = Path(tmp)
        front_cache_on(folder, args, found)
        with pg.cluster() as cluster:
            kinds = [datasets.Database("SQLite", folder / "sqlite")]
            if cluster:
                kinds.append(datasets.Database("PostgreSQL", folder / "postgresql", cluster))
            else:
                found.notes.append("PostgreSQL is not installed: its rows are missing.")
            for database in kinds:
                on_database(database, folder, args, found)
    found.minutes = (time.monotonic() - started) / 60
    text = document.render(found, args)
    kept = compare.kept_section(Path(args.output))  # make bench-compare's, measured apart
    if kept:
        text = text.rstrip("\n") + "\n\n" + "\n".join(kept) + "\n"
    Path(args.output).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
