"""SQLite's search index stays in few pieces: FTS5 reads every piece (b-tree) for each
term a search matches, so an index left in many pieces makes every search slower."""

import pytest
from sqlalchemy import select, text

from eurobrew.extensions import db
from eurobrew.models import ArticleTranslation

PIECES = "SELECT count(DISTINCT segid) FROM search_fts_idx"


def pieces_and_check() -> int:
    """How many pieces the index is in, after FTS5's own check of it (raises when broken)."""
    db.session.execute(text("INSERT INTO search_fts(search_fts) VALUES('integrity-check')"))
    return db.session.execute(text(PIECES)).scalar()


@pytest.fixture
def sqlite_only(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("FTS5's pieces: an SQLite index (PostgreSQL's has its own test)")


def test_a_bulk_load_leaves_the_index_in_one_piece(app, runner, sqlite_only):
    runner.invoke(args=["demo", "load"])
    assert runner.invoke(args=["demo", "articles", "300"]).exit_code == 0
    with app.app_context():
        assert pieces_and_check() == 1


def test_edits_leave_the_index_in_few_pieces_and_searches_find_them(app, runner, sqlite_only):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        ids = db.session.scalars(
            select(ArticleTranslation.id).where(ArticleTranslation.lang == "sk")
        ).all()
        for number in range(120):
            translation = db.session.get(ArticleTranslation, ids[number % len(ids)])
            translation.title = f"Pivovar číslo {number}"
            db.session.commit()
        assert pieces_and_check() <= 4
    found = app.test_client().get("/sk/hladat", query_string={"q": "číslo 119"}).text
    assert "Pivovar <mark>číslo</mark> <mark>119</mark>" in found
