"""The committed catalogs are current, complete and valid; each check catches what it names."""

from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.support import Translations

from eurobrew.i18n import catalogs, checks, compiling, extract, plurals

LANGS = ["sk", "en"]


def require_msgfmt() -> None:
    """msgfmt is required in CI; elsewhere its checks are skipped, saying so."""
    if checks.msgfmt_available():
        return
    if checks.in_ci():
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
    problems = checks.template_problems()
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("lang", LANGS)
def test_committed_catalog_is_complete_and_valid(lang):
    problems = checks.catalog_problems(lang)
    assert problems == [], "\n".join(map(str, problems))


def test_catalogs_are_sk_and_en():
    assert catalogs.catalog_languages() == ["en", "sk"]


def test_slovak_header_means_1_then_2_to_4_then_the_rest():
    # 1 článok, 2-4 články, 0 and 5+ článkov: DESIGN.md's rule, however the header spells it.
    text = catalogs.po_path("sk").read_text(encoding="utf-8")
    count, rule = plurals.parse_plural_forms(plurals.header_field(text, "Plural-Forms"))
    assert count == 3
    expected = {0: 2, 1: 0, 2: 1, 3: 1, 4: 1, 5: 2, 11: 2, 21: 2, 22: 2, 101: 2, 1000: 2}
    assert {n: rule(n) for n in expected} == expected


SLOVAK_RULE_SPELLINGS = {
    "Babel 2.18": "nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);",
    "Babel 2.19": "nplurals=3; plural=(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2);",
    "by hand": "nplurals=3;  plural=(n==1) ? 0 : ((n>=2) && (n<=4)) ? 1 : 2",
}


@pytest.mark.parametrize("spelling", SLOVAK_RULE_SPELLINGS.values(), ids=SLOVAK_RULE_SPELLINGS)
def test_any_spelling_of_the_slovak_rule_passes(translations_copy, spelling):
    po = catalogs.po_path("sk", translations_copy)
    written = plurals.header_field(po.read_text(encoding="utf-8"), "Plural-Forms")
    replace_in(po, written, spelling)
    assert checks.catalog_problems("sk", translations_copy) == []


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_compiles_and_every_translation_loads(lang, tmp_path):
    mo = tmp_path / lang / "LC_MESSAGES" / "messages.mo"
    stats = compiling.compile_catalog(catalogs.po_path(lang), mo, lang).stats
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
    assert checks.msgfmt_problems(catalogs.po_path(lang)) == []


# Each check catches its fault, in a copy of the catalogs ---------------------------------------


def test_fuzzy_entry_is_caught(translations_copy):
    replace_in(catalogs.po_path("sk", translations_copy), 'msgid "Fax:"', '#, fuzzy\nmsgid "Fax:"')
    assert whats(checks.catalog_problems("sk", translations_copy)) == [
        "Fax:: is marked fuzzy: check the translation, then remove `#, fuzzy`"
    ]


def test_untranslated_plural_form_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy), 'msgstr[1] "%(num)d články"', 'msgstr[1] ""'
    )
    assert whats(checks.catalog_problems("sk", translations_copy)) == [
        "%(num)d article: is not translated"
    ]


def test_changed_placeholder_in_any_plural_form_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy),
        'msgstr[2] "%(num)d článkov"',
        'msgstr[2] "%(pocet)d článkov"',
    )
    assert whats(checks.catalog_problems("sk", translations_copy)) == [
        "%(num)d article: is translated (plural form 2) with the placeholder %(pocet)d "
        "instead of %(num)d",
    ]


def test_dropped_placeholder_is_caught(translations_copy):
    replace_in(
        catalogs.po_path("sk", translations_copy), 'msgstr "Foto: %(credit)s"', 'msgstr "Foto:"'
    )
    assert whats(checks.catalog_problems("sk", translations_copy)) == [
        "Photo: %(credit)s: is translated without the placeholder %(credit)s"
    ]


