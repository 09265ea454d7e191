"""make soak: public traffic from wrk while two admins edit the same articles; nothing lost.

gunicorn runs with the production settings (gunicorn.conf.py) on a loopback port, with
nginx in front when it is installed. wrk asks gunicorn directly for the home page, the news
list and its pages, an article and a content page (through nginx most would come from its
micro-cache), while two admins log in and save articles and pages through nginx, often the
same one at the same moment (soak_editors.py). Afterwards every save must be in the history
on top of the version its admin was shown, every 409 must have kept what was typed, the
database must pass its integrity check, and no response may have been a 5xx. Exit status 1
otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import servers  # noqa: E402
from http_client import AdminSession  # noqa: E402
from soak_editors import EDITED_ARTICLES, EDITED_PAGES, Editor, verify  # noqa: E402
from soak_traffic import parse_wrk, server_errors, start_wrk  # noqa: E402

ADMINS = ("soak-eva", "soak-jan")  # two admins editing the same articles at once


def database_integrity(database_url: str) -> str:
    """ "ok", or what is wrong: a half-saved article, or SQLite's integrity check."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        # Every article keeps both languages: nothing was half saved.
        half = connection.execute(
            text(
                "SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM "
                "article_translations t WHERE t.article_id = a.id) <> 2"
            )
        ).scalar()
        verdict = "ok"  # PostgreSQL keeps its constraints itself; the query above ran
        if engine.dialect.name == "sqlite":
            verdict = connection.execute(text("PRAGMA integrity_check")).scalar()
    engine.dispose()
    return f"{half} articles without both languages" if half else verdict


@dataclass
class Site:
    """A running copy of the site: where to reach it and where its records are."""

    app: str  # gunicorn itself
    front: str  # nginx in front, or gunicorn when nginx is missing
    database_url: str
    access_log: Path
    pid_file: Path
    password: str  # of every admin account


@contextlib.contextmanager
def serve(
    folder: Path,
    database_url: str | None,
    ports: tuple[int, int],
    articles: int = 40,
    use_nginx: bool = True,
    products: bool = True,
    **extra: str,
) -> Iterator[Site]:
    """Prepare a site in ``folder`` with an admin account and serve it until the end
    (``products=False``: without the demo's Products section, quicker to prepare)."""
    access_log, pid_file = folder / "access.log", folder / "gunicorn.pid"
    env = servers.site_env(
        folder / "instance",
        database_url,
        TRUSTED_PROXIES="1",
        GUNICORN_ACCESS_LOG=str(access_log),
        GUNICORN_CMD_ARGS=f"--pid {pid_file}",
        **extra,
    )
    if database_url:
        servers.flask(env, "db", "downgrade", "base")  # a shared server: start empty
    servers.prepare_site(env, articles=articles, products=products)
    password = secrets.token_urlsafe(18)
    for admin in ADMINS:
        servers.flask(env, "users", "create", admin, "--password-stdin", stdin=password + "\n")
    url = database_url or f"sqlite:///{folder / 'instance' / 'eurobrew.sqlite3'}"
    middle = (ports[0] + ports[1]) // 2
    app_port = servers.free_port(ports[0], middle)
    with contextlib.ExitStack() as stack:
        app = stack.enter_context(servers.gunicorn(env, app_port, log=folder / "gunicorn.log"))
        front = app
        if use_nginx and servers.nginx_path():
            front = stack.enter_context(
                servers.nginx(
                    folder / "nginx",
                    servers.free_port(middle, ports[1]),
                    f"127.0.0.1:{app_port}",
                    folder / "instance" / "uploads",
                )
            )
        yield Site(app, front, url, access_log, pid_file, password)


