"""A page's number of SQL queries does not grow with the number of articles."""

import pytest

from eurobrew.extensions import db
from support.builders import add_article


@pytest.fixture
def app_config():
    """The front cache off: every request renders its page (with it, none runs a query)."""
    return {"PAGE_CACHE_MB": 0}


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
    assert min(with_ten.values()) > 0 and max(with_ten.values()) <= 6, with_ten


def test_an_article_of_a_small_site_counts_nothing_for_its_back_link(
    demo_app, count_queries, monkeypatch
):
    """Up to MARKS_KEPT articles, every article's place in the list is kept per content
    version: an article page runs one statement fewer than one that counts its place."""
    from eurobrew.news import listing

    with demo_app.app_context():
        for n in range(1, 40):
            add_article(n, commit=False)
        db.session.commit()

    def statements(marks_kept: int) -> int:
        monkeypatch.setattr(listing, "MARKS_KEPT", marks_kept)
        client = demo_app.test_client()
        client.get("/en/news/article-5")
        with count_queries() as counter:
            html = client.get("/en/news/article-5").text
        assert '<p class="back"><a href="/en/news/?page=4">' in html  # 35th newest of 40
        return counter.count

    assert statements(listing.MARKS_KEPT) == statements(3) - 1
