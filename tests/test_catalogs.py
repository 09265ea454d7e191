"""The committed catalogs are current, complete and valid; each check catches what it names."""

from pathlib import Path

import pytest
from babel.support import Translations

from eurobrew import catalog_checks, catalog_extract, catalogs

LANGS = ["sk", "en"]


def require_msgfmt() -> None:
    """msgfmt is required in CI; elsewhere its checks are skipped, saying so."""
    if catalog_checks.msgfmt_available():
        return
    if catalog_checks.in_ci():
        pytest.fail("msgfmt (GNU gettext) is required in CI")
    pytest.skip("msgfmt (GNU gettext) is not installed; install gettext to run this check")


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a catalog as a translator would, failing loudly when ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def whats(problems) -> list[str]:
    return [f"{p.msgid}: {p.what}" for p in problems]


# The committed files -------------------------------------------------------------------------


def test_committed_template_matches_the_code():
    problems = catalog_checks.template_problems()
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("lang", LANGS)
def test_committed_catalog_is_complete_and_valid(lang):
    problems = catalog_checks.catalog_problems(lang)
    assert problems == [], "\n".join(map(str, problems))


def test_catalogs_are_sk_and_en():
    assert catalogs.catalog_languages() == ["en", "sk"]


def test_slovak_header_has_three_plural_forms():
    text = catalogs.po_path("sk").read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);\\n"' in text


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_compiles_and_every_translation_loads(lang, tmp_path):
    mo = tmp_path / lang / "LC_MESSAGES" / "messages.mo"
    stats = catalogs.compile_catalog(catalogs.po_path(lang), mo, lang)
    assert stats.complete and stats.total > 30
    loaded = Translations.load(str(tmp_path), [lang])
    catalog = catalogs.read_catalog(catalogs.po_path(lang), lang)
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            for n, form in ((1, 0), (2, 1), (5, -1)):
                got = (
                    loaded.unpgettext(message.context, *message.id, n)
                    if message.context
                    else (loaded.ungettext(*message.id, n))
                )
                assert got == message.string[form]
        elif message.context:
            assert loaded.upgettext(message.context, message.id) == message.string
        else:
            assert loaded.ugettext(message.id) == message.string


@pytest.mark.parametrize("lang", LANGS)
def test_committed_catalog_passes_msgfmt_check(lang):
    require_msgfmt()
    assert catalog_checks.msgfmt_problems(catalogs.po_path(lang)) == []


# Each check catches its fault, in a copy of the catalogs ---------------------------------------


def test_fuzzy_entry_is_caught(translations_copy):
    replace_in(catalogs.po_path("sk", translations_copy), 'msgid "Fax:"', '#, fuzzy\nmsgid "Fax:"')
    assert whats(catalog_checks.catalog_problems("sk", translations_copy)) == [
        "Fax:: is marked fuzzy: check the translation, then remove `#, fuzzy`"
    ]


def test_untranslated_plural_form_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy), 'msgstr[1] "%(num)d články"', 'msgstr[1] ""'
    )
    assert whats(catalog_checks.catalog_problems("sk", translations_copy)) == [
        "%(num)d article: is not translated"
    ]


def test_changed_placeholder_in_any_plural_form_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy),
        'msgstr[2] "%(num)d článkov"',
        'msgstr[2] "%(pocet)d článkov"',
    )
    assert (
        "%(num)d article: translation (plural form 2) has placeholders %(pocet)d, "
        "the English text %(num)d"
    ) in whats(catalog_checks.catalog_problems("sk", translations_copy))


def test_dropped_placeholder_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy), 'msgstr "Foto: %(credit)s"', 'msgstr "Foto:"'
    )
    assert (
        "Photo: %(credit)s: translation has placeholders none, the English text %(credit)s"
        in whats(catalog_checks.catalog_problems("sk", translations_copy))
    )


def test_missing_and_obsolete_entries_are_caught(translations_copy):
    po = catalogs.po_path("en", translations_copy)
    replace_in(po, 'msgid "Source"\nmsgstr "Source"\n', '#~ msgid "Origin"\n#~ msgstr "Origin"\n')
    assert whats(catalog_checks.catalog_problems("en", translations_copy)) == [
        "Source: is missing; run `make messages`",
        "Origin: is obsolete (#~)",
    ]


