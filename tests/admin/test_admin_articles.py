"""The article editor: create, edit, schedule, rename and delete, in both languages."""

import re
from datetime import datetime, timedelta

from sqlalchemy import func, select

from eurobrew.extensions import db
from eurobrew.models import Article, ArticleTranslation
from eurobrew.models.base import utcnow
from support import hidden_fields_in
from support.builders import add_article, article_form

NEW = "/admin/articles/new"


def count_articles(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def latest_article(app) -> Article:
    with app.app_context():
        article = db.session.scalars(select(Article).order_by(Article.id.desc())).first()
        _ = article.translations
        return article


def post_new(client, csrf_token, **fields):
    token = csrf_token(client, NEW)
    return client.post(NEW, data=article_form(token, **fields), content_type="multipart/form-data")


def test_create_in_both_languages(admin_client, demo_app, csrf_token):
    response = post_new(admin_client, csrf_token, **{"sk-note": "1 EUR = 25 CZK"})
    article = latest_article(demo_app)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/articles/{article.id}/edit"
    assert "The article was saved." in admin_client.get(response.headers["Location"]).text
    assert article.updated_by == "eva"
    sk = admin_client.get("/sk/novinky/clanok-o-pivovare")
    assert sk.status_code == 200
    assert "<h1>Článok o pivovare</h1>" in sk.text
    assert "Prvý <strong>odsek</strong>." in sk.text and "1 EUR = 25 CZK" in sk.text
    en = admin_client.get("/en/news/an-article-about-the-brewery")
    assert "First <strong>paragraph</strong>." in en.text
    assert "An article about the brewery" in admin_client.get("/en/news/").text


def test_an_article_may_have_one_language(admin_client, demo_app, csrf_token):
    empty_en = {f"en-{name}": "" for name in ("title", "place", "body")}
    assert post_new(admin_client, csrf_token, **empty_en).status_code == 302
    assert [t.lang for t in latest_article(demo_app).translations] == ["sk"]
    assert admin_client.get("/sk/novinky/clanok-o-pivovare").status_code == 200
    assert "Článok o pivovare" not in admin_client.get("/en/news/").text


def test_no_language_at_all_is_refused(admin_client, demo_app, csrf_token):
    empty = {f"{lang}-{name}": "" for lang in ("sk", "en") for name in ("title", "place", "body")}
    response = post_new(admin_client, csrf_token, **empty)
    assert response.status_code == 400
    assert "Fill in at least one language." in response.text
    assert count_articles(demo_app) == 1


def test_a_failed_submit_keeps_the_input_and_saves_nothing(admin_client, demo_app, csrf_token):
    response = post_new(
        admin_client,
        csrf_token,
        **{
            "sk-body": "",
            "en-title": "Kept title",
            "en-body": "Kept *body* text",
            "published_on": "",
            "source_url": "javascript:alert(1)",
            "publish_at": "tomorrow",
        },
    )
    assert response.status_code == 400
    html = response.text
    assert 'value="Článok o pivovare"' in html and 'value="Kept title"' in html
    assert "Kept *body* text</textarea>" in html
    assert 'value="javascript:alert(1)"' in html
    assert html.count("Please fill in this field.") == 2  # the Slovak text and the date
    assert "Enter a web address starting with https:// or http://." in html
    assert "Not a valid datetime value." in html
    assert 'aria-invalid="true"' in html
    assert count_articles(demo_app) == 1


def test_slovak_letters_are_transliterated_in_slugs(admin_client, demo_app, csrf_token):
    post_new(admin_client, csrf_token, **{"sk-title": "Ťažké úlohy ôsmich žien, ľudia a Ďumbier"})
    slug = latest_article(demo_app).translation("sk").slug
    assert slug == "tazke-ulohy-osmich-zien-ludia-a-dumbier"


def test_typed_slugs_are_kept_but_tidied(admin_client, demo_app, csrf_token):
    post_new(admin_client, csrf_token, **{"en-slug": "My Own  Slug!"})
    assert latest_article(demo_app).translation("en").slug == "my-own-slug"


def test_a_slug_used_by_another_article_is_a_form_error(admin_client, demo_app, csrf_token):
    seed_slug = "japan-proposes-us-purchase-of-semiconductor-products"
    response = post_new(admin_client, csrf_token, **{"en-slug": seed_slug})
    assert response.status_code == 400
    assert "Another article already uses this slug. Choose another one." in response.text
    assert count_articles(demo_app) == 1


def test_a_publication_time_sent_back_unchanged_stays_to_the_microsecond(admin_client, demo_app):
    published = datetime(2025, 3, 4, 10, 15, 42, 123456)  # UTC, as stored
    with demo_app.app_context():
        article_id = add_article(5, publish_at=published).id
    path = f"/admin/articles/{article_id}/edit"
    page = admin_client.get(path).text
    shown = re.search(r'name="publish_at" type="datetime-local" value="([^"]+)"', page)[1]
    assert shown == "2025-03-04T11:15"  # Bratislava time, whole minutes
    data = article_form(hidden_fields_in(page), publish_at=shown, published_on="2025-03-04")
    assert admin_client.post(path, data=data).status_code == 302
    with demo_app.app_context():
        assert db.session.get(Article, article_id).publish_at == published


def test_edit_shows_the_saved_values_and_changes_them(admin_client, demo_app, csrf_token):
    page = admin_client.get("/admin/articles/1/edit").text
    assert 'value="Japan proposes US purchase of semiconductor products"' in page
    token = hidden_fields_in(admin_client.get("/admin/articles/1/edit").text)
    data = article_form(token, **{"en-title": "Japan buys chips", "sk-title": "Japonsko kupuje"})
    data["sk-slug"] = "japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
    response = admin_client.post("/admin/articles/1/edit", data=data)
    assert response.status_code == 302
    en = admin_client.get("/en/news/japan-buys-chips")
    assert en.status_code == 200 and "<h1>Japan buys chips</h1>" in en.text
    sk = admin_client.get("/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov")
    assert "<h1>Japonsko kupuje</h1>" in sk.text


def test_a_changed_slug_keeps_the_old_address_with_a_301(admin_client, demo_app, csrf_token):
    old = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
    token = hidden_fields_in(admin_client.get("/admin/articles/1/edit").text)
    data = article_form(token, **{"en-slug": "japan-chips", "sk-slug": "japonske-cipy"})
    assert admin_client.post("/admin/articles/1/edit", data=data).status_code == 302
    response = admin_client.get(old)
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/news/japan-chips"
    sk_old = admin_client.get(
        "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
    )
    assert sk_old.status_code == 301 and sk_old.headers["Location"] == "/sk/novinky/japonske-cipy"
    # Renamed once more: the first address leads straight to the newest one.
    token = hidden_fields_in(admin_client.get("/admin/articles/1/edit").text)  # a new version
    data = article_form(token, **{"en-slug": "chips-from-the-us", "sk-slug": "japonske-cipy"})
    admin_client.post("/admin/articles/1/edit", data=data)
    assert admin_client.get(old).headers["Location"] == "/en/news/chips-from-the-us"
    assert (
        admin_client.get("/en/news/japan-chips").headers["Location"] == "/en/news/chips-from-the-us"
    )
    # Another article may take a freed slug; then the slug is its own again.
    post_new(admin_client, csrf_token, **{"en-slug": "japan-chips"})
    assert admin_client.get("/en/news/japan-chips").status_code == 200


def test_removing_a_language_removes_that_translation(admin_client, demo_app, csrf_token):
    token = hidden_fields_in(admin_client.get("/admin/articles/1/edit").text)
    data = article_form(token, **{"sk-title": "Nový", "sk-slug": "novy"})
    data.update({f"en-{name}": "" for name in ("title", "slug", "place", "body")})
    assert admin_client.post("/admin/articles/1/edit", data=data).status_code == 302
    old_en = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
    assert admin_client.get(old_en).status_code == 404
    assert admin_client.get("/sk/novinky/novy").status_code == 200


def test_a_future_publish_time_schedules_the_article(
    admin_client, demo_app, csrf_token, monkeypatch
):
    # Local time in Bratislava (CET, UTC+1 in January).
    post_new(admin_client, csrf_token, publish_at="2099-01-15T10:30")
    article = latest_article(demo_app)
    assert article.publish_at == datetime(2099, 1, 15, 9, 30)
    assert admin_client.get("/en/news/an-article-about-the-brewery").status_code == 404
    assert "An article about the brewery" not in admin_client.get("/en/news/").text
    listing = admin_client.get("/admin/articles/?status=scheduled").text
    assert "An article about the brewery" in listing and "Scheduled" in listing
    later = datetime(2099, 1, 15, 9, 31)
    monkeypatch.setattr("eurobrew.news.queries.utcnow", lambda: later)
    assert admin_client.get("/en/news/an-article-about-the-brewery").status_code == 200


def test_drafts_stay_private(admin_client, demo_app, csrf_token):
    post_new(admin_client, csrf_token, status="draft")
    assert admin_client.get("/en/news/an-article-about-the-brewery").status_code == 404
    assert "Draft" in admin_client.get("/admin/").text


def test_delete_asks_first_then_moves_the_article_to_the_trash(admin_client, demo_app):
    confirm = admin_client.get("/admin/articles/1/delete")
    assert confirm.status_code == 200
    assert "Move the article" in confirm.text and "to the trash?" in confirm.text
    assert "for 30 days" in confirm.text
    fields = hidden_fields_in(confirm.text)
    assert admin_client.get("/en/news/").text.count("Japan proposes") == 1  # asking deletes nothing
    response = admin_client.post("/admin/articles/1/delete", data=fields)
    assert response.status_code == 302
    seed = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
    assert admin_client.get(seed).status_code == 404
    assert "Japan proposes" not in admin_client.get("/admin/articles/").text
    trash = admin_client.get("/admin/trash/").text
    assert "Japan proposes" in trash and "eva" in trash
    with demo_app.app_context():  # kept, with its texts, until the trash is purged
        assert count_articles(demo_app) == 1
        assert db.session.scalar(select(func.count()).select_from(ArticleTranslation)) == 2
    editor = admin_client.get("/admin/articles/1/edit")
    assert editor.status_code == 410 and "moved this article to the trash" in editor.text


def test_list_filters_and_pages(admin_client, demo_app):
    with demo_app.app_context():
        for number in range(1, 23):
            add_article(number, commit=False)
        add_article(100, langs=("sk",), status="draft", commit=False)
        add_article(101, langs=("en",), publish_at=utcnow() + timedelta(days=3), commit=False)
        db.session.commit()
    first = admin_client.get("/admin/articles/").text
    assert "25 articles" in first and "Page 1 of 2" in first
    assert 'rel="next" href="/admin/articles/?page=2"' in first
    assert "Page 2 of 2" in admin_client.get("/admin/articles/?page=2").text
    drafts = admin_client.get("/admin/articles/?status=draft").text
    assert "1 article" in drafts and "Clanok 100" in drafts
    scheduled = admin_client.get("/admin/articles/?status=scheduled").text
    assert "1 article" in scheduled and "Article 101" in scheduled
    no_english = admin_client.get("/admin/articles/?missing=en").text
    assert "1 article" in no_english and "Clanok 100" in no_english
    no_slovak = admin_client.get("/admin/articles/?missing=sk&status=scheduled").text
    assert "1 article" in no_slovak and "Article 101" in no_slovak
    assert admin_client.get("/admin/articles/?page=9").status_code == 404


def test_lists_show_who_changed_what_and_when(admin_client, demo_app, csrf_token):
    post_new(admin_client, csrf_token)
    for path in ("/admin/", "/admin/articles/"):
        html = admin_client.get(path).text
        assert "An article about the brewery" in html or "Článok o pivovare" in html
        assert " by eva" in html


def test_unknown_article_is_a_404(admin_client):
    assert admin_client.get("/admin/articles/999/edit").status_code == 404
    assert admin_client.get("/admin/articles/999/delete").status_code == 404


def test_dates_outside_the_calendar_are_a_form_error_with_the_text_kept(
    admin_client, demo_app, csrf_token
):
    # The first day of year 1 in Bratislava lies before year 1 in UTC: once a 500.
    before = count_articles(demo_app)
    for field, value in (("publish_at", "0001-01-01T00:00"), ("published_on", "0001-01-01")):
        response = post_new(admin_client, csrf_token, **{field: value})
        assert response.status_code == 400
        assert "Enter a date between the years 1900 and 9998." in response.text
        assert "Článok o pivovare" in response.text
    assert count_articles(demo_app) == before


def listed_article_ids(admin_client, query: str = "") -> list[int]:
    """Every article id the admin list shows, page after page."""
    ids, page = [], 1
    while True:
        response = admin_client.get(f"/admin/articles/?page={page}{query}")
        if response.status_code == 404:
            return ids
        ids += [int(n) for n in re.findall(r'href="/admin/articles/(\d+)/edit"', response.text)]
        page += 1


def test_the_list_pages_show_every_article_once_newest_first(admin_client, demo_app):
    # 45 articles and the seed's: three pages of 20, the older ones read from the other end.
    with demo_app.app_context():
        for number in range(45):
            add_article(number, commit=False, published_on=datetime(2024, 3, 1).date())
        db.session.commit()
        expected = list(
            db.session.scalars(
                select(Article.id).order_by(Article.published_on.desc(), Article.id.desc())
            )
        )
    listed = listed_article_ids(admin_client)
    assert [n for i, n in enumerate(listed) if n not in listed[:i]] == listed
    assert listed == expected
    assert "46 articles" in admin_client.get("/admin/articles/?page=3").text
    # The count follows the content: one more article shows at once.
    with demo_app.app_context():
        add_article(99)
    assert "47 articles" in admin_client.get("/admin/articles/").text
