"""Ids are never handed out twice: a stale form or link can never reach another record."""

from __future__ import annotations

from datetime import date

from flask_migrate import upgrade
from sqlalchemy import select, text

from eurobrew.extensions import db
from eurobrew.models import Article, ContactMessage, Page, PageTranslation, User
from support import reset_database
from support.builders import add_article


def new_rows(app) -> dict[str, int]:
    """One new article, page, message and account; their ids."""
    with app.app_context():
        article = add_article(900)
        page = Page(key="extra", translations=[PageTranslation(lang="sk", title="X", slug="x")])
        message = ContactMessage(name="A", email="a@b.sk", text="Hi", language="sk")
        user = User(username="jan", password_hash="x")
        db.session.add_all([page, message, user])
        db.session.commit()
        return {"article": article.id, "page": page.id, "message": message.id, "user": user.id}


def delete_rows(app, ids: dict[str, int]) -> None:
    with app.app_context():
        for model, key in ((Article, "article"), (Page, "page"), (ContactMessage, "message")):
            db.session.delete(db.session.get(model, ids[key]))
        db.session.delete(db.session.get(User, ids["user"]))
        db.session.commit()


def test_a_deleted_records_id_is_not_given_to_the_next(demo_app):
    first = new_rows(demo_app)
    delete_rows(demo_app, first)
    second = new_rows(demo_app)
    assert all(second[kind] > first[kind] for kind in first), (first, second)


OLD_ROWS = [
    "INSERT INTO articles (published_on, status, publish_at, photo_credit, source_url,"
    " created_at, updated_at, updated_by) VALUES ('2025-05-29', 'published',"
    " '2025-05-29 08:00:00', '', '', '2025-05-29 08:00:00', '2025-05-29 08:00:00', 'eva')",
    "INSERT INTO article_translations (article_id, lang, title, slug, place, body, note,"
    " photo_alt, updated_at) SELECT id, 'sk', 'Titul', 'titul', '', 'Text', '', '',"
    " '2025-05-29 08:00:00' FROM articles",
    "INSERT INTO article_translations (article_id, lang, title, slug, place, body, note,"
    " photo_alt, updated_at) SELECT id, 'en', 'Title', 'title', '', 'Text', '', '',"
    " '2025-05-29 08:00:00' FROM articles",
    "INSERT INTO pages (key, menu_order, visible, updated_at, updated_by)"
    " VALUES ('about', 5, true, '2025-05-29 08:00:00', 'eva')",
    "INSERT INTO page_translations (page_id, lang, title, slug, body, updated_at)"
    " SELECT id, 'sk', 'O nás', 'o-nas', 'Text', '2025-05-29 08:00:00' FROM pages",
]


def test_the_migration_keeps_every_row_and_stops_reuse(app):
    with app.app_context():
        reset_database()
        upgrade(revision="8fce87b7d34c")  # the schema before ids were kept unique
        for statement in OLD_ROWS:  # rows as that schema had them
            db.session.execute(text(statement))
        db.session.commit()
        before = {
            table: db.session.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608
            for table in ("articles", "article_translations", "pages", "page_translations")
        }
        db.session.remove()
        upgrade()
        after = {
            table: db.session.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608
            for table in before
        }
        assert (
            after
            == before
            == {"articles": 1, "article_translations": 2, "pages": 1, "page_translations": 1}
        )
        old = db.session.scalars(select(Article)).one()
        assert old.version == 1 and old.deleted_at is None  # new columns filled in
        db.session.delete(old)
        db.session.commit()
        again = Article(published_on=date(2025, 1, 1))
        db.session.add(again)
        db.session.commit()
        assert again.id > old.id
