"""A search reads the page's language alone, and finds the same texts however it reads them."""

from datetime import date, timedelta

from sqlalchemy import text
from test_search_page import SEARCH_SK, article, hits

from eurobrew.extensions import db
from eurobrew.models import ArticleStatus
from eurobrew.models.base import utcnow
from eurobrew.models.plain_reads import CompiledRead
from eurobrew.search import language_indexes, matching
from eurobrew.search.query import parse
from support.builders import add_article

SEARCH_EN = "/en/search"


def test_a_word_only_the_other_language_writes_is_found_on_its_page_alone(demo_app, client):
    with demo_app.app_context():
        add_article(1, body="Slivovica z Trnavy.")  # the same body in both languages
        add_article(2, langs=("en",), body="A distillery in Trnava.")
    assert hits(client, "slivovica") == ["/sk/novinky/clanok-1"]
    assert hits(client, "slivovica", SEARCH_EN) == ["/en/news/article-1"]
    assert hits(client, "distillery", SEARCH_EN) == ["/en/news/article-2"]
    assert hits(client, "distillery") == []
    page = client.get(SEARCH_SK, query_string={"q": "distillery"}).text
    assert "0 výsledkov pre „distillery“" in page


def test_words_in_many_texts_find_the_same_texts_read_newest_first(demo_app, client, monkeypatch):
    # Every term counts as frequent: on PostgreSQL the search reads the rows newest first,
    # not the index (search/language_indexes.py), and must find what the index finds.
    monkeypatch.setattr(language_indexes, "MANY_MATCHES", 0)
    found = [article(demo_app, n, f"Pivovar {n}", "Text o pivovare.", days_ago=n) for n in (1, 2)]
    article(demo_app, 3, "Koncept pivovaru", "Text.", status=ArticleStatus.DRAFT.value)
    article(demo_app, 4, "Budúci pivovar", "Text.", publish_at=utcnow() + timedelta(days=1))
    with demo_app.app_context():
        add_article(5, langs=("en",), body="Pivovar, a brewery.", published_on=date(2026, 1, 1))
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("ANALYZE search_documents"))
            db.session.commit()
            assert language_indexes.may_match_many(parse("pivovar"), "sk")
    assert hits(client, "pivovar") == found
    assert hits(client, "pivovar", SEARCH_EN) == ["/en/news/article-5"]
    assert hits(client, "pivovar čaj") == []


def test_a_word_grown_frequent_while_the_site_runs_is_read_newest_first(
    demo_app, client, monkeypatch
):
    # A worker that kept the frequent terms it read before many articles were added ran the
    # plan for a few matches over thousands (PostgreSQL). Terms are read again per content.
    monkeypatch.setattr(language_indexes, "MANY_MATCHES", 1)
    planned = []
    may_match_many = matching.may_match_many
    monkeypatch.setattr(
        matching, "may_match_many", lambda *a: planned.append(may_match_many(*a)) or planned[-1]
    )
    assert hits(client, "slivovica") == []
    found = [article(demo_app, n, f"Slivovica {n}", "O slivovici.", days_ago=n) for n in (1, 2, 3)]
    with demo_app.app_context():
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("ANALYZE search_documents"))
            db.session.commit()
    assert hits(client, "slivovica") == found
    if planned:  # PostgreSQL alone reads frequent words another way
        assert planned == [False, True]


def _plan(statement, params: dict) -> str:
    """The database's plan of one of the search's statements, every scan named."""
    compiled = CompiledRead(statement, db.engine)
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        if db.engine.dialect.name == "postgresql":
            # A test's few rows are read whole at once: ask for the plan of a large table.
            cursor.execute("SET enable_seqscan = off")
        explain = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
        cursor.execute(explain + compiled.sql, compiled.arguments(params))
        return "\n".join(str(row[-1]) for row in cursor.fetchall())
    finally:
        connection.close()


def test_a_frequent_word_is_read_in_its_languages_rows_alone(demo_app):
    # Newest first on PostgreSQL: the ids of the page's language, not every language's rows
    # between them (a sixth of 100,000 articles: 1.6 ms against 2.4 ms); SQLite reads the
    # language's own full-text table.
    with demo_app.app_context():
        dialect = db.engine.dialect.name
        params = matching._params(parse("pivovar"), "sk", dialect) | {"limit": 10, "skip": 0}
        plan = _plan(matching._counted_page(dialect, "sk", dialect == "postgresql"), params)
    own, other = ("newest_sk", "newest_en") if dialect == "postgresql" else ("fts_sk", "fts_en")
    assert own in plan and other not in plan, plan
