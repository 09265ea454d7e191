"""Bodies are rendered when saved and stored: pages show the stored HTML, never stale."""

from sqlalchemy import select, text

from eurobrew.extensions import db
from eurobrew.markup import MARKUP_VERSION, render_markdown
from eurobrew.models import ArticleTranslation, bump_content_version


def english_article(app) -> tuple[int, str, str]:
    """The demo article's English translation: id, slug and body."""
    with app.app_context():
        found = db.session.scalars(select(ArticleTranslation).filter_by(lang="en")).first()
        return found.id, found.slug, found.body


def store_html(app, translation_id: int, html: str, version: int) -> None:
    with app.app_context():
        db.session.execute(
            text(
                "UPDATE article_translations SET body_html = :h, body_html_version = :v "
                "WHERE id = :i"
            ),
            {"h": html, "v": version, "i": translation_id},
        )
        bump_content_version(db.session)
        db.session.commit()


def article_page(app, slug: str) -> str:
    response = app.test_client().get(f"/en/news/{slug}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_saving_a_body_stores_its_rendering(demo_app):
    with demo_app.app_context():
        translation = db.session.scalars(select(ArticleTranslation).filter_by(lang="en")).first()
        assert translation.body_html == str(render_markdown(translation.body))
        translation.body = "A *new* text with {contact:phone}."
        db.session.commit()
        stored = db.session.execute(
            text("SELECT body_html, body_html_version FROM article_translations WHERE id = :i"),
            {"i": translation.id},
        ).one()
    assert stored.body_html == "<p>A <em>new</em> text with \ue002phone\ue003.</p>"
    assert stored.body_html_version == MARKUP_VERSION


def test_the_article_page_shows_the_stored_rendering(demo_app):
    translation_id, slug, body = english_article(demo_app)
    store_html(demo_app, translation_id, "<p>The stored rendering.</p>", MARKUP_VERSION)
    html = article_page(demo_app, slug)
    assert "<p>The stored rendering.</p>" in html


def test_a_rendering_of_another_renderer_is_not_shown_and_is_stored_again(demo_app, runner):
    translation_id, slug, body = english_article(demo_app)
    store_html(demo_app, translation_id, "<p>Made by an older renderer.</p>", MARKUP_VERSION - 1)
    html = article_page(demo_app, slug)
    assert "older renderer" not in html
    assert str(render_markdown(body)) in html

    result = runner.invoke(args=["bodies", "render"])
    assert result.exit_code == 0, result.output
    assert "Rendered 1 bodies" in result.output
    with demo_app.app_context():
        stored = db.session.get(ArticleTranslation, translation_id)
        assert (stored.body_html, stored.body_html_version) == (
            str(render_markdown(body)),
            MARKUP_VERSION,
        )
    assert "Rendered 0 bodies" in runner.invoke(args=["bodies", "render"]).output
    everything = runner.invoke(args=["bodies", "render", "--all"]).output
    assert "Rendered 0 bodies" not in everything


def test_generated_articles_store_the_rendering_of_their_own_text(demo_app, runner):
    assert runner.invoke(args=["demo", "articles", "12"]).exit_code == 0
    with demo_app.app_context():
        rows = db.session.execute(
            select(ArticleTranslation.body, ArticleTranslation.body_html)
        ).all()
    assert sum("demo article number" in row.body for row in rows) == 12
    for row in rows:
        assert row.body_html == str(render_markdown(row.body))
