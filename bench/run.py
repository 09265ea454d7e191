"""make bench: requests per second and latency of the site, as ratios to a hello-world app.

Everything runs on loopback in one go, so the ratios compare like with like: wrk shares the
machine's cores with the servers, and absolute figures differ from run to run.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import servers  # noqa: E402
from search import SAMPLES, measure_size, search_report  # noqa: E402

SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"


@dataclass
class Result:
    """One wrk run."""

    name: str
    url: str
    rps: float
    p50: str
    p90: str
    p99: str
    errors: str = ""


def run_wrk(
    name: str, url: str, seconds: int, connections: int, headers: dict[str, str] | None = None
) -> Result:
    """wrk against ``url``; the figures it prints, parsed."""
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for key, value in (headers or {}).items():
        args += ["-H", f"{key}: {value}"]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(p: str) -> str:
        match = re.search(rf"^\s+{p}%\s+(\S+)", output, re.M)
        return match.group(1) if match else "?"

    errors = []
    for label in ("Non-2xx or 3xx responses", "Socket errors"):
        match = re.search(rf"{label}:\s*(.+)", output)
        if match:
            errors.append(f"{label}: {match.group(1).strip()}")
    return Result(
        name, url, rps, percentile("50"), percentile("90"), percentile("99"), "; ".join(errors)
    )


def etag_of(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["ETag"]


def status_of(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def uncached_app(env: dict[str, str]):
    """The site in this process, on ``env``'s instance folder, with the front cache off."""
    import os

    os.environ["INSTANCE_PATH"] = env["INSTANCE_PATH"]
    from eurobrew import create_app

    return create_app({"PAGE_CACHE_MB": 0})


def queries_per_page(env: dict[str, str], paths: list[str]) -> dict[str, int]:
    """SQL statements each path runs, counted in-process on the same database."""
    from sqlalchemy import event

    from eurobrew.extensions import db

    app = uncached_app(env)
    client = app.test_client()
    counts = {}
    with app.app_context():
        engine = db.engine
    for path in paths:
        client.get(path)
        seen: list[str] = []

        def listener(conn, cursor, statement, *args, seen=seen):
            seen.append(statement)

        event.listen(engine, "before_cursor_execute", listener)
        assert client.get(path).status_code == 200
        event.remove(engine, "before_cursor_execute", listener)
        counts[path] = len(seen)
    return counts


def package_of(filename: str, function: str) -> str:
    """Who owns a profiled function: a library, the site's code, its templates or Python."""
    if filename == "~":
        return "sqlite3 driver (C)" if "sqlite3" in function else "Python built-ins (C)"
    if filename.endswith(".html"):
        return "site templates (compiled Jinja)"
    if "/site-packages/" in filename:
        return filename.split("/site-packages/")[1].split("/")[0].removesuffix(".py")
    if "/eurobrew/" in filename:
        return "eurobrew (the site's code)"
    return "Python standard library"


def where_time_goes(env: dict[str, str], paths: dict[str, str], requests: int = 300):
    """Each page's time with the front cache off, by owner of the code, from cProfile.

    Own time only, so the shares add up to 100%. Profiling slows every call alike, so the
    shares hold, not the absolute times.
    """
    import cProfile
    import pstats

    client = uncached_app(env).test_client()
    shares: dict[str, dict[str, float]] = {}
    for name, path in paths.items():
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            client.get(path)
        profiler.disable()
        owners: dict[str, float] = {}
        for (filename, _, function), row in pstats.Stats(profiler).stats.items():
            owner = package_of(filename, function)
            owners[owner] = owners.get(owner, 0.0) + row[2]
        total = sum(owners.values())
        shares[name] = {owner: t / total for owner, t in owners.items()}
    return shares


