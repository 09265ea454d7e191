"""Demo content: loaded once into an empty database, never twice; bulk articles; the
Products section with its drawn pictures."""

import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage
from sqlalchemy import func, select

from eurobrew.demo import load_demo
from eurobrew.extensions import db
from eurobrew.media import upload_folder
from eurobrew.models import (
    Article,
    ArticleTranslation,
    CompanyContact,
    Image,
    Page,
    PageTranslation,
)
from support.site_pages import SEED_EN, SEED_SK

SEED_EN_SLUG = SEED_EN.rsplit("/", 1)[1]


def counts():
    return [
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Article, ArticleTranslation, Page, PageTranslation, CompanyContact, Image)
    ]


@pytest.fixture
def full_demo(app, runner):
    """The app after ``flask demo load``, as ``make run`` leaves it: every demo article."""
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    return app


def test_demo_load_is_idempotent(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "loaded: 13 articles" in result.output
    with app.app_context():
        first = counts()
        assert first == [13, 26, 9, 18, 1, 6]  # the seed article's photo and 5 product pictures
        photos = sorted(p.name for p in upload_folder().iterdir())
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0
    assert "nothing loaded" in result.output
    with app.app_context():
        assert counts() == first
        assert sorted(p.name for p in upload_folder().iterdir()) == photos


def test_demo_load_without_products_leaves_their_pages_and_pictures_out(app, runner):
    result = runner.invoke(args=["demo", "load", "--no-products"])
    assert result.exit_code == 0
    assert "13 articles, 5 pages, 1 library image," in result.output
    with app.app_context():
        assert counts() == [13, 26, 5, 10, 1, 1]  # the seed article's photo only


def test_demo_load_leaves_an_edited_site_alone(app):
    with app.app_context():
        assert load_demo(upload_folder())
        for article in db.session.scalars(select(Article)):
            db.session.delete(article)
        db.session.commit()
        assert not load_demo(upload_folder())
        assert db.session.scalar(select(func.count()).select_from(Article)) == 0


def test_seed_article_in_both_languages(full_demo):
    with full_demo.app_context():
        article = db.session.scalars(
            select(Article)
            .join(Article.translations)
            .where(ArticleTranslation.slug == SEED_EN_SLUG)
        ).one()
        sk, en = article.translation("sk"), article.translation("en")
        assert (sk.place, en.place) == ("Tokio", "Tokyo")
        assert article.published_on.isoformat() == "2025-05-29"
        assert article.image.credit == "Jen"  # the photo is a library image, described
        assert article.image.text("sk").alt and article.image.text("en").alt
        assert "163,72" in sk.note and "163.72" in en.note
        assert en.body.startswith("Japan has proposed buying up to 1 trillion yen")
        assert "odkaz na stránku" not in sk.body + en.body


def titles_on(html: str) -> list[str]:
    """The article titles a news list page links to, top to bottom."""
    return re.findall(r"<h2><a [^>]*>([^<]+)</a></h2>", html)


def test_the_demo_news_fill_a_second_page_in_both_languages(full_demo):
    client = full_demo.test_client()
    for lang, path, total, second, seed, older in (
        ("sk", "/sk/novinky/", "13 článkov", "Strana 2 z 2", SEED_SK, "Staršie články"),
        ("en", "/en/news/", "13 articles", "Page 2 of 2", SEED_EN, "Older articles"),
    ):
        first_page = client.get(path).text
        assert total in first_page and older in first_page, lang
        assert len(titles_on(first_page)) == 10, lang
        last_page = client.get(f"{path}?page=2").text
        assert second in last_page, lang
        assert len(titles_on(last_page)) == 3, lang
        assert seed in last_page  # the oldest, the seed article, closes the list
        assert not set(titles_on(first_page)) & set(titles_on(last_page))


def test_every_demo_article_is_written_in_both_languages(full_demo):
    with full_demo.app_context():
        articles = db.session.scalars(select(Article)).all()
        assert len({article.published_on for article in articles}) == 13
        months = {(a.published_on.year, a.published_on.month) for a in articles}
        assert len(months) >= 6  # spread over months, not a single day's news
        for article in articles:
            sk, en = article.translation("sk"), article.translation("en")
            assert sk.title != en.title and sk.slug != en.slug
            assert sk.place and en.place and len(sk.body) > 500 and len(en.body) > 500
            assert re.search("[áäčďéíľĺňóôŕšťúýž]", sk.title + sk.body), sk.title
            assert sk.body.count("\n\n") >= 2  # paragraphs in Markdown
        assert [a.image.credit for a in articles if a.image] == ["Jen"]  # the seed's alone


def test_pages_in_both_languages(products_app):
    with products_app.app_context():
        pages = db.session.scalars(select(Page).where(Page.parent_id.is_(None))).all()
        pages.sort(key=lambda p: p.menu_order)
        assert [p.key for p in pages] == ["home", "products", "activities", "links", "about"]
        for page in db.session.scalars(select(Page)):
            assert page.translation("sk").body and page.translation("en").body


PRODUCT_PAGES = {
    "sk": ["/sk/varne", "/sk/fermentacne-a-leziacke-tanky", "/sk/cip-stanice", "/sk/linky-na-sudy"],
    "en": [
        "/en/brewhouses",
        "/en/fermentation-and-storage-tanks",
        "/en/cip-stations",
        "/en/keg-lines",
    ],
}


def figures(client, path: str) -> list:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "html.parser").select("main .body figure.photo")


