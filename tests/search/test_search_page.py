"""The search page: what is never found, ranking, suggestions, hostile queries, freshness."""

import re
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import Article, ArticleStatus, ArticleTranslation, Page, PageTranslation
from eurobrew.models.base import utcnow
from eurobrew.models.search import SearchDocument
from eurobrew.search import matching
from support import hidden_fields_in
from support.builders import add_article, article_form

SEARCH_SK = "/sk/hladat"


def hits(client, query: str, path: str = SEARCH_SK) -> list[str]:
    response = client.get(path, query_string={"q": query})
    assert response.status_code == 200
    return re.findall(r'<article class="card result">\s*<h2><a href="([^"]+)"', response.text)


def article(app, number: int, title: str, body: str, days_ago: int = 0, **options) -> str:
    """A Slovak article; returns its address."""
    with app.app_context():
        added = add_article(
            number,
            langs=("sk",),
            body=body,
            published_on=date(2025, 1, 1) - timedelta(days_ago),
            **options,
        )
        translation = added.translation("sk")
        translation.title = title
        db.session.commit()
        return f"/sk/novinky/{translation.slug}"


def test_drafts_scheduled_and_trashed_articles_are_never_found(demo_app, client):
    article(demo_app, 1, "Verejný pivovar", "Text o pivovare.")
    article(demo_app, 2, "Koncept pivovaru", "Text.", status=ArticleStatus.DRAFT.value)
    article(demo_app, 3, "Budúci pivovar", "Text.", publish_at=utcnow() + timedelta(days=1))
    trashed = article(demo_app, 4, "Zmazaný pivovar", "Text.")
    with demo_app.app_context():
        gone = db.session.scalars(select(Article).order_by(Article.id.desc())).first()
        gone.deleted_at = utcnow()
        db.session.commit()
    assert hits(client, "pivovar") == ["/sk/novinky/clanok-1"]
    assert trashed not in hits(client, "zmazaný")


def test_hidden_pages_and_the_pages_of_a_hidden_section_are_never_found(demo_app, client):
    with demo_app.app_context():
        section = Page(key="hops")
        section.translations.append(
            PageTranslation(lang="sk", title="Chmeľ", slug="chmel", body="Chmeľnica pri Trnave.")
        )
        db.session.add(section)
        db.session.flush()
        farm = Page(key="hop-farm", parent_id=section.id)
        farm.translations.append(
            PageTranslation(
                lang="sk", title="Sušiareň", slug="susiaren", body="Chmeľnica, sušiareň."
            )
        )
        db.session.add(farm)
        db.session.commit()

    def set_visible(key: str, visible: bool) -> None:
        with demo_app.app_context():
            db.session.scalars(select(Page).filter_by(key=key)).one().visible = visible
            db.session.commit()

    assert sorted(hits(client, "chmeľnica")) == ["/sk/chmel", "/sk/susiaren"]
    set_visible("hop-farm", False)
    assert hits(client, "chmeľnica") == ["/sk/chmel"]
    set_visible("hop-farm", True)
    set_visible("hops", False)  # the section hides its sub-page too
    assert hits(client, "chmeľnica") == []
    # The home page is found at the language's home address, not by a slug.
    with demo_app.app_context():
        home_text = db.session.scalars(
            select(PageTranslation)
            .join(Page)
            .filter_by(key="home")
            .filter(PageTranslation.lang == "sk")
        ).one()
        home_text.body = "Pivovarnícka chmeľovina."
        db.session.commit()
    assert hits(client, "chmeľovina") == ["/sk/"]


def test_title_matches_come_first_then_typed_diacritics_then_the_newest(demo_app, client):
    body_new = article(demo_app, 1, "Správa o trhu", "Nový pivovar v Trnave.", days_ago=1)
    body_old = article(demo_app, 2, "Iná správa", "Starý pivovar v Nitre.", days_ago=30)
    typed = article(demo_app, 3, "Tretia správa", "Pivovár, ako píše autor.", days_ago=60)
    in_title = article(demo_app, 4, "Pivovary na Slovensku", "O trhu.", days_ago=90)
    assert hits(client, "pivovar") == [in_title, body_new, body_old, typed]
    # Typed as one text writes it, that text comes before equal matches without the accent.
    assert hits(client, "pivovár") == [in_title, typed, body_new, body_old]


