"""The bench's sites: demo content plus generated articles, on SQLite or PostgreSQL."""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from pg import Cluster
from sqlalchemy import create_engine, text

import servers

NEWS = {"sk": "/sk/novinky/", "en": "/en/news/"}
# The demo's own article (demo/content.py), the one every site of the bench has.
SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
ADMIN = "bench-admin"


@dataclass
class Database:
    """Where the bench keeps data: SQLite files in its folder, or a PostgreSQL cluster."""

    kind: str
    folder: Path
    cluster: Cluster | None = None

    def url(self, name: str) -> str:
        """A new, empty database called ``name``: its SQLAlchemy URL."""
        if self.cluster:
            return self.cluster.create_database(name)
        (self.folder / name).mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.folder / name / 'data.sqlite3'}"

    def copy(self, instance: Instance, name: str) -> Instance:
        """A copy of ``instance`` called ``name``: its database and instance folder, while
        no server of it runs."""
        if self.cluster:
            url = self.cluster.create_database(name, template=instance.url.rsplit("/", 1)[1])
        else:
            url = self.url(name)
            source = sqlite3.connect(instance.url.removeprefix("sqlite:///"))
            target = sqlite3.connect(url.removeprefix("sqlite:///"))
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
        folder = self.folder / name / "instance"
        shutil.copytree(instance.env["INSTANCE_PATH"], folder)
        env = dict(instance.env, INSTANCE_PATH=str(folder), DATABASE_URL=url)
        return Instance(env, url, instance.admin)


@dataclass
class Instance:
    """A prepared site: its environment, database URL and admin account."""

    env: dict[str, str]
    url: str
    admin: tuple[str, str] = field(default=("", ""))

    def count(self, sql: str) -> int:
        """A number the database answers ``sql`` with."""
        engine = create_engine(self.url)
        try:
            with engine.connect() as connection:
                return connection.execute(text(sql)).scalar_one()
        finally:
            engine.dispose()

    def articles(self) -> int:
        """How many articles there are (every one is published)."""
        return self.count("SELECT count(*) FROM articles")

    def article_paths(self) -> list[str]:
        """Every article's URL path, in both languages, newest article first."""
        engine = create_engine(self.url)
        try:
            with engine.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT lang, slug FROM article_translations "
                        "ORDER BY article_id DESC, lang DESC"
                    )
                ).all()
        finally:
            engine.dispose()
        return [NEWS[lang] + slug for lang, slug in rows if lang in NEWS]

    def add_articles(self, count: int) -> float:
        """``flask demo articles COUNT`` from another process; the seconds it took."""
        started = time.monotonic()
        servers.flask(self.env, "demo", "articles", str(count))
        return time.monotonic() - started


def prepare(database: Database, name: str, articles: int, **extra: str) -> Instance:
    """A site called ``name`` with the demo content, ``articles`` generated articles and an
    admin account; its front cache is off unless ``extra`` says otherwise."""
    url = database.url(name)
    settings = {"PAGE_CACHE_MB": "0", **extra}
    env = servers.site_env(database.folder / name / "instance", url, **settings)
    servers.prepare_site(env, articles=articles)
    password = secrets.token_urlsafe(18)
    servers.flask(env, "users", "create", ADMIN, "--password-stdin", stdin=password + "\n")
    return Instance(env, url, (ADMIN, password))
