"""Each worker thread keeps the content stamp until the database may have changed.

The stamp is read before every public page; reading it again only after a change (SQLite's
data_version, PostgreSQL's notifications, this process's own commits) saves PostgreSQL a
round trip per page. What a visitor must never notice: a change made anywhere (this
process or another one) shows on the next page, and a scheduled article on time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from sqlalchemy import select

from eurobrew.config import PROJECT_ROOT
from eurobrew.extensions import db
from eurobrew.models import ArticleTranslation
from eurobrew.web import stamp

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
PAGES = ["/sk/", "/en/news/", SEED_EN, "/en/about-us", "/sk/kontakt"]

# Another process edits the English seed article through the site's own code, as an
# admin's request in another worker (or `flask content import`) would.
EDIT_ELSEWHERE = textwrap.dedent(
    """
    import sys
    from sqlalchemy import select
    from eurobrew import create_app
    from eurobrew.extensions import db
    from eurobrew.models import ArticleTranslation
    app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1]})
    with app.app_context():
        query = select(ArticleTranslation).where(ArticleTranslation.lang == "en")
        db.session.scalars(query).one().title = sys.argv[2]
        db.session.commit()
    """
)


@pytest.fixture
def stamp_reads(monkeypatch):
    """How many times the stamp was read from the database; nothing expires on its own."""
    monkeypatch.setattr(stamp, "RECHECK_AFTER", timedelta(hours=1))
    reads = []
    original = stamp.StampReader._read

    def counted(self, now):
        reads.append(now)
        return original(self, now)

    monkeypatch.setattr(stamp.StampReader, "_read", counted)
    return reads


def seed_translation() -> ArticleTranslation:
    """The English seed article's translation, in the session of the app context."""
    query = select(ArticleTranslation).where(ArticleTranslation.lang == "en")
    return db.session.scalars(query).one()


def edit_in_another_process(app, title: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT / "site"))
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    command = [sys.executable, "-c", EDIT_ELSEWHERE, url, title]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)


def test_the_stamp_is_read_once_while_nothing_changes(client, stamp_reads):
    for path in PAGES * 3:
        assert client.get(path).status_code == 200
    assert len(stamp_reads) == 1


def test_an_edit_in_this_process_shows_on_the_next_page(client, demo_app, stamp_reads):
    before = client.get(SEED_EN)
    with demo_app.app_context():
        seed_translation().title = "Japan offers to buy US chips"
        db.session.commit()
    after = client.get(SEED_EN, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert "Japan offers to buy US chips" in after.get_data(as_text=True)
    assert len(stamp_reads) == 2


def test_an_edit_in_another_process_shows_on_the_next_page(client, demo_app, stamp_reads):
    pages = {path: client.get(path) for path in ("/en/news/", SEED_EN)}
    edit_in_another_process(demo_app, "Japan offers to buy US chips")
    for path, before in pages.items():
        after = client.get(path, headers={"If-None-Match": before.headers["ETag"]})
        assert after.status_code == 200, path
        assert "Japan offers to buy US chips" in after.get_data(as_text=True), path
    # Read again once the change was seen, then kept again.
    assert len(stamp_reads) == 2
    assert client.get(SEED_EN, headers={"If-None-Match": after.headers["ETag"]}).status_code == 304
    assert len(stamp_reads) == 2


def test_a_failed_edit_changes_nothing(client, demo_app, stamp_reads):
    before = client.get(SEED_EN)
    with demo_app.app_context():
        seed_translation().title = "Never saved"
        db.session.flush()  # the version is bumped in the transaction...
        db.session.rollback()  # ...which is then given up
    again = client.get(SEED_EN, headers={"If-None-Match": before.headers["ETag"]})
    assert again.status_code == 304
