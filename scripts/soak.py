"""make soak: public traffic from wrk while an admin edits through HTTP; nothing may be lost.

gunicorn runs with the production settings (gunicorn.conf.py) on a loopback port, with
nginx in front when it is installed. wrk asks gunicorn directly for the home page, the news
list and its pages, an article and a content page (through nginx most would come from its
micro-cache), while an admin logs in and saves articles and pages through nginx. Afterwards
every saved edit must be in the database, the database must pass its integrity check, and
no response may have been a 5xx. Exit status 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import re
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import servers  # noqa: E402
from http_client import AdminSession, saved_id  # noqa: E402

ADMIN = "soak"
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
PUBLIC_PATHS = [
    "/sk/",
    "/en/",
    "/sk/novinky/",
    "/en/news/",
    "/sk/novinky/?page=2",
    "/sk/novinky/?page=3",
    "/en/news/?page=2",
    SEED_SK,
    "/en/about-us",
]
# wrk cycles through the paths, one per request.
WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter %% #paths) + 1])
end
"""
EDITED_ARTICLES = (1, 2, 3, 4, 5)  # the seed article and four generated ones
EDITED_PAGES = (2, 3, 4, 5)  # products, activities, links, about


@dataclass
class Expected:
    """What one record must hold: its last saved value, or one sent after it whose answer
    never came (a connection cut mid-request may or may not have committed)."""

    saved: str | None = None
    maybe: set[str] = field(default_factory=set)

    def accepts(self, value: str | None) -> bool:
        return value == self.saved or value in self.maybe


