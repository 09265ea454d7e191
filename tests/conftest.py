"""Fixtures after Flask's tutorial: app, client, runner, and content builders."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image as PILImage
from sqlalchemy import event

import servers
from eurobrew import create_app
from eurobrew.config import PROJECT_ROOT, TestConfig
from eurobrew.demo import load_demo
from eurobrew.extensions import db
from eurobrew.media import renditions, upload_folder
from eurobrew.models import User
from eurobrew.models.kept_connection import close_kept_connections
from support import (
    NGINX_ADMIN,
    SITE_URL,
    csrf_token_in,
    pgcluster,
    reset_database,
    tool_missing,
)
from support.mailserver import MailServer

ADMIN_NAME = "eva"
ADMIN_PASSWORD = "correct horse battery staple"


def pytest_addoption(parser):
    parser.addoption(
        "--postgres",
        action="store_true",
        help="run the suite against a throwaway PostgreSQL cluster instead of SQLite",
    )


@pytest.fixture(scope="session", autouse=True)
def postgres_cluster(request):
    """With --postgres: start a cluster for the session and point every test at it."""
    if not request.config.getoption("--postgres"):
        yield None
        return
    if pgcluster.postgres_bin() is None:
        tool_missing("PostgreSQL (Debian package postgresql)")
    names = {
        "TEST_DATABASE_URL": "eurobrew_test",  # the app fixture, per test
        "TEST_E2E_DATABASE_URL": "eurobrew_e2e",  # the browser tests' live site
        "TEST_SERVER_DATABASE_URL": "eurobrew_server",  # gunicorn behind nginx
        "TEST_KILL_DATABASE_URL": "eurobrew_kill",  # gunicorn with workers killed
        "TEST_SOAK_DATABASE_URL": "eurobrew_soak",  # the short soak
        "TEST_LIMITS_DATABASE_URL": "eurobrew_limits",  # limits under several workers
    }
    with pgcluster.cluster(tuple(names.values())) as urls:
        for variable, name in names.items():
            os.environ[variable] = urls[name]
        yield urls
        for variable in names:
            del os.environ[variable]


def database_url(tmp_path: Path) -> str:
    """``TEST_DATABASE_URL`` (a throwaway PostgreSQL) when given, else a fresh SQLite file."""
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(scope="session", autouse=True)
def encoded_once():
    """Encode each distinct picture in each format once per test run.

    Encoding is a pure function of the pixels and the format's options, and the demo that
    most tests load draws the same photo every time: its AVIF, WebP and JPEG renditions took
    0.3 s of every such test. The bytes written are the encoder's own, from the first time.
    """
    encoded: dict[tuple, bytes] = {}
    real_save, pillow_save = renditions._save, PILImage.Image.save

    def save_once(image, path, extension):
        if PILImage.Image.save is not pillow_save:  # a test makes the disk fail: let it
            return real_save(image, path, extension)
        key = (hashlib.blake2b(image.tobytes()).digest(), image.mode, image.size, extension)
        if key not in encoded:
            real_save(image, path, extension)
            encoded[key] = Path(path).read_bytes()
            return None
        data = encoded[key]
        return renditions.atomic_write(path, lambda out: out.write(data), renditions.FILE_MODE)

    patch = pytest.MonkeyPatch()
    patch.setattr(renditions, "_save", save_once)
    yield
    patch.undo()


@pytest.fixture
def app_config():
    """Extra settings for the app fixture; a test module overrides this fixture to set some."""
    return {}


@pytest.fixture
def translations_copy(tmp_path):
    """A copy of translations/ without compiled catalogs, for tests that change catalogs."""
    target = tmp_path / "translations"
    shutil.copytree(PROJECT_ROOT / "translations", target, ignore=shutil.ignore_patterns("*.mo"))
    return target


@pytest.fixture
def app(tmp_path, monkeypatch, app_config):
    """An app on an empty database with the schema created, in a temporary instance folder."""
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url(tmp_path),
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            # Not the test client's Host (localhost): every absolute URL must come from here.
            "SITE_URL": SITE_URL,
            **app_config,
            # Production keeps the slow hash (test_admin_auth checks); tests need speed.
            "PASSWORD_HASH_METHOD": TestConfig.PASSWORD_HASH_METHOD,
        }
    )
    with app.app_context():
        reset_database()
        db.create_all()
    yield app
    close_kept_connections(app)
    with app.app_context():
        db.session.remove()
        reset_database()
        db.engine.dispose()


@pytest.fixture
def demo_app(app):
    """The app with the demo's pages, contact record and seed article, the one article.

    The dozen demo news articles ``make run`` adds are left out, so a test sees only the
    articles it adds itself, and so are the product pages under Products (their pictures
    take seconds to draw): tests/ops/test_demo.py and ``products_app`` have them.
    """
    with app.app_context():
        assert load_demo(upload_folder(), news=False, products=False)
    return app


@pytest.fixture
def products_app(app):
    """The app with the Products section's pages and pictures too (no extra news)."""
    with app.app_context():
        assert load_demo(upload_folder(), news=False)
    return app


