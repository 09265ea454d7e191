"""The public pages' plain reads compare times and days as the database stores them."""

from datetime import date, timedelta

from sqlalchemy import bindparam, func, select

from eurobrew.models import Article
from eurobrew.models.base import utcnow
from eurobrew.models.plain_reads import plain_reader
from support.builders import add_article


def _published_by(article_id: int, now) -> int:
    statement = (
        select(func.count())
        .select_from(Article)
        .where(Article.id == bindparam("id"), Article.publish_at <= bindparam("now"))
    )
    return plain_reader().scalar(statement, {"id": article_id, "now": now})


def test_an_article_due_at_a_whole_second_is_shown_from_that_very_moment(demo_app):
    # SQLite keeps a timestamp as text with its microseconds ("... 09:30:00.000000"): a
    # moment written without them would sort before it and hide the article a second more.
    due = utcnow().replace(microsecond=0) - timedelta(hours=1)
    with demo_app.app_context():
        article = add_article(1, publish_at=due)
        assert _published_by(article.id, due) == 1
        assert _published_by(article.id, due - timedelta(microseconds=1)) == 0


def test_a_day_compares_as_stored(demo_app):
    with demo_app.app_context():
        article = add_article(2, published_on=date(2026, 3, 9))
        statement = (
            select(Article.published_on)
            .where(Article.id == bindparam("id"), Article.published_on >= bindparam("day"))
            .limit(1)
        )
        found = plain_reader().rows(statement, {"id": article.id, "day": date(2026, 3, 9)})
        assert found == [{"published_on": date(2026, 3, 9)}]
        assert plain_reader().rows(statement, {"id": article.id, "day": date(2026, 3, 10)}) == []