def test_products_lead_to_four_product_pages_with_their_pictures(products_app):
    client = products_app.test_client()
    for lang, section, alt_word in (
        ("sk", "/sk/produkty", "varňa"),
        ("en", "/en/products", "brewhouse"),
    ):
        html = BeautifulSoup(client.get(section).text, "html.parser")
        listed = [a["href"] for a in html.select("nav.subpages a")]
        assert listed == PRODUCT_PAGES[lang]
        shown = html.select("main .body figure.photo")
        assert len(shown) == 5  # the whole brewery, then each product
        first = shown[0].img
        assert first["fetchpriority"] == "high" and first["alt"]
        assert all(f.img["loading"] == "lazy" for f in shown[1:])
        assert alt_word in shown[1].img["alt"].lower()
        for path in PRODUCT_PAGES[lang]:
            assert path in [a["href"] for a in html.select("main .body a")]
            (figure,) = figures(client, path)
            assert figure.img["alt"] and figure.figcaption.text.strip()
            assert "Euro-Brew s.r.o." in figure.select_one(".credit").text
            crumbs = [
                a.text
                for a in BeautifulSoup(client.get(path).text, "html.parser").select(".breadcrumb a")
            ]
            assert crumbs[1] == ("Produkty" if lang == "sk" else "Products")
    sk_alt = figures(client, "/sk/varne")[0].img["alt"]
    en_alt = figures(client, "/en/brewhouses")[0].img["alt"]
    assert sk_alt.startswith("Trojnádobová varňa") and en_alt.startswith("A three-vessel brewhouse")


def test_product_pictures_are_drawn_wide_in_the_library(products_app):
    with products_app.app_context():
        products = select(Image).where(Image.credit == "Euro-Brew s.r.o.")
        images = db.session.scalars(products).all()
        assert len(images) == 5  # the sixth is the seed article's photo
        folder = upload_folder()
        for image in images:
            assert image.width >= 1600 and image.credit == "Euro-Brew s.r.o."
            assert {t.lang for t in image.texts} == {"sk", "en"}
            assert all(t.alt and t.caption for t in image.texts)
            with PILImage.open(folder / f"{image.stem}.jpg") as master:
                assert master.width >= 1600
                # A drawing, not a flat fill: many colours across the picture.
                assert len(master.convert("RGB").reduce(8).getcolors(1 << 16) or []) > 200


def test_generated_articles_in_bulk(app, runner):
    runner.invoke(args=["demo", "load"])
    result = runner.invoke(args=["demo", "articles", "1200"])
    assert result.exit_code == 0, result.output
    assert "1200" in result.output
    with app.app_context():
        assert counts()[:2] == [1213, 2426]
    client = app.test_client()
    html = client.get("/sk/novinky/?page=122").get_data(as_text=True)
    assert "Strana 122 z 122" in html
    assert client.get("/en/news/?page=122").status_code == 200


def test_generated_articles_reject_a_bad_count(runner):
    result = runner.invoke(args=["demo", "articles", "zero"])
    assert result.exit_code != 0
    result = runner.invoke(args=["demo", "articles", "0"])
    assert result.exit_code != 0


def test_generated_articles_leave_no_search_entries_pending(app, runner):
    """On PostgreSQL the search indexes' pending entries (which every search reads
    through) are merged after a bulk load; SQLite has nothing to merge."""
    from sqlalchemy import text

    from eurobrew.models.search import EXACT_INDEX, TERMS_INDEX

    runner.invoke(args=["demo", "load"])
    assert runner.invoke(args=["demo", "articles", "300"]).exit_code == 0
    found = app.test_client().get("/sk/hladat", query_string={"q": "polovodičový"}).text
    assert "polovodič" in found.lower() and 'class="card result"' in found
    with app.app_context():
        postgresql = db.engine.dialect.name == "postgresql"
        for name in (TERMS_INDEX, EXACT_INDEX) if postgresql else ():
            merged = f"SELECT gin_clean_pending_list(CAST('{name}' AS regclass))"
            assert db.session.execute(text(merged)).scalar() == 0, name