@pytest.fixture
def client(demo_app):
    """A test client of the demo site."""
    return demo_app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the ``flask`` commands."""
    return app.test_cli_runner()


class QueryCounter:
    """Counts the SQL statements the engine runs while active."""

    def __init__(self, engine):
        self.engine = engine
        self.count = 0

    def _on_execute(self, *args, **kwargs):
        self.count += 1

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._on_execute)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._on_execute)


@pytest.fixture
def count_queries(app):
    """``with count_queries() as counter: ...`` then ``counter.count``."""

    def make():
        with app.app_context():
            return QueryCounter(db.engine)

    return make


@pytest.fixture
def csrf_token():
    """``csrf_token(client, path)``: the token of the form at ``path``, as a browser sees it."""

    def read(client, path: str) -> str:
        return csrf_token_in(client.get(path).get_data(as_text=True))

    return read


@pytest.fixture
def admin_user(demo_app):
    """An admin account on the demo site: ``.username`` and ``.password``."""
    with demo_app.app_context():
        user = User(username=ADMIN_NAME)
        user.set_password(ADMIN_PASSWORD)
        db.session.add(user)
        db.session.commit()
    return SimpleNamespace(username=ADMIN_NAME, password=ADMIN_PASSWORD)


@pytest.fixture
def admin_client(demo_app, admin_user, csrf_token):
    """A test client logged in as ``admin_user`` through the login form."""
    client = demo_app.test_client()
    client.set_cookie("lang", "en")  # the admin reads English, so tests can read the pages
    token = csrf_token(client, "/admin/login")
    response = client.post(
        "/admin/login",
        data={
            "csrf_token": token,
            "username": admin_user.username,
            "password": admin_user.password,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def mail_server():
    """A real SMTP server on a loopback port for the duration of a test."""
    server = MailServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory):
    """gunicorn with the demo site, and nginx in front; yields (direct URL, nginx URL).

    One for the session: test_nginx.py and test_nginx_hosts.py share it (and its database).
    """
    if servers.nginx_path() is None:
        tool_missing("nginx (Debian package nginx-light)")
    folder = tmp_path_factory.mktemp("nginx-site")
    app_port = servers.free_port(18010, 18020)
    front_port = servers.free_port(18020, 18030)
    env = servers.site_env(
        folder / "instance",
        os.environ.get("TEST_SERVER_DATABASE_URL"),
        TRUSTED_PROXIES="1",
        GUNICORN_WORKERS="2",
        PAGE_CACHE_MB="0",
        SITE_URL=f"http://127.0.0.1:{front_port}",
    )
    servers.prepare_site(env, articles=12, products=False)
    servers.flask(
        env, "users", "create", *NGINX_ADMIN[:1], "--password-stdin", stdin=NGINX_ADMIN[1] + "\n"
    )
    with servers.behind_nginx(folder, env, app_port, front_port) as (direct, front):
        yield direct, front