def shares_table(shares: dict[str, dict[str, float]]) -> str:
    """Owners as rows, pages as columns, largest first."""
    names = list(shares)
    owners = sorted(
        {o for s in shares.values() for o in s},
        key=lambda o: -sum(s.get(o, 0) for s in shares.values()),
    )
    lines = [
        "| code | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    for owner in owners:
        if max(s.get(owner, 0) for s in shares.values()) < 0.01:
            continue
        cells = " | ".join(f"{shares[n].get(owner, 0):.0%}" for n in names)
        lines.append(f"| {owner} | {cells} |")
    return "\n".join(lines)


def first_and_last_page(folder: Path, count: int, seconds: int, connections: int):
    """With ``count`` articles and no page cache: the first and the last news list page."""
    env = servers.site_env(folder / "scale", PAGE_CACHE_MB="0")
    started = time.monotonic()
    servers.prepare_site(env, articles=count)
    generated = time.monotonic() - started
    per_page = 10
    last = (count + 1 + per_page - 1) // per_page
    queries = queries_per_page(env, ["/sk/novinky/", f"/sk/novinky/?page={last}"])
    port = servers.free_port(18060, 18070)
    with servers.gunicorn(env, port, log=folder / "scale.log") as base:
        first_url, last_url = f"{base}/sk/novinky/", f"{base}/sk/novinky/?page={last}"
        assert status_of(last_url, {}) == 200
        results = [
            run_wrk(f"news page 1 of {last}", first_url, seconds, connections),
            run_wrk(f"news page {last} of {last}", last_url, seconds, connections),
        ]
    return results, generated, queries


def table(results: list[Result], baseline: float) -> str:
    lines = [
        "| measurement | req/s | ratio to hello-world | p50 | p90 | p99 | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.rps:,.0f} | {r.rps / baseline:.2f} | {r.p50} | {r.p90} "
            f"| {r.p99} | {r.errors or '-'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--articles", type=int, default=100_000, help="for the scale runs")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    seconds, connections = args.seconds, args.connections

    with tempfile.TemporaryDirectory(prefix="eurobrew-bench-") as tmp:
        folder = Path(tmp)
        env = servers.site_env(folder / "instance", TRUSTED_PROXIES="1")
        servers.prepare_site(env, articles=40)
        hello_env = dict(env, PYTHONPATH=str(ROOT / "bench"))
        results: list[Result] = []
        with servers.gunicorn(
            hello_env,
            servers.free_port(18040, 18050),
            app="hello:app",
            log=folder / "hello.log",
            health="/",
        ) as hello:
            baseline = run_wrk(
                "hello-world (Flask, same gunicorn config)", hello + "/", seconds, connections
            )
        results.append(baseline)
        app_port = servers.free_port(18050, 18060)
        with servers.gunicorn(env, app_port, log=folder / "site.log") as site:
            pages = {"home": "/sk/", "news list": "/sk/novinky/", "article": SEED_SK}
            for path in pages.values():  # warm-up: every worker has rendered every page
                run_wrk("warm-up", site + path, 2, connections)
            for name, path in pages.items():
                results.append(run_wrk(name, site + path, seconds, connections))
            etag = etag_of(site + SEED_SK)
            assert status_of(site + SEED_SK, {"If-None-Match": etag}) == 304
            results.append(
                run_wrk(
                    "article, 304 revalidation",
                    site + SEED_SK,
                    seconds,
                    connections,
                    {"If-None-Match": etag},
                )
            )
            with servers.nginx(
                folder / "nginx",
                servers.free_port(18070, 18080),
                f"127.0.0.1:{app_port}",
                folder / "instance" / "uploads",
            ) as front:
                with urllib.request.urlopen(front + "/sk/") as response:
                    css = re.search(r'href="(/static/[^"]+\.css)"', response.read().decode())[1]
                for name, path in pages.items():
                    results.append(
                        run_wrk(f"nginx micro-cache: {name}", front + path, seconds, connections)
                    )
                results.append(run_wrk("nginx: static file", front + css, seconds, connections))
        # The same pages with the front cache off: what rendering them in Flask costs.
        uncached_env = dict(env, PAGE_CACHE_MB="0")
        with servers.gunicorn(
            uncached_env, servers.free_port(18080, 18090), log=folder / "uncached.log"
        ) as uncached:
            for name, path in pages.items():
                results.append(
                    run_wrk(f"{name}, front cache off", uncached + path, seconds, connections)
                )
        shares = where_time_goes(env, pages)
        scale, generated, queries = first_and_last_page(folder, args.articles, seconds, connections)
        results.extend(scale)
        search_rows, reindexed = [], {}
        for size in (1_000, args.articles):
            rows, took = measure_size(folder, size, seconds, connections, run_wrk)
            search_rows += rows
            reindexed[size] = took

    by_name = {r.name: r.rps for r in results}
    hello_rps = baseline.rps
    static_rps = by_name["nginx: static file"]
    first, last = scale[0].rps, scale[1].rps
    checks = [
        ("article >= 0.60 x hello-world", by_name["article"] / hello_rps, 0.60),
        ("home >= 0.60 x hello-world", by_name["home"] / hello_rps, 0.60),
        ("news list >= 0.50 x hello-world", by_name["news list"] / hello_rps, 0.50),
        ("304 >= 0.80 x hello-world", by_name["article, 304 revalidation"] / hello_rps, 0.80),
        (
            "nginx micro-cached page >= 0.5 x nginx static",
            by_name["nginx micro-cache: article"] / static_rps,
            0.50,
        ),
        (
            f"last page within 2x of first ({args.articles:,} articles, no page cache)",
            min(first, last) / max(first, last),
            0.50,
        ),
    ]
    search_lines, search_checks = search_report(search_rows, reindexed, hello_rps)
    checks += search_checks
    report = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: wrk "
        f"(-t2 -c{connections} -d{seconds}s) on loopback, gunicorn with gunicorn.conf.py's "
        "defaults, SQLite. wrk shares the machine's cores with the servers, so only ratios "
        "measured in the same run compare. The site's rows are answered by its front cache "
        "(finished public pages kept in memory while their ETag holds); the rows marked "
        '"front cache off" render every request in Flask (`PAGE_CACHE_MB=0`), as do the '
        f"{args.articles:,}-article rows.",
        "",
        table(results, hello_rps),
        "",
        f"Generating {args.articles:,} articles took {generated:.1f} s. SQL statements per "
        "news page with them (the stamp query read before the view not included): "
        + ", ".join(f"`{path}`: {n}" for path, n in queries.items())
        + ".",
        "",
        "Where a page's time goes with the front cache off: own time of each function, by "
        "the code it belongs to, over 300 requests per page in-process (cProfile, Flask's "
        "test client; werkzeug's share includes the test client's own work):",
        "",
        shares_table(shares),
        "",
        "Search, front cache off (every request runs the search), Slovak queries: one client "
        f"asking {SAMPLES} times in turn (median, p95), then wrk as above. The article page "
        "is measured the same way at the same size.",
        "",
        *search_lines,
        "",
        "| target | measured | goal | met |",
        "| --- | ---: | ---: | --- |",
    ]
    for label, value, goal in checks:
        report.append(
            f"| {label} | {value:.2f} | {goal:.2f} | {'yes' if value >= goal else 'NO'} |"
        )
    text = "\n".join(report) + "\n"
    Path(args.output).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
