"""The search index stays in the shape searches read fastest after bulk loads and edits.

SQLite: FTS5 reads every piece (b-tree) of its index for each term a search matches, so an
index left in many pieces makes every search slower. PostgreSQL: GIN's pending entries are
read through by every search (tests/ops/test_demo.py checks a bulk load merges them).
"""

from sqlalchemy import select, text

from eurobrew.extensions import db
from eurobrew.i18n import LANGUAGES
from eurobrew.models import ArticleTranslation
from eurobrew.models.search import fts_table


def sqlite_pieces() -> int | None:
    """How many pieces SQLite's index of a language is in at most, after FTS5's own check
    of each (which raises when an index is broken); None on PostgreSQL."""
    if db.engine.dialect.name != "sqlite":
        return None
    pieces = []
    for name in map(fts_table, LANGUAGES):
        db.session.execute(text(f"INSERT INTO {name}({name}) VALUES('integrity-check')"))
        counted = f"SELECT count(DISTINCT segid) FROM {name}_idx"  # noqa: S608 - our own name
        pieces.append(db.session.execute(text(counted)).scalar())
    return max(pieces)


def test_a_bulk_load_leaves_sqlites_index_in_one_piece(app, runner):
    runner.invoke(args=["demo", "load"])
    assert runner.invoke(args=["demo", "articles", "300"]).exit_code == 0
    with app.app_context():
        assert sqlite_pieces() in (1, None)


def test_after_many_edits_the_index_is_in_few_pieces_and_finds_the_last(app, runner):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        ids = db.session.scalars(
            select(ArticleTranslation.id).where(ArticleTranslation.lang == "sk")
        ).all()
        for number in range(120):
            translation = db.session.get(ArticleTranslation, ids[number % len(ids)])
            translation.title = f"Pivovar číslo {number}"
            db.session.commit()
        pieces = sqlite_pieces()
        assert pieces is None or pieces <= 4
    found = app.test_client().get("/sk/hladat", query_string={"q": "číslo 119"}).text
    assert "Pivovar <mark>číslo</mark> <mark>119</mark>" in found
