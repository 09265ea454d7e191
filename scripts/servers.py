"""Real servers for tests and benchmarks: the site under gunicorn, nginx in front of it."""

from __future__ import annotations

import contextlib
import grp
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STATIC_ROOT = ROOT / "site" / "eurobrew" / "static"
sys.path.insert(0, str(ROOT / "deploy"))

from http_client import fetch  # noqa: E402
from render_nginx import Tls, render_standalone  # noqa: E402

# Added to every port range: `make test` runs the SQLite and PostgreSQL suites side by side,
# and two probes of one range could pick the same port before either listens on it.
PORT_OFFSET = int(os.environ.get("TEST_PORT_OFFSET") or 0)


def free_port(start: int, stop: int) -> int:
    """A loopback port in [start, stop) that nothing listens on (below the ephemeral range),
    moved by ``TEST_PORT_OFFSET``."""
    for port in range(start + PORT_OFFSET, stop + PORT_OFFSET):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free loopback port between {start} and {stop}")


def site_env(instance: Path, database_url: str | None = None, **extra: str) -> dict[str, str]:
    """Environment for the site's processes, with state kept in ``instance``."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    env.update(INSTANCE_PATH=str(instance), FLASK_APP="wsgi", **extra)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def flask(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    """Run a ``flask`` command of the project; raise with its output when it fails."""
    result = subprocess.run(
        [str(BIN / "flask"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        input=stdin,
    )
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare_site(env: dict[str, str], articles: int = 0, products: bool = True) -> None:
    """Migrate the database, load the demo content and add generated articles.

    ``products=False`` leaves out the Products section, whose pictures take seconds to draw.
    """
    flask(env, "db", "upgrade")
    flask(env, "demo", "load", "--products" if products else "--no-products")
    if articles:
        flask(env, "demo", "articles", str(articles))


def wait_for(url: str, process: subprocess.Popen, timeout: float = 20) -> None:
    """Wait until ``url`` answers (any HTTP status), or fail if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering")
        try:
            fetch(url, timeout=1)  # any HTTP status, a redirect to HTTPS included
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str],
    port: int,
    app: str = "wsgi:app",
    log: Path | None = None,
    health: str = "/healthz",
) -> Iterator[str]:
    """The app under gunicorn with the project's gunicorn.conf.py on a loopback port.

    Its SITE_URL is its own address unless ``env`` names another (nginx's, in front).
    """
    env = {"SITE_URL": f"http://127.0.0.1:{port}", **env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), app],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + health, process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


def nginx_path() -> str | None:
    """The nginx binary, or None when it is not installed."""
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
    )


# nginx started by root runs its workers as nobody:nogroup (Debian's build).
NGINX_GROUP = "nogroup"


def share_with_nginx(media_root: Path) -> None:
    """Let nginx's workers read the photos as README's Deploying section says: through the
    upload folder's group (the folder is 2750, photos 0640), its parents only traversable."""
    media_root.mkdir(parents=True, exist_ok=True)
    media_root.chmod(0o2750)
    if os.geteuid() == 0:
        gid = grp.getgrnam(NGINX_GROUP).gr_gid
        for path in (media_root, *media_root.rglob("*")):
            os.chown(path, -1, gid)
    for parent in media_root.parents:
        if parent in (Path(tempfile.gettempdir()), Path("/")):
            break
        parent.chmod(parent.stat().st_mode | 0o001)


@contextlib.contextmanager
def nginx(
    prefix: Path, port: int, upstream: str, media_root: Path, tls: Tls | None = None
) -> Iterator[str]:
    """Debian's nginx in the foreground with deploy/nginx.conf, in front of ``upstream``.

    Yields the site's address: ``http://127.0.0.1:port``, or with ``tls`` the HTTPS one
    (``tls.listen``) while ``port`` only redirects to it.
    """
    binary = nginx_path()
    if binary is None:
        raise FileNotFoundError("nginx (Debian package nginx-light) is not installed")
    prefix.mkdir(parents=True, exist_ok=True)
    prefix.chmod(0o755)
    share_with_nginx(media_root)
    config = prefix / "nginx.conf"
    config.write_text(
        render_standalone(
            prefix,
            tls,
            UPSTREAM=upstream,
            LISTEN=f"127.0.0.1:{port}",
            SERVER_NAME="localhost 127.0.0.1",
            STATIC_ROOT=str(STATIC_ROOT),
            MEDIA_ROOT=str(media_root),
            CACHE_DIR=str(prefix / "cache"),
            MAX_BODY="10m",
        )
    )
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(config), "-e", "stderr"],
        stdout=subprocess.DEVNULL,
        stderr=open(prefix / "error.log", "ab"),  # noqa: SIM115
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield f"https://{tls.listen}" if tls else f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful; sent only after it answered
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def behind_nginx(
    folder: Path, env: dict[str, str], app_port: int, http_port: int, tls: Tls | None = None
) -> Iterator[tuple[str, str]]:
    """The prepared site under gunicorn with nginx in front, state under ``folder``.

    Yields (gunicorn's own address, the address nginx serves the site at).
    """
    uploads = Path(env["INSTANCE_PATH"]) / "uploads"
    with (
        gunicorn(env, app_port, log=folder / "gunicorn.log") as direct,
        nginx(folder / "nginx", http_port, f"127.0.0.1:{app_port}", uploads, tls) as front,
    ):
        yield direct, front
