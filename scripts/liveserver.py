"""A throwaway copy of the site served by gunicorn on a loopback port.

The browser tests and ``make audit`` both use it: a temporary instance folder, migrated
with ``flask db upgrade``, filled with the demo content and generated articles, then served
with the project's own gunicorn.conf.py, as in production (see servers.py).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import servers

PROJECT_ROOT = servers.ROOT
PORTS = (18300, 18400)  # the loopback ports the browser tests' servers may use


class LiveSite:
    """The site under gunicorn, with its own database; ``start()`` then ``stop()``."""

    def __init__(
        self,
        articles: int = 25,
        workers: int = 2,
        database_url: str | None = None,
        admins: tuple[tuple[str, str], ...] = (),
        host: str = "127.0.0.1",
        products: bool = True,
    ):
        # "localhost" where a browser needs a domain name (WebAuthn refuses an IP address).
        self.host = host
        self.articles = articles
        self.products = products
        self.admins = admins
        self.workers = workers
        self.database_url = database_url
        self.folder = Path(tempfile.mkdtemp(prefix="eurobrew-live-"))
        self.log = self.folder / "gunicorn.log"
        self.url = ""
        self._stack = contextlib.ExitStack()

    def start(self) -> LiveSite:
        """Prepare the database and serve it; returns once the site answers."""
        env = servers.site_env(
            self.folder / "instance", self.database_url, GUNICORN_WORKERS=str(self.workers)
        )
        if self.database_url:
            servers.flask(env, "db", "downgrade", "base")  # a shared server: start empty
        servers.prepare_site(env, articles=self.articles, products=self.products)
        for name, password in self.admins:
            servers.flask(env, "users", "create", name, "--password-stdin", stdin=password + "\n")
        port = servers.free_port(*PORTS)
        env["SITE_URL"] = f"http://{self.host}:{port}"
        self._stack.enter_context(servers.gunicorn(env, port, log=self.log))
        self.url = env["SITE_URL"]
        return self

    def stop(self) -> None:
        """Stop gunicorn and remove the instance folder."""
        self._stack.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LiveSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
