"""Demo content: loaded once into an empty database, never twice; bulk articles."""

from sqlalchemy import func, select

from eurobrew.demo import load_demo
from eurobrew.extensions import db
from eurobrew.media import upload_folder
from eurobrew.models import Article, ArticleTranslation, CompanyContact, Page, PageTranslation


def counts():
    return [
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Article, ArticleTranslation, Page, PageTranslation, CompanyContact)
    ]


def test_demo_load_is_idempotent(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output
    with app.app_context():
        first = counts()
        assert first == [1, 2, 5, 10, 1]
        photos = sorted(p.name for p in upload_folder().iterdir())
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0
    assert "nothing loaded" in result.output
    with app.app_context():
        assert counts() == first
        assert sorted(p.name for p in upload_folder().iterdir()) == photos


def test_demo_load_leaves_an_edited_site_alone(app):
    with app.app_context():
        assert load_demo(upload_folder())
        db.session.delete(db.session.scalars(select(Article)).one())
        db.session.commit()
        assert not load_demo(upload_folder())
        assert db.session.scalar(select(func.count()).select_from(Article)) == 0


def test_seed_article_in_both_languages(demo_app):
    with demo_app.app_context():
        article = db.session.scalars(select(Article)).one()
        sk, en = article.translation("sk"), article.translation("en")
        assert (sk.place, en.place) == ("Tokio", "Tokyo")
        assert article.published_on.isoformat() == "2025-05-29"
        assert article.image.credit == "Jen"  # the photo is a library image, described
        assert article.image.text("sk").alt and article.image.text("en").alt
        assert "163,72" in sk.note and "163.72" in en.note
        assert en.body.startswith("Japan has proposed buying up to 1 trillion yen")
        assert "odkaz na stránku" not in sk.body + en.body


def test_pages_in_both_languages(demo_app):
    with demo_app.app_context():
        pages = db.session.scalars(select(Page).order_by(Page.menu_order)).all()
        assert [p.key for p in pages] == ["home", "products", "activities", "links", "about"]
        for page in pages:
            assert page.translation("sk").body and page.translation("en").body


def test_generated_articles_in_bulk(app, runner):
    runner.invoke(args=["demo", "load"])
    result = runner.invoke(args=["demo", "articles", "1200"])
    assert result.exit_code == 0, result.output
    assert "1200" in result.output
    with app.app_context():
        assert counts()[:2] == [1201, 2402]
    client = app.test_client()
    html = client.get("/sk/novinky/?page=121").get_data(as_text=True)
    assert "Strana 121 z 121" in html
    assert client.get("/en/news/?page=121").status_code == 200


def test_generated_articles_reject_a_bad_count(runner):
    result = runner.invoke(args=["demo", "articles", "zero"])
    assert result.exit_code != 0
    result = runner.invoke(args=["demo", "articles", "0"])
    assert result.exit_code != 0
