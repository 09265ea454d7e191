"""Migrations: an empty database upgraded to head has exactly the models' schema."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from eurobrew.extensions import db
from eurobrew.markup import MARKUP_VERSION, render_markdown
from eurobrew.models.search import made_by_index_statements
from support import reset_database
from support.roles import PASSWORD


def test_upgrade_yields_the_models_schema(app):
    with app.app_context():
        reset_database()
        upgrade()
        with db.engine.connect() as connection:
            options = {"compare_type": True, "include_object": made_by_index_statements}
            context = MigrationContext.configure(connection, opts=options)
            assert compare_metadata(context, db.metadata) == []
        tables = set(inspect(db.engine).get_table_names())
        assert {"articles", "article_translations", "pages", "company_contact"} <= tables


def _search_indexes() -> set[str]:
    """The indexes of the search's rows, as the database lists them."""
    listed = {
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :table",
        "postgresql": "SELECT indexname FROM pg_indexes WHERE tablename = :table",
    }[db.engine.dialect.name]
    with db.engine.connect() as connection:
        return set(connection.scalars(text(listed), {"table": "search_documents"}))


def test_upgrade_makes_the_search_indexes_the_models_make(app):
    # The search's own statements make these (each language's terms, and on PostgreSQL
    # each language's ids read newest first): the schema comparison above leaves them out.
    with app.app_context():
        reset_database()
        db.create_all()
        made = _search_indexes()
        reset_database()
        upgrade()
        assert _search_indexes() == made
        if db.engine.dialect.name == "postgresql":
            assert {"ix_search_documents_newest_sk", "ix_search_documents_newest_en"} <= made


def test_db_upgrade_command_then_demo(app, runner):
    with app.app_context():
        reset_database()
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0 and "loaded" in result.output
    assert app.test_client().get("/en/about-us").status_code == 200


def test_page_parents_downgrade_and_upgrade_keep_the_pages(app, runner):
    with app.app_context():
        reset_database()
        upgrade()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    with app.app_context():
        with db.engine.begin() as connection:
            before = connection.execute(text("SELECT COUNT(*) FROM page_translations")).scalar()
            connection.execute(
                text(
                    "UPDATE pages SET parent_id = (SELECT id FROM pages WHERE key = 'products') "
                    "WHERE key = 'links'"
                )
            )
        downgrade(revision="b7e2c4d81f30")
        assert "parent_id" not in {c["name"] for c in inspect(db.engine).get_columns("pages")}
        upgrade()
        with db.engine.connect() as connection:
            count = "SELECT COUNT(*) FROM page_translations"
            assert connection.execute(text(count)).scalar() == before  # none lost in rebuilds
    # Back at the top level after the round trip, and the site still answers.
    assert app.test_client().get("/en/links").status_code == 200


def test_article_photos_move_into_the_library_and_back(app, runner):
    with app.app_context():
        reset_database()
        upgrade()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    with app.app_context():
        downgrade(revision="5c0a7e9d2b14")
        with db.engine.connect() as connection:
            photo, credit = connection.execute(
                text("SELECT photo, photo_credit FROM articles WHERE photo IS NOT NULL")
            ).one()
            alts = dict(
                connection.execute(
                    text(
                        "SELECT t.lang, t.photo_alt FROM article_translations t"
                        " JOIN articles a ON a.id = t.article_id WHERE a.photo IS NOT NULL"
                    )
                ).all()
            )
        assert photo.endswith(".jpg") and credit == "Jen" and alts["en"]
        upgrade()
        with db.engine.connect() as connection:
            stem, credit = connection.execute(
                text("SELECT i.stem, i.credit FROM articles a JOIN images i ON i.id = a.image_id")
            ).one()
            alt = connection.execute(
                text(
                    "SELECT t.alt FROM image_texts t JOIN articles a ON a.image_id = t.image_id"
                    " WHERE t.lang = 'en'"
                )
            ).scalar()
            indexes = (
                dict(
                    connection.execute(
                        text("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'articles'")
                    ).all()
                )
                if db.engine.dialect.name == "sqlite"
                else {}
            )
        assert f"{stem}.jpg" == photo and credit == "Jen" and alt == alts["en"]
        if indexes:  # SQLite rebuilt the table: it keeps AUTOINCREMENT and partial indexes
            assert "AUTOINCREMENT" in indexes["articles"]
            assert "WHERE deleted_at IS NULL" in indexes["ix_articles_admin_listing"]
    page = app.test_client().get("/en/news/japan-proposes-us-purchase-of-semiconductor-products")
    assert f"/media/{stem}-480.avif" in page.text