def test_missing_and_obsolete_entries_are_caught(translations_copy):
    po = catalogs.po_path("en", translations_copy)
    replace_in(po, 'msgid "Source"\nmsgstr "Source"\n', '#~ msgid "Origin"\n#~ msgstr "Origin"\n')
    assert whats(checks.catalog_problems("en", translations_copy)) == [
        "Source: is missing; run `make messages`",
        "Origin: is obsolete (#~)",
    ]


@pytest.mark.parametrize(
    ("rule", "complaint"),
    [
        ("nplurals=2; plural=(n != 1);", "header says nplurals=2, sk has 3 plural forms"),
        (
            "nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=5) ? 1 : 2);",
            "header's plural rule differs from sk's at n=5: it picks form 1, sk uses form 2",
        ),
        (
            "nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : n==0 ? 0 : 2);",
            "header's plural rule differs from sk's at n=0: it picks form 0, sk uses form 2",
        ),
        ("nplurals=3; plural=(n==1 ? 0 : import);", "its plural expression cannot be read"),
    ],
    ids=["two forms", "2 to 5", "zero as one", "not an expression"],
)
def test_wrong_slovak_plural_forms_header_is_caught(translations_copy, rule, complaint):
    po = catalogs.po_path("sk", translations_copy)
    written = plurals.header_field(po.read_text(encoding="utf-8"), "Plural-Forms")
    replace_in(po, written, rule)
    problems = whats(checks.catalog_problems("sk", translations_copy))
    assert problems and complaint in problems[0], problems


def test_a_missing_plural_forms_header_is_caught(translations_copy):
    po = catalogs.po_path("sk", translations_copy)
    written = plurals.header_field(po.read_text(encoding="utf-8"), "Plural-Forms")
    replace_in(po, f'"Plural-Forms: {written}\\n"\n', "")
    assert whats(checks.catalog_problems("sk", translations_copy)) == [
        ": header has no Plural-Forms; it needs `Plural-Forms: "
        + get_plural("sk").plural_forms
        + "` or the same rule spelled otherwise"
    ]


def test_broken_catalog_does_not_compile_and_keeps_the_old_mo(translations_copy):
    po, mo = catalogs.po_path("sk", translations_copy), catalogs.mo_path("sk", translations_copy)
    compiling.compile_catalog(po, mo, "sk")
    good = mo.read_bytes()
    replace_in(po, 'msgstr "Chyba %(code)d"', 'msgstr "Chyba %(code)d %(extra)s"')
    with pytest.raises(catalogs.CatalogError, match="Error"):
        compiling.compile_catalog(po, mo, "sk")
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
    problems = checks.catalog_problems("sk", translations_copy)
    assert len(problems) == 1
    assert "cannot be read" in problems[0].what and "is not a quoted string" in problems[0].what
    line = po.read_text(encoding="utf-8").split("\n").index(new) + 1
    with pytest.raises(catalogs.CatalogError, match=rf"messages\.po:{line}: .* is not a quoted"):
        compiling.compile_catalog(po, catalogs.mo_path("sk", translations_copy), "sk")


def test_msgfmt_catches_a_broken_format_string(translations_copy):
    require_msgfmt()
    po = catalogs.po_path("sk", translations_copy)
    replace_in(po, 'msgstr "Dizajn: %(name)s"', 'msgstr "Dizajn: %(meno)s"')
    problems = checks.msgfmt_problems(po)
    assert problems and all("msgfmt --check" in str(p) for p in problems)


def test_stale_template_is_caught(translations_copy):
    pot = catalogs.pot_path(translations_copy)
    replace_in(pot, 'msgid "Skip to content"', 'msgid "Skip to the content"')
    assert whats(checks.template_problems(translations_copy)) == [
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
    template = extract.extract_messages(root=tmp_path)
    found = {catalogs.message_key(m): extract.translator_comment(m) for m in template if m.id}
    assert found == {
        (None, "Save", None): "a button",
        ("sorting", "Order", None): "",
        ("inbox", "%(num)d message", "%(num)d messages"): "",
        ("map", "Place", None): "a place, not a seat",
    }
