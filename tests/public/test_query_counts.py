"""A page's number of SQL queries does not grow with the number of articles."""

import pytest

from eurobrew.extensions import db
from support.builders import add_article

PATHS = [
    "/en/",
    "/sk/novinky/",
    "/en/news/?page=1",
    "/en/news/article-5",
    "/sk/novinky/clanok-5",
]


def queries_per_page(app, count_queries):
    client = app.test_client()
    result = {}
    for path in PATHS:
        client.get(path)  # warm caches that are not per request
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        result[path] = counter.count
    return result


@pytest.mark.parametrize("extra", [190])
def test_query_count_is_constant(demo_app, count_queries, extra):
    with demo_app.app_context():
        for n in range(1, 11):
            add_article(n, commit=False)
        db.session.commit()
    with_ten = queries_per_page(demo_app, count_queries)
    with demo_app.app_context():
        for n in range(11, 11 + extra):
            add_article(n, commit=False)
        db.session.commit()
    with_two_hundred = queries_per_page(demo_app, count_queries)
    assert with_ten == with_two_hundred
    assert max(with_ten.values()) <= 6, with_ten