def test_roles_and_second_factors_downgrade_and_upgrade(app, runner):
    """Down past the roles: the audit log and the roles go, the accounts stay; up again,
    every account is an admin, as every account was before roles."""
    with app.app_context():
        reset_database()
        upgrade()
    for name in ("eva", "tina"):
        runner.invoke(args=["users", "create", name, "--password-stdin"], input=PASSWORD + "\n")
    runner.invoke(args=["users", "set-role", "tina", "--role", "translator", "--languages", "en"])
    with app.app_context():
        downgrade(revision="8e4b6f1a3c27")
        tables = set(inspect(db.engine).get_table_names())
        assert not {"passkeys", "recovery_codes", "audit_events"} & tables
        columns = {column["name"] for column in inspect(db.engine).get_columns("users")}
        assert not {"totp_secret", "role", "languages"} & columns
        upgrade()
        assert {"passkeys", "recovery_codes", "audit_events"} <= set(
            inspect(db.engine).get_table_names()
        )
        rows = db.session.execute(text("SELECT username, role FROM users ORDER BY username"))
        assert [tuple(row) for row in rows] == [("eva", "admin"), ("tina", "admin")]


def test_rendered_bodies_are_stored_by_the_upgrade(app, runner):
    with app.app_context():
        reset_database()
        upgrade()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    with app.app_context():
        downgrade(revision="3d7c2b9e4f10")
        columns = {c["name"] for c in inspect(db.engine).get_columns("article_translations")}
        assert "body_html" not in columns
        upgrade()
        with db.engine.connect() as connection:
            for table in ("article_translations", "page_translations"):
                rows = connection.execute(
                    text(f"SELECT body, body_html, body_html_version FROM {table}")  # noqa: S608
                ).all()
                assert rows
                for body, html, version in rows:
                    assert (html, version) == (str(render_markdown(body)), MARKUP_VERSION)
    assert "Euro-Brew" in app.test_client().get("/en/about-us").get_data(as_text=True)


def test_an_indexed_site_upgraded_to_snippet_texts_shows_its_snippets(app, runner):
    """Down to before the search index kept the bodies' plain text, the texts cleared;
    up again, the migration rebuilds the index and every snippet is back."""
    before = demo_site_searched(app, runner)
    with app.app_context():
        downgrade(revision="f2b8c6d4a913")
        assert "body_text" not in {
            c["name"] for c in inspect(db.engine).get_columns("search_documents")
        }
        upgrade()
        with db.engine.connect() as connection:
            empty = "SELECT COUNT(*) FROM search_documents WHERE body_text = ''"
            assert connection.execute(text(empty)).scalar() == 0
    after = searched(app)
    assert after == before and "<mark>semiconductor</mark>" in after


def test_snippet_texts_are_parted_in_place_and_joined_again_going_down(app, runner):
    """The index's plain texts get their words parted for the snippets (and lose the marks
    going down); the results page shows the same either way."""
    from eurobrew.search.snippets import PART

    before = demo_site_searched(app, runner)
    texts = "SELECT body_text FROM search_documents WHERE body_text != '' ORDER BY id"
    with app.app_context():
        with db.engine.connect() as connection:
            stored = connection.execute(text(texts)).scalars().all()
        assert stored and all(PART in body for body in stored)
        downgrade(revision="c9d1e3f5a7b2")
        with db.engine.connect() as connection:
            plain = connection.execute(text(texts)).scalars().all()
        assert plain == [body.replace(PART, "") for body in stored]
        upgrade()
        with db.engine.connect() as connection:
            assert connection.execute(text(texts)).scalars().all() == stored
    after = searched(app)
    assert after == before and "<mark>semiconductor</mark>" in after


def demo_site_searched(app, runner) -> str:
    """A site migrated to the newest revision with the demo content: its results page."""
    with app.app_context():
        reset_database()
        upgrade()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    return searched(app)


def searched(app) -> str:
    """The English results page for "semiconductor"."""
    return app.test_client().get("/en/search", query_string={"q": "semiconductor"}).text
