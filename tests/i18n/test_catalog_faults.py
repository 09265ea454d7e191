"""A missing or damaged compiled catalog falls back to the source texts, never a crash."""

import logging

import pytest

from eurobrew.i18n import catalogs, compiling


@pytest.fixture
def app_config(translations_copy):
    for lang in ("sk", "en"):
        compiling.compile_catalog(
            catalogs.po_path(lang, translations_copy),
            catalogs.mo_path(lang, translations_copy),
            lang,
        )
    return {"BABEL_TRANSLATION_DIRECTORIES": str(translations_copy)}


def test_a_damaged_catalog_shows_the_source_texts(demo_app, translations_copy, caplog):
    catalogs.mo_path("sk", translations_copy).write_bytes(b"\xde\x12\x04\x95garbage" * 10)
    with caplog.at_level(logging.ERROR):
        response = demo_app.test_client().get("/sk/novinky/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Skip to content" in html
    assert "Hlboká 22" in html  # content from the database is still there
    assert any("could not be loaded" in record.getMessage() for record in caplog.records)
    # English pages keep their own, intact catalog.
    assert demo_app.test_client().get("/en/news/").status_code == 200


def test_a_missing_catalog_shows_the_source_texts(demo_app, translations_copy):
    catalogs.mo_path("sk", translations_copy).unlink()
    response = demo_app.test_client().get("/sk/")
    assert response.status_code == 200
    assert "Skip to content" in response.get_data(as_text=True)
