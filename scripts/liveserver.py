"""A throwaway copy of the site served by gunicorn on a loopback port.

The browser tests and ``make audit`` both use it: a temporary instance folder, migrated
with ``flask db upgrade``, filled with the demo content and generated articles, then served
with the project's own gunicorn.conf.py, as in production.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess  # noqa: S404 - runs the project's own commands with argument lists
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PORTS = range(18300, 18400)  # the loopback ports the project's test servers may use


def free_port(ports=PORTS) -> int:
    """The first port of ``ports`` nobody listens on at 127.0.0.1."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in {ports.start}-{ports.stop - 1}")


class LiveSite:
    """The site under gunicorn, with its own database; ``start()`` then ``stop()``."""

    def __init__(self, articles: int = 25, workers: int = 2, port: int | None = None):
        self.articles = articles
        self.workers = workers
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = Path(tempfile.mkdtemp(prefix="eurobrew-live-"))
        self.log = self.folder / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        """The environment of the commands: this instance folder, SQLite, the loopback port."""
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
        env.update(
            FLASK_APP="wsgi",
            INSTANCE_PATH=str(self.folder / "instance"),
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_WORKERS=str(self.workers),
            GUNICORN_ACCESS_LOG=str(self.log),
            GUNICORN_ERROR_LOG=str(self.log),
        )
        return env

    def flask(self, *args: str) -> None:
        """Run a ``flask`` command of the project against this instance."""
        subprocess.run(  # noqa: S603 - fixed argument list
            [sys.executable, "-m", "flask", *args],
            cwd=PROJECT_ROOT,
            env=self.env(),
            check=True,
            capture_output=True,
        )

    def start(self, timeout: float = 30) -> LiveSite:
        """Prepare the database and serve it; returns once the site answers."""
        self.flask("db", "upgrade")
        self.flask("demo", "load")
        if self.articles:
            self.flask("demo", "articles", str(self.articles))
        self.process = subprocess.Popen(  # noqa: S603 - fixed argument list
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2):  # noqa: S310
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the site did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        """Stop gunicorn (gracefully, then for good) and remove the instance folder."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LiveSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
