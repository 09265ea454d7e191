"""The translations overview: catalog counts, and content missing or behind in a language."""

from datetime import timedelta

import pytest

from eurobrew.extensions import db
from eurobrew.i18n import status
from eurobrew.i18n.status import MissingTranslation
from eurobrew.models import Page, PageTranslation
from support.builders import add_article


def test_demo_content_is_fully_translated(demo_app):
    with demo_app.app_context():
        overview = status.content_status()
    assert overview.missing == []
    assert overview.outdated == []


def test_interface_counts_per_catalog(app):
    with app.app_context():
        stats = {s.lang: s for s in status.interface_status()}
    assert set(stats) == {"sk", "en"}
    for lang_stats in stats.values():
        assert lang_stats.complete
        assert lang_stats.fuzzy == lang_stats.untranslated == 0
        assert lang_stats.translated == lang_stats.total > 30


def test_interface_counts_show_fuzzy_and_untranslated(app, translations_copy):
    po = translations_copy / "sk" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Fax:"', '#, fuzzy\nmsgid "Fax:"', 1)
    text = text.replace('msgstr "Zdroj"', 'msgstr ""', 1)
    po.write_text(text, encoding="utf-8")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations_copy)
    with app.app_context():
        sk = next(s for s in status.interface_status() if s.lang == "sk")
    assert (sk.fuzzy, sk.untranslated, sk.translated) == (1, 1, sk.total - 2)
    assert not sk.complete


def test_articles_and_pages_lacking_a_language(app):
    with app.app_context():
        only_sk = add_article(1, langs=("sk",))
        add_article(2)
        page = Page(
            key="products",
            translations=[PageTranslation(lang="en", title="Products", slug="products")],
        )
        db.session.add(page)
        db.session.commit()
        missing = status.missing_translations()
        expected = [
            MissingTranslation("article", only_sk.id, "Clanok 1", "en"),
            MissingTranslation("page", page.id, "Products", "sk"),
        ]
    assert missing == expected


@pytest.fixture
def article_saved_at(app):
    """An article in both languages whose texts were last saved at the given offsets."""

    def make(sk_offset: timedelta, en_offset: timedelta):
        article = add_article(3)
        base = article.translation("sk").updated_at
        article.translation("sk").updated_at = base + sk_offset
        article.translation("en").updated_at = base + en_offset
        db.session.commit()
        return article.id

    return make


def test_a_translation_changed_later_in_one_language_is_outdated(app, article_saved_at):
    with app.app_context():
        article_id = article_saved_at(timedelta(hours=2), timedelta(0))
        outdated = status.outdated_translations()
    assert len(outdated) == 1
    item = outdated[0]
    assert (item.kind, item.id, item.title) == ("article", article_id, "Clanok 3")
    assert (item.lang, item.newer_lang) == ("en", "sk")
    assert item.newer_updated_at - item.updated_at == timedelta(hours=2)


def test_both_languages_saved_together_are_not_outdated(app, article_saved_at):
    with app.app_context():
        article_saved_at(timedelta(seconds=2), timedelta(0))
        assert status.outdated_translations() == []


def test_an_edited_page_makes_its_other_language_outdated(demo_app):
    with demo_app.app_context():
        about = db.session.scalars(db.select(Page).where(Page.key == "about")).one()
        english = about.translation("en")
        english.updated_at = english.updated_at + status.OUTDATED_TOLERANCE * 2
        db.session.commit()
        outdated = status.content_status().outdated
        assert [(o.kind, o.id, o.lang, o.newer_lang) for o in outdated] == [
            ("page", about.id, "sk", "en")
        ]
