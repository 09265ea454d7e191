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


def test_an_article_card_follows_an_edit_on_home_and_the_list(demo_app):
    from eurobrew.extensions import db
    from eurobrew.models import ArticleTranslation

    client = demo_app.test_client()
    with demo_app.app_context():
        add_article(1)
    assert "Article 1" in client.get("/en/").text
    assert "Article 1" in client.get("/en/news/").text
    assert len(demo_app.extensions[MEMO_KEY].fragments) > 0  # the cards, kept
    with demo_app.app_context():
        translation = db.session.scalars(
            db.select(ArticleTranslation).where(ArticleTranslation.title == "Article 1")
        ).one()
        translation.title = "Article one, retitled"
        db.session.commit()
    for path in ("/en/", "/en/news/"):
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