def test_wrong_slovak_plural_forms_header_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy),
        "nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);",
        "nplurals=2; plural=(n != 1);",
    )
    assert (
        ": header needs `Plural-Forms: nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);`"
        in whats(catalog_checks.catalog_problems("sk", translations_copy))
    )


def test_broken_catalog_does_not_compile_and_keeps_the_old_mo(translations_copy):
    po, mo = catalogs.po_path("sk", translations_copy), catalogs.mo_path("sk", translations_copy)
    catalogs.compile_catalog(po, mo, "sk")
    good = mo.read_bytes()
    replace_in(po, 'msgstr "Chyba %(code)d"', 'msgstr "Chyba %(code)d %(extra)s"')
    with pytest.raises(catalogs.CatalogError, match="Error"):
        catalogs.compile_catalog(po, mo, "sk")
    assert mo.read_bytes() == good


@pytest.mark.parametrize(
    ("old", "new"),
    [('msgstr "Zdroj"', 'msgstr "Zdroj'), ('msgstr "Zdroj"', 'msgstr "Zdroj "z" webu"')],
    ids=["missing closing quote", "unescaped quote"],
)
def test_a_broken_quote_stops_the_catalog(translations_copy, old, new):
    # Babel alone would read 'msgstr "Zdroj' as "Zdro" and ship it.
    po = catalogs.po_path("sk", translations_copy)
    replace_in(po, old, new)
    problems = catalog_checks.catalog_problems("sk", translations_copy)
    assert len(problems) == 1
    assert "cannot be read" in problems[0].what and "is not a quoted string" in problems[0].what
    with pytest.raises(catalogs.CatalogError, match=r"line \d+"):
        catalogs.compile_catalog(po, catalogs.mo_path("sk", translations_copy), "sk")


def test_msgfmt_catches_a_broken_format_string(translations_copy):
    require_msgfmt()
    po = catalogs.po_path("sk", translations_copy)
    replace_in(po, 'msgstr "Dizajn: %(name)s"', 'msgstr "Dizajn: %(meno)s"')
    problems = catalog_checks.msgfmt_problems(po)
    assert problems and all("msgfmt --check" in str(p) for p in problems)


def test_stale_template_is_caught(translations_copy):
    pot = catalogs.pot_path(translations_copy)
    replace_in(pot, 'msgid "Skip to content"', 'msgid "Skip to the content"')
    assert whats(catalog_checks.template_problems(translations_copy)) == [
        "Skip to content: is in the code but not in the template",
        "Skip to the content: is in the template but no longer in the code",
        ": is out of date; run `make messages`",
    ]


# Extraction knows the project's keywords and comments ------------------------------------------


def test_extraction_finds_lazy_context_plural_strings_and_comments(tmp_path):
    package = tmp_path / "site" / "eurobrew"
    (package / "templates").mkdir(parents=True)
    (package / "labels.py").write_text(
        "from flask_babel import lazy_gettext as _l, lazy_pgettext, npgettext\n"
        "# Translators: a button\n"
        'SAVE = _l("Save")\n'
        'ORDER = lazy_pgettext("sorting", "Order")\n'
        'def count(n): return npgettext("inbox", "%(num)d message", "%(num)d messages", n)\n',
        encoding="utf-8",
    )
    (package / "templates" / "page.html").write_text(
        '{# Translators: a place, not a seat #}\n<p>{{ pgettext("map", "Place") }}</p>\n',
        encoding="utf-8",
    )
    template = catalog_extract.extract_messages(root=tmp_path)
    found = {
        catalogs.message_key(m): catalog_extract.translator_comment(m) for m in template if m.id
    }
    assert found == {
        (None, "Save", None): "a button",
        ("sorting", "Order", None): "",
        ("inbox", "%(num)d message", "%(num)d messages"): "",
        ("map", "Place", None): "a place, not a seat",
    }
