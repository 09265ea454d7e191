"""The database goes away and comes back: 503 pages in the visitor's language, then 200s,
without restarting anything."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

import servers
from eurobrew import create_app
from eurobrew.demo import load_demo
from eurobrew.extensions import db
from eurobrew.media import upload_folder
from eurobrew.models.kept_connection import close_kept_connections
from http_client import fetch
from support import pgcluster, tool_missing

PG_PORTS = (18690, 18700)
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
PAGES = ("/sk/", "/en/news/", "/sk/o-nas", SEED_EN)
UNAVAILABLE = {
    "/sk/novinky/": ("sk", "Stránka je na chvíľu nedostupná"),
    "/en/news/": ("en", "The site is briefly unavailable"),
    "/sk/o-nas": ("sk", "Stránka je na chvíľu nedostupná"),
    "/en/about-us": ("en", "The site is briefly unavailable"),
}


def assert_unavailable(get) -> None:
    """Every page is a 503 in its own language with Retry-After; the health check says so."""
    for path, (lang, heading) in UNAVAILABLE.items():
        status, headers, body = get(path)
        assert status == 503, (path, status)
        assert headers["Retry-After"] == "30", path
        assert f'<html lang="{lang}">' in body and heading in body, path
    assert get("/healthz")[0] == 503


@pytest.fixture
def postgres():
    """A cluster of this test's own, to stop and start at will."""
    if pgcluster.postgres_bin() is None:
        tool_missing("PostgreSQL (Debian package postgresql)")
    with pgcluster.running_cluster(PG_PORTS) as server:
        yield server


def test_postgresql_stopped_and_started_again_under_gunicorn(postgres, tmp_path):
    env = servers.site_env(
        tmp_path / "instance",
        postgres.create_database("eurobrew"),
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
    )
    servers.prepare_site(env, products=False)

    def get(path):
        reply = fetch(base + path)
        return reply.status, reply.headers, reply.body

    port = servers.free_port(18600, 18610)
    with servers.gunicorn(env, port, log=tmp_path / "gunicorn.log") as base:
        # Enough requests that every worker thread holds database connections.
        for _ in range(6):
            for path in PAGES:
                assert get(path)[0] == 200, path
        postgres.stop()
        for _ in range(3):
            assert_unavailable(get)
        postgres.start()
        # The same gunicorn, workers and threads: each must find the database again.
        for _ in range(6):
            for path in (*PAGES, "/healthz"):
                assert get(path)[0] == 200, path
    assert "database unavailable" in (tmp_path / "gunicorn.log").read_text()


def test_sqlite_database_gone_and_back(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    folder = tmp_path / "disk"
    folder.mkdir()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'site.sqlite3'}",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        }
    )
    with app.app_context():
        db.create_all()
        load_demo(upload_folder())
    client = app.test_client()

    def get(path):
        response = client.get(path)
        return response.status_code, response.headers, response.get_data(as_text=True)

    assert get("/en/news/")[0] == 200
    # The disk holding the database is unmounted. An open SQLite connection keeps reading
    # its file wherever it goes (and root reads any file whatever its mode), so what fails
    # is opening the file, as a new or restarted worker does: drop the open connections.
    folder.rename(tmp_path / "unmounted")
    with app.app_context():
        db.engine.dispose()
    close_kept_connections(app)
    assert_unavailable(get)
    assert not folder.exists()  # no empty database was made in its place
    (tmp_path / "unmounted").rename(folder)
    for path in UNAVAILABLE:
        assert get(path)[0] == 200, path
    assert get("/healthz")[0] == 200


def test_a_database_without_its_tables_is_a_503(tmp_path, monkeypatch):
    # `flask db upgrade` not run yet: the content stamp read before every page fails first.
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
    response = app.test_client().get("/en/")
    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.get_data(as_text=True)


def test_a_refused_statement_is_a_500_not_an_outage(client, monkeypatch):
    # An app fault must not hide behind "try again in a minute".
    def refuse(*args, **kwargs):
        raise IntegrityError("INSERT ...", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr("eurobrew.news.queries.count_visible", refuse)
    client.application.config["PROPAGATE_EXCEPTIONS"] = False  # as in production
    response = client.get("/en/news/")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
