"""The site as visitors mostly meet it: hello-world, the front cache, a 304, nginx in front.

Then the same pages with the front cache off (``PAGE_CACHE_MB=0``), on the same small site.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

from datasets import SEED_SK
from report import Check
from serve import serve
from wrk import Result, run_wrk

import servers

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"home": "/sk/", "news list": "/sk/novinky/", "article": SEED_SK}


def etag_of(url: str) -> str:
    """The ETag ``url`` answers with."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["ETag"]


def status_of(url: str, headers: dict[str, str]) -> int:
    """The HTTP status ``url`` answers with, errors included."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def hello_world(env: dict[str, str], folder: Path, seconds: int, connections: int) -> Result:
    """The framework's ceiling: bench/hello.py under the site's gunicorn config."""
    hello_env = dict(env, PYTHONPATH=str(ROOT / "bench"))
    log = folder / "hello.log"
    with serve(hello_env, (18040, 18050), log, app="hello:app", health="/") as hello:
        return hello.wrk("hello-world (Flask, same gunicorn config)", "/", seconds, connections)


def front_cache(env: dict[str, str], folder: Path, seconds: int, connections: int) -> list[Result]:
    """The pages from the front cache, a 304, and nginx's micro-cache and a static file."""
    app_port = servers.free_port(18050, 18060)
    results = []
    with servers.gunicorn(env, app_port, log=folder / "site.log") as site:
        for path in PAGES.values():  # warm-up: every worker has rendered every page
            run_wrk("warm-up", site + path, 2, connections)
        for name, path in PAGES.items():
            results.append(run_wrk(name, site + path, seconds, connections))
        etag = etag_of(site + SEED_SK)
        assert status_of(site + SEED_SK, {"If-None-Match": etag}) == 304
        header = {"If-None-Match": etag}
        results.append(
            run_wrk("article, 304 revalidation", site + SEED_SK, seconds, connections, header)
        )
        uploads = Path(env["INSTANCE_PATH"]) / "uploads"
        nginx_port = servers.free_port(18070, 18080)
        with servers.nginx(folder / "nginx", nginx_port, f"127.0.0.1:{app_port}", uploads) as front:
            with urllib.request.urlopen(front + "/sk/") as response:
                css = re.search(r'href="(/static/[^"]+\.css)"', response.read().decode())[1]
            for name, path in PAGES.items():
                results.append(
                    run_wrk(f"nginx micro-cache: {name}", front + path, seconds, connections)
                )
            results.append(run_wrk("nginx: static file", front + css, seconds, connections))
    return results


def front_cache_off(
    env: dict[str, str], folder: Path, seconds: int, connections: int
) -> list[Result]:
    """The same pages rendered by Flask at every request (``PAGE_CACHE_MB=0``)."""
    uncached_env = dict(env, PAGE_CACHE_MB="0")
    port = servers.free_port(18080, 18090)
    with servers.gunicorn(uncached_env, port, log=folder / "uncached.log") as uncached:
        return [
            run_wrk(f"{name}, front cache off", uncached + path, seconds, connections)
            for name, path in PAGES.items()
        ]


def checks(results: list[Result], hello_rps: float) -> list[Check]:
    """The targets of the cached pages, the 304 and nginx."""
    by_name = {r.name: r.rps for r in results}
    static_rps = by_name["nginx: static file"]
    return [
        Check("article >= 0.60 x hello-world", by_name["article"] / hello_rps, 0.60),
        Check("home >= 0.60 x hello-world", by_name["home"] / hello_rps, 0.60),
        Check("news list >= 0.50 x hello-world", by_name["news list"] / hello_rps, 0.50),
        Check("304 >= 0.80 x hello-world", by_name["article, 304 revalidation"] / hello_rps, 0.80),
        Check(
            "nginx micro-cached page >= 0.5 x nginx static",
            by_name["nginx micro-cache: article"] / static_rps,
            0.50,
        ),
    ]