def test_a_near_miss_offers_the_word_that_finds_something(demo_app, client):
    article(demo_app, 1, "Pivovar v Trnave", "Text.")
    response = client.get(SEARCH_SK, query_string={"q": "pivovr"})
    assert response.status_code == 200
    assert "0 výsledkov" in response.text
    link = re.search(r'<p class="suggestion">(.*?)</p>', response.text, re.S)[1]
    assert "Mysleli ste" in link and 'href="/sk/hladat?q=pivovar">pivovar</a>' in link
    assert hits(client, "pivovar") == ["/sk/novinky/clanok-1"]
    # Nothing close: no suggestion.
    assert "suggestion" not in client.get(SEARCH_SK, query_string={"q": "xylofón"}).text


def test_of_two_words_as_near_to_a_typo_the_first_in_order_is_offered(demo_app, client):
    article(demo_app, 1, "Správa", "Slovo pivor.")  # written first: its row comes first
    article(demo_app, 2, "Správa", "Slovo pivar.")
    for _ in range(2):  # the same offer every time
        page = client.get(SEARCH_SK, query_string={"q": "pivur"}).text
        assert 'href="/sk/hladat?q=pivar">pivar</a>' in page


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 499,
        'AND OR NOT NEAR * ^ : ( ) { } - + "',
        '"unbalanced',
        '""',
        "'; DROP TABLE articles; --",
        "<script>alert(1)</script>",
        "čip\x00pivo",
        "\x01\x02\x7f",
        "čip OR 1=1",
        "cip*",
        "{title_words}: cip",
        "'cip':A | 'x'",
        "😀 čip",
        "٣ ١",
        "ǅ ﬁ ß",
    ],
)
def test_hostile_queries_answer_200(client, query):
    response = client.get(SEARCH_SK, query_string={"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_a_query_too_long_is_a_400_in_the_pages_language(client):
    response = client.get("/en/search", query_string={"q": "cip " * 1250})
    assert response.status_code == 400
    assert "The search is too long" in response.text
    response = client.get(SEARCH_SK, query_string={"q": "x" * 501})
    assert response.status_code == 400
    assert "Hľadaný text je príliš dlhý" in response.text


def test_lone_surrogates_and_broken_utf8_in_the_address(client):
    for raw in ("q=%ED%A0%80", "q=%FF%FE", "q=%C3", "q=%00"):
        assert client.get(f"{SEARCH_SK}?{raw}").status_code == 200


def test_an_edit_shows_in_the_results_on_the_next_request(admin_client, demo_app):
    assert hits(admin_client, "semikonduktory", "/en/search") == []
    path = "/admin/articles/1/edit"
    data = article_form(hidden_fields_in(admin_client.get(path).text))
    data.update({"en-title": "Japan and semikonduktory", "en-slug": "japan-and-semikonduktory"})
    assert admin_client.post(path, data=data).status_code == 302
    assert hits(admin_client, "semikonduktory", "/en/search") == [
        "/en/news/japan-and-semikonduktory"
    ]
    assert hits(admin_client, "proposes", "/en/search") == []  # the old title is gone


def test_an_edit_of_one_language_rewrites_only_its_index_row(demo_app, client):
    """The other language's row stays as it was (a file of English titles imported at
    100,000 articles rewrites half as many rows); the edited text is found at once."""
    with demo_app.app_context():
        added = add_article(7, langs=("sk", "en"), body="Text o varni.")
        article_id = added.id

        def rows():
            found = select(SearchDocument.lang, SearchDocument.id, SearchDocument.title_words)
            query = found.where(SearchDocument.article_id == article_id)
            return {lang: (row_id, words) for lang, row_id, words in db.session.execute(query)}

        before = rows()
        added.translation("en").title = "Brewhouse commissioning"
        db.session.commit()
        after = rows()
    assert after["sk"] == before["sk"]
    assert after["en"][0] != before["en"][0] and "commissioning" in after["en"][1]
    assert hits(client, "commissioning", "/en/search") == ["/en/news/article-7"]


def test_a_scheduled_article_is_found_once_it_is_live(demo_app, client):
    live_at = utcnow() + timedelta(seconds=2)
    path = article(demo_app, 1, "Naplánovaný pivovar", "Text.", publish_at=live_at)
    assert hits(client, "naplánovaný") == []
    time.sleep(max(0.0, (live_at - utcnow()).total_seconds()) + 0.2)
    assert hits(client, "naplánovaný") == [path]


def test_counts_speak_slovak_plurals_and_pages_hold_ten(demo_app, client):
    for n in range(1, 26):
        article(demo_app, n, f"Pivovar {n}", "Text.", days_ago=n)
    page = client.get(SEARCH_SK, query_string={"q": "pivovar"}).text
    assert "25 výsledkov" in page and page.count('class="card result"') == 10
    assert 'href="/sk/hladat?q=pivovar&amp;page=2"' in page
    third = client.get(SEARCH_SK, query_string={"q": "pivovar", "page": 3}).text
    assert third.count('class="card result"') == 5
    assert client.get(SEARCH_SK, query_string={"q": "pivovar", "page": 4}).status_code == 404
    assert "1 výsledok" in client.get(SEARCH_SK, query_string={"q": "pivovar 7"}).text
    with demo_app.app_context():
        for t in db.session.scalars(
            select(ArticleTranslation).where(
                ArticleTranslation.title.in_(["Pivovar 1", "Pivovar 2", "Pivovar 3"])
            )
        ):
            t.body = "Spoločný text."
        db.session.commit()
    assert "3 výsledky" in client.get(SEARCH_SK, query_string={"q": "spoločný"}).text


def test_a_frequent_word_ranks_the_latest_written_texts_and_says_more_than(
    demo_app, client, monkeypatch
):
    monkeypatch.setattr(matching, "MOST_RESULTS", 10)
    in_title = article(demo_app, 1, "Pivovary na Slovensku", "O trhu.", days_ago=90)
    later = [article(demo_app, n, f"Správa {n}", f"Pivovar {n} v Trnave.", n) for n in range(2, 14)]
    page = client.get(SEARCH_SK, query_string={"q": "pivovar"}).text
    assert "Viac ako 10 výsledkov pre „pivovar“" in page
    assert "Zobrazené sú len naposledy napísané alebo upravené texty." in page
    # The eleven written last (3 to 13) are ranked, newest first; ten shown, no page 2.
    assert hits(client, "pivovar") == later[1:11]
    assert "page=2" not in page
    assert client.get(SEARCH_SK, query_string={"q": "pivovar", "page": 2}).status_code == 404
    # An edit writes the text's index row anew: the title match is among them, first.
    with demo_app.app_context():
        edited = db.session.scalars(
            select(ArticleTranslation).where(ArticleTranslation.title == "Pivovary na Slovensku")
        ).one()
        edited.body = "O trhu s pivom."
        db.session.commit()
    assert hits(client, "pivovar") == [in_title, *later[2:11]]
    # A word in fewer texts than that is counted as before.
    assert (
        "1 výsledok pre „trnave 13“" in client.get(SEARCH_SK, query_string={"q": "trnave 13"}).text
    )


def test_the_page_is_noindex_keeps_the_query_in_the_switch_and_marks_matches(client):
    response = client.get(SEARCH_SK, query_string={"q": "čipy"})
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    assert 'href="/en/search?q=%C4%8Dipy" hreflang="en"' in response.text
    assert "<mark>čipov</mark>" in response.text
    assert 'value="čipy"' in response.text  # the header's field holds the query
    assert "hladat" not in client.get("/sitemap.xml").text


def test_every_public_page_has_the_labelled_search_field(client):
    for path in ("/sk/", "/en/news/", "/en/about-us", "/sk/kontakt"):
        html = client.get(path).text
        form = re.search(r'<form class="site-search" role="search"[^>]*>.*?</form>', html, re.S)
        assert form, path
        assert 'label for="site-search-q"' in form[0] and 'id="site-search-q"' in form[0]
        lang = path.split("/")[1]
        assert f'action="/{lang}/{"hladat" if lang == "sk" else "search"}"' in form[0]


def test_empty_query_explains_what_to_do(client):
    text = client.get("/en/search").text
    assert "Type one or more words into the search field above." in text


def test_a_text_with_a_huge_word_is_saved_and_found(admin_client, demo_app):
    path = "/admin/articles/1/edit"
    data = article_form(hidden_fields_in(admin_client.get(path).text))
    data["en-body"] = "Odd text: " + "x" * 5000 + " and a brewery."
    assert admin_client.post(path, data=data).status_code == 302
    assert hits(admin_client, "brewery", "/en/search") == ["/en/news/an-article-about-the-brewery"]


def test_the_header_field_holds_the_query_escaped_and_other_pages_an_empty_one(client):
    page = client.get("/en/search", query_string={"q": 'beer "<b>" & ale'}).text
    field = 'name="q" value="beer &#34;&lt;b&gt;&#34; &amp; ale"'
    assert page.count(field) == 1 and page.count('name="q"') == 1
    assert 'name="q" value=""' in client.get("/en/news/").text
