"""What public pages depend on, known once per request: the content stamp and the page's ETag.

A page's ETag is derived from the site's content version (bumped in the same transaction as
every content change), the newest publish time that has passed (so a scheduled article shows
up on time), the code and catalogs deployed, the year (the footer shows it) and the URL.
Every worker computes the same ETag from the same content. Each worker thread keeps the
stamp it read until the database tells of a change (``models/changes.py``: on SQLite and for
this process's own changes at once, on PostgreSQL when the server's notification arrives, as
the change commits) or the next scheduled article is due.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy import bindparam, func, select

from ..models import Article, ArticleStatus, SiteState
from ..models.base import utcnow
from ..models.changes import ChangeWatch, Mark
from ..models.kept_connection import KeptConnection, kept_connection
from ..models.plain_reads import CompiledRead
from ..models.state import STATE_ID

# Where the validators of a request are kept, for the front cache and Flask to share.
ENVIRON_KEY = "eurobrew.page_validators"
STAMP_KEY = "eurobrew.content_stamp"  # the stamp alone, for a page without validators
READER_KEY = "eurobrew.stamp_reader"
CODE_KEY = "eurobrew.code_version"  # set when public pages are validated (not in debug mode)
EARLIEST = datetime(1997, 1, 1)  # the company's founding: no page is older
# A kept stamp is read again after this long whatever the change watch says: a change the
# database could not tell about (a restore by other tools, a pooler that drops LISTEN)
# shows within a second.
RECHECK_AFTER = timedelta(seconds=1)


@dataclass(frozen=True)
class Stamp:
    """The content version, when content last changed, and the newest publish time passed."""

    version: int
    changed_at: datetime | None
    latest_visible: datetime | None


@dataclass(frozen=True)
class Validators:
    """A public page's ETag and Last-Modified, and the stamp they were made from."""

    etag: str
    last_modified: datetime
    stamp: Stamp


def code_version(app: Flask) -> str:
    """A fingerprint of templates, static files and compiled catalogs, the same in every worker."""
    digest = hashlib.sha256()
    roots = [
        Path(app.root_path) / "templates",
        Path(app.static_folder or ""),
        Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]),
    ]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def _stamp_statement():
    """Built once: (content version, last change, newest publish time already passed,
    the next one to come)."""
    published = Article.status == ArticleStatus.PUBLISHED.value
    now = bindparam("now")
    latest_visible = (
        select(func.max(Article.publish_at)).where(published, Article.publish_at <= now)
    ).scalar_subquery()
    next_visible = (
        select(func.min(Article.publish_at)).where(published, Article.publish_at > now)
    ).scalar_subquery()
    state = select(SiteState.content_version, SiteState.changed_at).where(SiteState.id == STATE_ID)
    version = state.with_only_columns(SiteState.content_version).scalar_subquery()
    changed = state.with_only_columns(SiteState.changed_at).scalar_subquery()
    return select(
        version.label("version"),
        changed.label("changed_at"),
        latest_visible.label("latest_visible"),
        next_visible.label("next_visible"),
    )


@dataclass(frozen=True)
class KeptStamp:
    """A thread's last stamp: what the database looked like then, and until when it holds."""

    stamp: Stamp
    mark: Mark
    until: datetime


class StampReader:
    """Reads the content stamp on a connection each worker thread keeps for itself.

    It runs before every public request, 304s included, so it skips the ORM session and
    the pool: a statement compiled once (``CompiledRead``, as the plain reads), on a kept
    DBAPI connection (``KeptConnection``).
    Each thread keeps the stamp it read until the database may have changed
    (``models/changes.py``), the next scheduled article is due, or ``RECHECK_AFTER`` passed.
    It is not announced to the engine's listeners: it is no page's own statement.
    """

    def __init__(self, connection: KeptConnection):
        self.connection = connection
        self.watch = ChangeWatch(connection)
        self.kept = threading.local()
        self.statement = CompiledRead(_stamp_statement(), connection.engine)

    def read(self) -> Stamp:
        """The stamp as the database has it now."""
        now = utcnow()
        kept = getattr(self.kept, "stamp", None)
        if kept is not None and now < kept.until and self.watch.holds(kept.mark):
            return kept.stamp
        mark = self.watch.mark()  # before the read: a change after it shows next time
        stamp, next_visible = self._read(now)
        until = min(d for d in (next_visible, now + RECHECK_AFTER) if d)
        self.kept.stamp = KeptStamp(stamp, mark, until)
        return stamp

    def _read(self, now: datetime) -> tuple[Stamp, datetime | None]:
        read = self.statement
        row = read.mapping(self.connection.fetch(read.sql, read.arguments({"now": now}))[0])
        stamp = Stamp(row["version"] or 1, row["changed_at"], row["latest_visible"])
        return stamp, row["next_visible"]


def stamp_reader(app: Flask) -> StampReader:
    """The app's reader of its content stamp (made on first use)."""
    reader = app.extensions.get(READER_KEY)
    if reader is None:
        reader = app.extensions.setdefault(READER_KEY, StampReader(kept_connection(app)))
    return reader


def compute_etag(code: str, stamp: Stamp, path: str, query: str) -> str:
    """The ETag of the page at ``path``?``query`` for this code and content."""
    latest = stamp.latest_visible.isoformat() if stamp.latest_visible else "-"
    # The raw path and query: the same URL gives the same key, without decoding.
    key = ":".join((code, str(stamp.version), latest, str(date.today().year), path, query))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def stamp_for(app: Flask, environ: dict) -> Stamp:
    """The content stamp of the request ``environ``, read once per request: a page that
    sends no ETag (a search) needs the stamp alone, for its kept figures."""
    known = environ.get(ENVIRON_KEY)
    if known is not None:
        return known.stamp
    stamp = environ.get(STAMP_KEY)
    if stamp is None:
        stamp = environ[STAMP_KEY] = stamp_reader(app).read()
    return stamp


def validators_for(app: Flask, environ: dict) -> Validators:
    """The validators of the page ``environ`` asks for: the stamp read once per request.

    Whoever asks first (the front cache, or Flask on a miss) reads it; the other finds it
    in the environ.
    """
    known = environ.get(ENVIRON_KEY)
    if known is None:
        stamp = stamp_for(app, environ)
        etag = compute_etag(
            app.extensions[CODE_KEY],
            stamp,
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
        )
        changes = [d for d in (stamp.changed_at, stamp.latest_visible, EARLIEST) if d]
        known = environ[ENVIRON_KEY] = Validators(etag, max(changes), stamp)
    return known
