"""Slovak pages really show the Slovak catalog, and in debug mode a saved .po shows at once."""

import logging
import os

import pytest

from eurobrew.i18n import catalogs, compiling

SLOVAK_PAGES = ["/sk/", "/sk/novinky/", "/sk/o-nas", "/sk/neexistuje"]
# Interface text every Slovak page shows, and the English it replaces.
SLOVAK_INTERFACE = {"Preskočiť na obsah": "Skip to content", ">Aktuality</a>": ">News</a>"}


def assert_slovak_interface(html: str) -> None:
    """Fail when a Slovak page shows the English interface: its catalog did not load."""
    for slovak, english in SLOVAK_INTERFACE.items():
        assert slovak in html, f"{slovak!r} missing: was the Slovak catalog loaded?"
        assert english not in html


def save_po(po, old: str, new: str) -> None:
    """Edit and save a catalog as an editor would, its time stamp after the compiled file's.

    File systems with coarse time stamps could give the edit the .mo file's time.
    """
    po.write_text(po.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    mo = po.with_suffix(".mo")
    later = max(po.stat().st_mtime_ns, mo.stat().st_mtime_ns if mo.exists() else 0) + 10**9
    os.utime(po, ns=(later, later))


@pytest.mark.parametrize("path", SLOVAK_PAGES)
def test_slovak_pages_show_the_slovak_interface(client, path):
    assert_slovak_interface(client.get(path).get_data(as_text=True))


class TestWithoutCatalogs:
    """An app whose translations folder holds no catalogs, as after a failed deployment."""

    @pytest.fixture
    def app_config(self, tmp_path):
        (tmp_path / "no-translations").mkdir()
        return {"BABEL_TRANSLATION_DIRECTORIES": str(tmp_path / "no-translations")}

    def test_the_check_catches_a_catalog_that_did_not_load(self, client):
        # The catalogs loaded by other apps in this process must not fill the gap either.
        html = client.get("/sk/").get_data(as_text=True)
        assert "Skip to content" in html
        with pytest.raises(AssertionError, match="Slovak catalog"):
            assert_slovak_interface(html)


class TestDebugReload:
    """``make dev``: Flask's debug server on a copy of the catalogs."""

    @pytest.fixture
    def app_config(self, translations_copy):
        return {"DEBUG": True, "BABEL_TRANSLATION_DIRECTORIES": str(translations_copy)}

    def test_uncompiled_catalogs_are_compiled_on_the_first_request(self, client, translations_copy):
        assert not catalogs.mo_path("sk", translations_copy).exists()
        assert_slovak_interface(client.get("/sk/").get_data(as_text=True))
        assert catalogs.mo_path("sk", translations_copy).exists()

    def test_a_saved_translation_shows_on_the_next_page_load(self, client, translations_copy):
        assert "Preskočiť na obsah" in client.get("/sk/novinky/").get_data(as_text=True)
        po = catalogs.po_path("sk", translations_copy)
        save_po(po, 'msgstr "Preskočiť na obsah"', 'msgstr "Prejsť rovno na obsah"')
        html = client.get("/sk/novinky/").get_data(as_text=True)
        assert "Prejsť rovno na obsah" in html
        assert "Preskočiť na obsah" not in html
        assert "Skip to content" in client.get("/en/news/").get_data(as_text=True)

    def test_a_broken_save_keeps_the_last_good_text_and_says_why(
        self, client, translations_copy, caplog
    ):
        client.get("/sk/")
        po = catalogs.po_path("sk", translations_copy)
        save_po(po, 'msgstr "Chyba %(code)d"', 'msgstr "Chyba %(kod)d"')
        with caplog.at_level(logging.ERROR):
            html = client.get("/sk/").get_data(as_text=True)
        assert "Preskočiť na obsah" in html
        assert "Catalog not reloaded" in caplog.text and "Error %(code)d" in caplog.text
        save_po(po, 'msgstr "Chyba %(kod)d"', 'msgstr "Chyba číslo %(code)d"')
        save_po(po, 'msgstr "Preskočiť na obsah"', 'msgstr "Rovno na obsah"')
        assert "Rovno na obsah" in client.get("/sk/").get_data(as_text=True)

    @pytest.mark.parametrize(
        ("old", "new", "complaint"),
        [
            ('msgstr "Chyba %(code)d"', 'msgstr "Chyba %(kod)d"', "%(kod)d instead of %(code)d"),
            ('msgstr "Zdroj"', 'msgstr "Zdroj', "is not a quoted string"),
        ],
        ids=["placeholder", "syntax"],
    )
    def test_the_reload_message_names_the_file_and_line(
        self, client, translations_copy, caplog, old, new, complaint
    ):
        client.get("/sk/")
        po = catalogs.po_path("sk", translations_copy)
        save_po(po, 'msgstr "Preskočiť na obsah"', 'msgstr "Rovno na obsah"')
        save_po(po, old, new)
        bad_line = po.read_text(encoding="utf-8").split("\n").index(new) + 1
        with caplog.at_level(logging.ERROR):
            html = client.get("/sk/").get_data(as_text=True)
        assert "Preskočiť na obsah" in html and "Rovno na obsah" not in html
        [report] = [r.getMessage() for r in caplog.records if "not reloaded" in r.getMessage()]
        # Each problem on a line of its own, as a compiler says it: file:line: problem.
        problems = [line.split(":", 2) for line in report.splitlines()[1:]]
        assert [(file, int(line)) for file, line, _ in problems] == [(str(po), bad_line)]
        assert complaint in problems[0][2]

    def test_a_fuzzy_entry_shows_in_english_and_its_line_is_named(
        self, client, translations_copy, caplog
    ):
        client.get("/sk/")
        po = catalogs.po_path("sk", translations_copy)
        save_po(po, 'msgid "Skip to content"', '#, fuzzy\nmsgid "Skip to content"')
        msgid_line = po.read_text(encoding="utf-8").split("\n").index('msgid "Skip to content"') + 1
        with caplog.at_level(logging.WARNING):
            html = client.get("/sk/").get_data(as_text=True)
        assert "Skip to content" in html and ">Aktuality</a>" in html
        [report] = [r.getMessage() for r in caplog.records if "fuzzy entries" in r.getMessage()]
        assert report.splitlines()[1].startswith(f"{po}:{msgid_line}: 'Skip to content' is marked")


class TestProductionDoesNotReload:
    """Outside debug mode catalogs are compiled once, by ``make translations``."""

    @pytest.fixture
    def app_config(self, translations_copy):
        compiling.compile_catalogs(translations_copy)
        return {"BABEL_TRANSLATION_DIRECTORIES": str(translations_copy)}

    def test_a_saved_po_changes_nothing_until_compiled(self, client, translations_copy):
        client.get("/sk/")
        save_po(
            catalogs.po_path("sk", translations_copy),
            'msgstr "Preskočiť na obsah"',
            'msgstr "Prejsť rovno na obsah"',
        )
        assert "Preskočiť na obsah" in client.get("/sk/").get_data(as_text=True)
