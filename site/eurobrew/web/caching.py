"""HTTP caching of public pages: ETags tied to the content, 304s, and a page cache.

A page's ETag is derived from the site's content version (bumped in the same transaction
as every content change), the newest publish time that has passed (so a scheduled article
shows up on time), the code and catalogs deployed, the year (the footer shows it) and the
URL. A matching If-None-Match gets a 304 before any view runs, and a page already rendered
for the same ETag is sent again from memory by the front cache (front_cache.py), so every
worker stays exact without talking to the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections import OrderedDict
from datetime import date, datetime
from pathlib import Path

from flask import Flask, Response, current_app, g, has_request_context, request
from flask.globals import request_ctx
from sqlalchemy import bindparam, func, select

from ..extensions import db
from ..models import Article, ArticleStatus, SiteState
from ..models.base import utcnow
from ..models.state import STATE_ID
from .front_cache import STORE_MARK, FrontCache, PageStore

# Blueprints whose GET pages are the same for every visitor.
PUBLIC_BLUEPRINTS = {"pages", "news", "seo", "contact"}
UNCACHED_ENDPOINTS = {"pages.root"}


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
    """Built once: (content version, last change, newest publish time already passed)."""
    latest_visible = (
        select(func.max(Article.publish_at))
        .where(
            Article.status == ArticleStatus.PUBLISHED.value,
            Article.publish_at <= bindparam("now"),
        )
        .scalar_subquery()
    )
    state = select(SiteState.content_version, SiteState.changed_at).where(SiteState.id == STATE_ID)
    version = state.with_only_columns(SiteState.content_version).scalar_subquery()
    changed = state.with_only_columns(SiteState.changed_at).scalar_subquery()
    return select(version, changed, latest_visible)


class StampReader:
    """Reads the content stamp on a connection each worker thread keeps for itself.

    It runs before every public request, 304s included, so it skips the ORM session and
    the pool: a prepared statement on a kept DBAPI connection. Reads see every committed
    change at once (SQLite reads outside a transaction; PostgreSQL runs in autocommit).
    """

    def __init__(self, engine):
        compiled = _stamp_statement().compile(dialect=engine.dialect)
        self.engine = engine
        self.sql = str(compiled)
        self.params = compiled.construct_params({"now": None})
        self.order = compiled.positiontup if compiled.positional else None
        self.sqlite = engine.dialect.name == "sqlite"
        self.local = threading.local()

    def _connection(self):
        connection = getattr(self.local, "connection", None)
        if connection is None:
            # Detached from the pool: it belongs to this thread for the worker's life.
            connection = self.engine.raw_connection()
            if self.engine.dialect.name == "postgresql":
                connection.driver_connection.autocommit = True
            connection.detach()
            self.local.connection = connection
        return connection

    def read(self) -> tuple[int, datetime | None, datetime | None]:
        """(content version, last change, newest publish time already passed)."""
        now = utcnow()
        # SQLite compares the text SQLAlchemy stores: the same format here.
        params = dict(self.params, now=now.isoformat(sep=" ") if self.sqlite else now)
        if self.order is not None:
            params = tuple(params[name] for name in self.order)
        try:
            row = self._query(params)
        except self.engine.dialect.loaded_dbapi.Error:
            self.reset()  # a dropped connection (server restart): try once on a new one
            row = self._query(params)
        version, changed_at, latest = row
        return version or 1, _as_datetime(changed_at), _as_datetime(latest)

    def _query(self, params):
        cursor = self._connection().cursor()
        try:
            cursor.execute(self.sql, params)
            return cursor.fetchone()
        except BaseException:
            self.reset()
            raise
        finally:
            # After a failure the connection is closed already, and closing its cursor
            # may raise in turn (sqlite3), hiding the error that tells what happened.
            with contextlib.suppress(Exception):
                cursor.close()

    def reset(self) -> None:
        """Forget this thread's connection; the next read opens a new one."""
        connection = getattr(self.local, "connection", None)
        self.local.connection = None
        if connection is not None:
            # It is being thrown away, most likely because it already failed.
            with contextlib.suppress(Exception):
                connection.close()


def close_stamp_connections(app: Flask) -> None:
    """Close the calling thread's stamp connections (for tests that make many apps)."""
    for reader in app.extensions.get("stamp_readers", {}).values():
        reader.reset()


def _as_datetime(value) -> datetime | None:
    # SQLite hands back timestamps as text when read without SQLAlchemy's types.
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def content_stamp() -> tuple[int, datetime | None, datetime | None]:
    """What public pages depend on: one indexed query, before any view runs."""
    readers = current_app.extensions["stamp_readers"]
    engine = db.engine
    reader = readers.get(engine)
    if reader is None:
        reader = readers.setdefault(engine, StampReader(engine))
    return reader.read()


def is_public_page() -> bool:
    """True for GET/HEAD requests of pages that look the same to every visitor."""
    return (
        request.method in ("GET", "HEAD")
        and request.blueprint in PUBLIC_BLUEPRINTS
        and request.endpoint not in UNCACHED_ENDPOINTS
    )