@dataclass
class Report:
    """The soak's outcome."""

    wrk: dict[str, str]
    editors: list[Editor]
    lost: list[str]
    integrity: str
    errors_5xx: Counter
    through_nginx: bool

    def total(self, name: str) -> int:
        """The sum of one count over both admins."""
        return sum(len(v) if isinstance(v := getattr(e, name), list) else v for e in self.editors)

    @property
    def passed(self) -> bool:
        non_2xx = "Non-2xx" in self.wrk["errors"]
        troubles = self.lost or self.errors_5xx or non_2xx or self.integrity != "ok"
        return not troubles and not any(
            self.total(name) for name in ("refused", "lost_in_409", "cut_off")
        )

    def text(self) -> str:
        admins = " and ".join(e.username for e in self.editors)
        saved = self.total("saved")
        return "\n".join(
            [
                f"public traffic (wrk -> gunicorn): {self.wrk['requests']} requests, "
                f"{self.wrk['rps']} req/s, latency p50 {self.wrk['p50']}, "
                f"p90 {self.wrk['p90']}, p99 {self.wrk['p99']}",
                f"wrk errors: {self.wrk['errors'] or 'none'}",
                f"admin edits{' through nginx' if self.through_nginx else ''} by {admins}, "
                f"on the same {len(EDITED_ARTICLES)} articles and {len(EDITED_PAGES)} pages: "
                f"{self.total('made')} made, {saved} saved "
                f"({self.total('saved_after_conflict')} after a conflict), "
                f"{self.total('conflicts')} answered 409 with the typed text kept, "
                f"{self.total('lost_in_409')} answered 409 without it, "
                f"{self.total('refused')} refused, {self.total('cut_off')} without an answer",
                f"saves found in the history on top of the version shown: "
                f"{saved - len(self.lost)} of {saved}; lost: {len(self.lost)}",
                f"5xx responses in gunicorn's access log: {sum(self.errors_5xx.values())}"
                + (f" {dict(self.errors_5xx)}" if self.errors_5xx else ""),
                f"database integrity check: {self.integrity}",
                *(f"LOST: {item}" for item in self.lost[:20]),
                *(f"REFUSED: {item}" for e in self.editors for item in e.refused[:10]),
                *(f"LOST IN 409: {item}" for e in self.editors for item in e.lost_in_409[:10]),
                "PASS" if self.passed else "FAIL",
            ]
        )


def run_editors(site: Site, edits: int) -> list[Editor]:
    """Both admins log in and make ``edits`` edits each, side by side."""
    barrier = threading.Barrier(len(ADMINS))
    editors = []
    for username in ADMINS:
        session = AdminSession(site.front)
        session.login(username, site.password)
        editors.append(Editor(session, username, barrier))
    threads = [threading.Thread(target=e.work, args=(edits,)) for e in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return editors


def soak(
    folder: Path,
    seconds: int,
    edits: int,
    connections: int = 32,
    database_url: str | None = None,
    ports: tuple[int, int] = (18640, 18660),
    products: bool = True,
) -> Report:
    """Serve the site, drive it for ``seconds`` while each admin makes ``edits`` edits, then
    check every save against the database."""
    with serve(folder, database_url, ports, products=products) as site:
        wrk = start_wrk(site.app, seconds, connections, folder)
        try:
            editors = run_editors(site, edits)
            output, _ = wrk.communicate(timeout=seconds + 30)
        finally:
            if wrk.poll() is None:
                wrk.kill()
                wrk.wait()
        through_nginx = site.front != site.app
    lost = verify(site.database_url, editors)
    integrity = database_integrity(site.database_url)
    return Report(
        parse_wrk(output), editors, lost, integrity, server_errors(site.access_log), through_nginx
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long wrk runs")
    parser.add_argument("--edits", type=int, default=150, help="edits each admin makes")
    parser.add_argument("--connections", type=int, default=32, help="wrk's connections")
    parser.add_argument(
        "--database-url", help="a PostgreSQL database to use (emptied first); default SQLite"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eurobrew-soak-") as tmp:
        report = soak(Path(tmp), args.seconds, args.edits, args.connections, args.database_url)
    print(report.text())
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
