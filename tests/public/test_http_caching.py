"""ETags tied to content, 304 revalidation, hashed static files, /healthz."""

import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from eurobrew import create_app
from eurobrew.extensions import db
from eurobrew.models import ArticleTranslation, CompanyContact
from eurobrew.models.base import utcnow
from eurobrew.web import stamp
from support.builders import add_article

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
PUBLIC = ["/sk/", "/en/news/", SEED_EN, "/en/about-us"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_revalidate_to_an_empty_304(client, path):
    first = client.get(path)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert first.headers["Last-Modified"]
    assert "no-cache" in first.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag
    since = client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_each_url_has_its_own_etag(client):
    tags = {client.get(path).headers["ETag"] for path in PUBLIC}
    assert len(tags) == len(PUBLIC)


def test_an_edit_changes_the_etag_at_once(client, demo_app):
    before = client.get(SEED_EN)
    with demo_app.app_context():
        translation = db.session.scalars(
            select(ArticleTranslation).where(ArticleTranslation.lang == "en")
        ).one()
        translation.title = "Japan offers to buy US chips"
        db.session.commit()
    after = client.get(SEED_EN, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert "Japan offers to buy US chips" in after.get_data(as_text=True)
    assert after.headers["ETag"] != before.headers["ETag"]


def test_a_footer_edit_changes_every_page(client, demo_app):
    tags = {path: client.get(path).headers["ETag"] for path in PUBLIC}
    with demo_app.app_context():
        db.session.scalars(select(CompanyContact)).one().phone = "+421 2 0000 0000"
        db.session.commit()
    for path, tag in tags.items():
        response = client.get(path, headers={"If-None-Match": tag})
        assert response.status_code == 200
        assert "+421 2 0000 0000" in response.get_data(as_text=True)


def test_a_scheduled_article_appears_without_any_write(client, demo_app, monkeypatch):
    # Its publish time, not the stamp's periodic recheck, brings it out.
    monkeypatch.setattr(stamp, "RECHECK_AFTER", timedelta(hours=1))
    publish_at = utcnow() + timedelta(seconds=2)
    with demo_app.app_context():
        add_article(3, publish_at=publish_at)
    page = client.get("/en/news/")
    assert utcnow() < publish_at, "the first request came too late to show anything"
    assert "Article 3" not in page.get_data(as_text=True)
    # Its publish time passes; nothing is written to the database.
    time.sleep((publish_at - utcnow()).total_seconds() + 0.1)
    again = client.get("/en/news/", headers={"If-None-Match": page.headers["ETag"]})
    assert again.status_code == 200
    assert "Article 3" in again.get_data(as_text=True)


def test_error_pages_and_redirects_are_not_tagged(client):
    assert "ETag" not in client.get("/en/nothing-here").headers
    assert "ETag" not in client.get("/").headers


def test_static_files_have_hashed_names_and_a_year_of_cache(client):
    html = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(css)
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    cache = response.headers["Cache-Control"]
    assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache
    assert client.get("/static/css/site.000000000000.css").status_code == 404
    assert client.get("/static/css/site.css").status_code == 200
    assert client.get("/static/../config.py").status_code == 404


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_healthz_reports_a_missing_database(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/no/such/dir/db.sqlite3"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "database unavailable"}


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path, monkeypatch):
    # The embedded default, whichever database the rest of the suite runs on.
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app()
    with app.app_context():
        connection = db.session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_public_pages_may_be_kept_briefly_by_the_front_server(client):
    response = client.get("/en/news/")
    assert response.headers["X-Accel-Expires"] == "5"
    assert "X-Accel-Expires" not in client.get("/en/missing").headers
    assert "X-Accel-Expires" not in client.get("/healthz").headers


def test_a_page_that_uses_the_session_is_never_shared(demo_app):
    from flask import session

    with demo_app.test_request_context("/en/news/"):
        demo_app.preprocess_request()
        session["csrf_token"] = "one visitor's own"
        response = demo_app.process_response(demo_app.response_class("<p>form</p>"))
    assert "ETag" not in response.headers
    assert "X-Accel-Expires" not in response.headers


def test_repeat_visits_are_answered_whole_from_memory(client, count_queries):
    first = client.get(SEED_EN)
    with count_queries() as counter:
        again = client.get(SEED_EN)
    assert counter.count == 0  # no view ran: only the content stamp was read
    assert again.data == first.data
    strip = {"Date"}
    assert [(k, v) for k, v in again.headers if k not in strip] == [
        (k, v) for k, v in first.headers if k not in strip
    ]
    head = client.head(SEED_EN)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == first.headers["ETag"]


def test_logged_in_visitors_get_pages_from_the_app(client):
    from flask import template_rendered

    client.get("/en/about-us")
    client.set_cookie("session", "anything")
    rendered = []
    with template_rendered.connected_to(lambda app, template, **_: rendered.append(template.name)):
        assert client.get("/en/about-us").status_code == 200
    assert "pages/page.html" in rendered