@dataclass
class Editor:
    """An admin saving new articles, article titles and page texts, and what each left."""

    session: AdminSession
    run: str = field(default_factory=lambda: secrets.token_hex(3))
    made: int = 0
    saved: int = 0
    cut_off: int = 0
    refused: list[str] = field(default_factory=list)
    new_articles: dict[int, str] = field(default_factory=dict)
    titles: dict[int, Expected] = field(default_factory=dict)
    bodies: dict[int, Expected] = field(default_factory=dict)

    def edit(self, number: int) -> None:
        """Edit number ``number``: a new article, a title, or a page text, in turn."""
        self.made += 1
        kind = number % 3
        try:
            if kind == 0:
                self._new_article(number)
            elif kind == 1:
                self._retitle(EDITED_ARTICLES[number // 3 % len(EDITED_ARTICLES)], number)
            else:
                self._page_text(EDITED_PAGES[number // 3 % len(EDITED_PAGES)], number)
        except (OSError, http.client.HTTPException):
            self.cut_off += 1  # no answer: the edit may or may not have been committed

    def _new_article(self, number: int) -> None:
        shown = self.session.form("/admin/articles/new")
        title = f"Soak {self.run} article {number}"
        fields = {
            "csrf_token": shown["csrf_token"],
            "version": shown["version"],
            "sk-title": f"Skúška {self.run} článok {number}",
            "sk-body": f"Text článku {number}.",
            "en-title": title,
            "en-body": f"Text of article {number}.",
            "published_on": date.today().isoformat(),
            "status": "published",
            "save": "Save",
        }
        self._record(self.session.post("/admin/articles/new", fields), self.new_articles, title)

    def _retitle(self, article_id: int, number: int) -> None:
        title = f"Soak {self.run} title {number}"
        self._change(
            f"/admin/articles/{article_id}/edit", article_id, "en-title", title, self.titles
        )

    def _page_text(self, page_id: int, number: int) -> None:
        body = f"Soak {self.run} page text {number}."
        self._change(f"/admin/pages/{page_id}/edit", page_id, "en-body", body, self.bodies)

    def _change(
        self, path: str, record_id: int, name: str, value: str, into: dict[int, Expected]
    ) -> None:
        """Save the form at ``path`` with field ``name`` set to ``value``."""
        fields = self.session.form(path)
        expected = into.setdefault(record_id, Expected(fields[name]))
        expected.maybe.add(value)
        fields.update({name: value, "save": "Save"})
        if saved_id(self.session.post(path, fields)) == record_id:
            self.saved += 1
            into[record_id] = Expected(value)
        else:
            expected.maybe.discard(value)
            self.refused.append(f"{path}: not saved")

    def _record(self, reply, into: dict[int, str], value: str) -> None:
        article_id = saved_id(reply)
        if article_id is None:
            self.refused.append(f"new article: {reply.status}")
            return
        self.saved += 1
        into[article_id] = value


def check_database(database_url: str, editor: Editor) -> tuple[list[str], str]:
    """(edits missing from the database, the integrity check's verdict)."""
    lost = []
    engine = create_engine(database_url)
    with engine.connect() as connection:

        def english(table: str, column: str, key: str, row_id: int) -> str | None:
            query = text(f"SELECT {column} FROM {table} WHERE {key} = :id AND lang = 'en'")  # noqa: S608 - names from this module
            return connection.execute(query, {"id": row_id}).scalar()

        for article_id, title in editor.new_articles.items():
            if english("article_translations", "title", "article_id", article_id) != title:
                lost.append(f"new article {article_id} ({title})")
        for article_id, expected in editor.titles.items():
            found = english("article_translations", "title", "article_id", article_id)
            if not expected.accepts(found):
                lost.append(f"article {article_id}: {found!r}, saved {expected.saved!r}")
        for page_id, expected in editor.bodies.items():
            found = english("page_translations", "body", "page_id", page_id)
            if not expected.accepts(found):
                lost.append(f"page {page_id}: {found!r}, saved {expected.saved!r}")
        # Every article keeps both languages: nothing was half saved.
        half = connection.execute(
            text(
                "SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM "
                "article_translations t WHERE t.article_id = a.id) <> 2"
            )
        ).scalar()
        if engine.dialect.name == "sqlite":
            verdict = connection.execute(text("PRAGMA integrity_check")).scalar()
        else:
            verdict = "ok"  # PostgreSQL keeps its constraints itself; the query above ran
        if half:
            verdict = f"{half} articles without both languages"
    engine.dispose()
    return lost, verdict


@dataclass
class Site:
    """A running copy of the site: where to reach it and where its records are."""

    app: str  # gunicorn itself
    front: str  # nginx in front, or gunicorn when nginx is missing
    database_url: str
    access_log: Path
    pid_file: Path
    password: str


@contextlib.contextmanager
def serve(
    folder: Path,
    database_url: str | None,
    ports: tuple[int, int],
    articles: int = 40,
    use_nginx: bool = True,
    **extra: str,
) -> Iterator[Site]:
    """Prepare a site in ``folder`` with an admin account and serve it until the end."""
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
    servers.prepare_site(env, articles=articles)
    password = secrets.token_urlsafe(18)
    servers.flask(env, "users", "create", ADMIN, "--password-stdin", stdin=password + "\n")
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


def start_wrk(base: str, seconds: int, connections: int, folder: Path) -> subprocess.Popen:
    """wrk cycling through the public paths for ``seconds``."""
    script = folder / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in PUBLIC_PATHS))
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script)]
    return subprocess.Popen(
        [*args, base + "/"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def parse_wrk(output: str) -> dict[str, str]:
    """The figures of wrk's report; "errors" holds its error lines, if any."""
    figures = {"requests": "?", "rps": "?", "errors": ""}
    match = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    if match:
        figures["requests"], figures["duration"] = match.groups()
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match:
        figures["rps"] = match.group(1)
    for p in ("50", "90", "99"):
        match = re.search(rf"^\s+{p}%\s+(\S+)", output, re.M)
        figures[f"p{p}"] = match.group(1) if match else "?"
    # wrk counts every status of 400 or more here; 304s are 3xx and never counted.
    errors = re.findall(r"^\s*(Non-2xx or 3xx responses: \d+|Socket errors: .+)$", output, re.M)
    figures["errors"] = "; ".join(errors)
    return figures


def server_errors(access_log: Path) -> Counter:
    """5xx responses in gunicorn's access log, by status."""
    found: Counter = Counter()
    for line in access_log.read_text(errors="replace").splitlines():
        match = re.search(r'" (\d{3}) ', line)
        if match and match.group(1).startswith("5"):
            found[match.group(1)] += 1
    return found


@dataclass
class Report:
    """The soak's outcome."""

    wrk: dict[str, str]
    editor: Editor
    lost: list[str]
    integrity: str
    errors_5xx: Counter
    through_nginx: bool

    @property
    def passed(self) -> bool:
        non_2xx = "Non-2xx" in self.wrk["errors"]
        return not (self.lost or self.errors_5xx or non_2xx or self.editor.refused) and (
            self.integrity == "ok" and self.editor.cut_off == 0
        )

    def text(self) -> str:
        e = self.editor
        return "\n".join(
            [
                f"public traffic (wrk -> gunicorn): {self.wrk['requests']} requests, "
                f"{self.wrk['rps']} req/s, latency p50 {self.wrk['p50']}, "
                f"p90 {self.wrk['p90']}, p99 {self.wrk['p99']}",
                f"wrk errors: {self.wrk['errors'] or 'none'}",
                f"admin edits{' through nginx' if self.through_nginx else ''}: "
                f"{e.made} made, {e.saved} saved, "
                f"{e.saved - len(self.lost)} found in the database, {len(self.lost)} lost, "
                f"{len(e.refused)} refused, {e.cut_off} without an answer",
                f"5xx responses in gunicorn's access log: {sum(self.errors_5xx.values())}"
                + (f" {dict(self.errors_5xx)}" if self.errors_5xx else ""),
                f"database integrity check: {self.integrity}",
                *(f"LOST: {item}" for item in self.lost[:20]),
                *(f"REFUSED: {item}" for item in e.refused[:20]),
                "PASS" if self.passed else "FAIL",
            ]
        )


def soak(
    folder: Path,
    seconds: int,
    edits: int,
    connections: int = 32,
    database_url: str | None = None,
    ports: tuple[int, int] = (18640, 18660),
) -> Report:
    """Serve the site, drive it for ``seconds`` while ``edits`` edits are made, then check."""
    with serve(folder, database_url, ports) as site:
        session = AdminSession(site.front)
        session.login(ADMIN, site.password)
        editor = Editor(session)
        wrk = start_wrk(site.app, seconds, connections, folder)
        # The edits go on until all are made, bounded in case the site crawls.
        deadline = time.monotonic() + 2 * seconds + 30
        try:
            for number in range(edits):
                if time.monotonic() > deadline:
                    break
                editor.edit(number)
            output, _ = wrk.communicate(timeout=seconds + 30)
        finally:
            if wrk.poll() is None:
                wrk.kill()
                wrk.wait()
        through_nginx = site.front != site.app
    lost, integrity = check_database(site.database_url, editor)
    return Report(
        parse_wrk(output), editor, lost, integrity, server_errors(site.access_log), through_nginx
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long wrk runs")
    parser.add_argument("--edits", type=int, default=300, help="admin edits to make")
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