def compute_etag(
    code: str, version: int, latest_visible: datetime | None, path: str, query: str
) -> str:
    """The ETag of the page at ``path``?``query`` for this code and content."""
    stamp = ":".join(
        (
            code,
            str(version),
            latest_visible.isoformat() if latest_visible else "-",
            str(date.today().year),  # the footer shows the year
            # The raw path and query: the same URL gives the same key, without decoding.
            path,
            query,
        )
    )
    return hashlib.sha256(stamp.encode()).hexdigest()[:32]


def page_etag() -> tuple[str, datetime]:
    """The current page's ETag and Last-Modified."""
    version, changed_at, latest_visible = g.content_stamp = content_stamp()
    etag = compute_etag(
        current_app.extensions["code_version"],
        version,
        latest_visible,
        request.environ.get("PATH_INFO", ""),
        request.environ.get("QUERY_STRING", ""),
    )
    last_modified = max(d for d in (changed_at, latest_visible, datetime(1997, 1, 1)) if d)
    return etag, last_modified


def etag_function(app: Flask):
    """``(path, query) -> ETag`` for code outside a request (the front cache)."""
    reader: list[StampReader] = []

    def etag_for(path: str, query: str) -> str:
        if not reader:
            with app.app_context():
                engine = db.engine
            readers = app.extensions["stamp_readers"]
            reader.append(readers.setdefault(engine, StampReader(engine)))
        version, _, latest_visible = reader[0].read()
        return compute_etag(app.extensions["code_version"], version, latest_visible, path, query)

    return etag_for


_MEMO: OrderedDict[tuple, object] = OrderedDict()
_MEMO_LOCK = threading.Lock()
MEMO_ENTRIES = 256


def memoize_per_content(key: tuple, compute):
    """``compute()``'s result, reused until the content changes (per worker, bounded).

    For figures that are expensive on large tables but change only with the content, such
    as the number of visible articles. Outside a request, or before the content stamp is
    known, it simply computes.
    """
    stamp = g.get("content_stamp") if has_request_context() else None
    if stamp is None:
        return compute()
    full_key = (*key, *stamp)
    with _MEMO_LOCK:
        if full_key in _MEMO:
            _MEMO.move_to_end(full_key)
            return _MEMO[full_key]
    value = compute()
    with _MEMO_LOCK:
        _MEMO[full_key] = value
        while len(_MEMO) > MEMO_ENTRIES:
            _MEMO.popitem(last=False)
    return value


def answer_from_cache():
    """before_request: a 304 when the visitor's copy is current, before any view runs."""
    if not is_public_page():
        return None
    etag, last_modified = page_etag()
    g.page_etag, g.page_last_modified = etag, last_modified
    if etag in request.if_none_match:
        return _with_validators(Response(status=304), etag, last_modified)
    return None


def store_and_tag(response: Response) -> Response:
    """after_request: give public pages their validators and keep a copy for the next visitor."""
    etag = g.get("page_etag")
    if etag is None or response.status_code != 200:
        return response
    if session_used():
        return response  # personalised (a form's token): neither tagged nor shared
    microcache = current_app.config.get("MICROCACHE_SECONDS")
    if microcache:
        # Read by nginx only (it never forwards X-Accel-* headers): how long it may keep
        # this page for other anonymous visitors.
        response.headers["X-Accel-Expires"] = str(microcache)
    if response.headers.get("ETag") is None:
        _with_validators(response, etag, g.page_last_modified)
        if not response.is_streamed:
            request.environ[STORE_MARK] = etag  # the front cache may keep it
    return response.make_conditional(request)


def session_used() -> bool:
    """True when the page may depend on this visitor's session.

    A session that holds something, or that the view wrote to (a form's token), makes the
    page the visitor's own. An empty one, merely looked at (the login extension checks
    every template for a user), does not. Read off the request context: going through
    ``flask.session`` would itself mark the session as used.
    """
    opened = request_ctx._session  # noqa: SLF001 - see above
    if opened is None or not opened.accessed:
        return False
    return bool(opened.modified or len(opened))


def _with_validators(response: Response, etag: str, last_modified: datetime) -> Response:
    response.set_etag(etag)
    response.last_modified = last_modified.replace(microsecond=0)
    response.cache_control.public = True
    response.cache_control.no_cache = True
    return response


def init_app(app: Flask) -> None:
    """Register the hooks; ``PAGE_CACHE_MB`` = 0 turns the page cache off."""
    app.extensions["code_version"] = code_version(app)
    app.extensions["stamp_readers"] = {}
    app.before_request(answer_from_cache)
    app.after_request(store_and_tag)
    size_mb = app.config.get("PAGE_CACHE_MB", 32)
    if size_mb:
        store = PageStore(int(size_mb * 1024 * 1024))
        app.extensions["page_store"] = store
        app.wsgi_app = FrontCache(app, app.wsgi_app, store, etag_function(app))
