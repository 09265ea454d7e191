"""Figures kept per content version: after an edit, pages show the new content, and a
worker keeps only the current version's figures, however often the content changes."""

from eurobrew.web.memo import MEMO_KEY
from support.builders import add_article


def test_an_edit_shows_at_once_and_old_figures_are_dropped(demo_app):
    client = demo_app.test_client()
    assert "Article 1" not in client.get("/en/").text
    kept = demo_app.extensions[MEMO_KEY]
    assert len(kept.values) > 0  # the menu, the footer ... of this version
    for number in range(1, 6):
        with demo_app.app_context():
            add_article(number)
        assert f"Article {number}" in client.get("/en/").text
    now = demo_app.extensions[MEMO_KEY]
    assert now.stamp[0] > kept.stamp[0]
    # Only what the last page view needed: nothing from the five versions before it.
    assert len(now.values) <= len(kept.values)


def test_an_article_card_and_feed_entry_follow_an_edit(demo_app):
    from eurobrew.extensions import db
    from eurobrew.models import ArticleTranslation

    client = demo_app.test_client()
    with demo_app.app_context():
        add_article(1)
    assert "Article 1" in client.get("/en/").text
    assert "Article 1" in client.get("/en/news/").text
    assert "<title>Article 1</title>" in client.get("/en/news/feed.xml").text
    assert len(demo_app.extensions[MEMO_KEY].fragments) > 0  # the cards and entries, kept
    with demo_app.app_context():
        translation = db.session.scalars(
            db.select(ArticleTranslation).where(ArticleTranslation.title == "Article 1")
        ).one()
        translation.title = "Article one, retitled"
        db.session.commit()
    for path in ("/en/", "/en/news/", "/en/news/feed.xml"):
        page = client.get(path).text
        assert "Article one, retitled" in page and "Article 1<" not in page


def test_many_figures_at_once_computes_only_those_not_kept(demo_app):
    from flask import request

    from eurobrew.web.memo import memoize_many

    computed = []

    def compute(n):
        computed.append(n)
        return f"value {n}"

    client = demo_app.test_client()
    client.get("/en/")  # a memo for the current content version
    with demo_app.test_request_context("/en/"):
        demo_app.preprocess_request()
        assert request.path == "/en/"
        keys = [("many", n) for n in range(4)]
        assert memoize_many(keys[:2], compute, "fragments") == ["value 0", "value 1"]
        assert memoize_many(keys, compute, "fragments") == [f"value {n}" for n in range(4)]
    assert computed == [0, 1, 2, 3]  # the first two were kept, the last two computed once
    assert demo_app.extensions[MEMO_KEY].fragments[("many", 3)] == "value 3"


def _ask_at_once(app, threads: int, compute) -> list:
    """What ``threads`` threads, each in a request of its own, get for one figure."""
    import threading

    from eurobrew.web.memo import memoize_per_content

    start, got = threading.Barrier(threads), []

    def ask():
        with app.test_request_context("/en/"):
            app.preprocess_request()
            start.wait()
            try:
                got.append(memoize_per_content(("at once",), compute))
            except RuntimeError as error:
                got.append(str(error))

    workers = [threading.Thread(target=ask) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    return got


def test_threads_missing_one_figure_at_once_compute_it_once(demo_app):
    import time

    computed = []

    def slow_compute():
        computed.append(1)
        time.sleep(0.2)  # long enough for every other thread to ask meanwhile
        return "the figure"

    demo_app.test_client().get("/en/")  # a memo for the current content version
    assert _ask_at_once(demo_app, 6, slow_compute) == ["the figure"] * 6
    assert len(computed) == 1


def test_a_failed_computation_leaves_the_figure_to_the_next_thread(demo_app):
    import time

    calls = []

    def fails_first():
        calls.append(1)
        time.sleep(0.1)
        if len(calls) == 1:
            raise RuntimeError("database gone")
        return "the figure"

    demo_app.test_client().get("/en/")
    got = _ask_at_once(demo_app, 4, fails_first)
    assert sorted(got) == ["database gone"] + ["the figure"] * 3
    assert len(calls) == 2  # the failure, then one thread that computed for the rest
