"""``flask translations ...`` on a copy of the catalogs: what a translator runs and reads."""

import ast
import re

import pytest

from eurobrew.i18n import catalogs, checks, plurals


@pytest.fixture
def app_config(translations_copy):
    return {"BABEL_TRANSLATION_DIRECTORIES": str(translations_copy)}


def sk_po(folder):
    return catalogs.po_path("sk", folder)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def po_entry(text: str, msgid: str) -> dict[str, str]:
    """The entry of ``msgid`` in a .po file: its flags and each keyword's text, lines joined.

    However a tool wraps the lines, ``msgid "a "\\n"b"`` reads as ``a b``.
    """
    for block in text.split("\n\n"):
        fields: dict[str, str] = {"flags": ""}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                fields["flags"] += line[2:]
                continue
            quoted = re.match(r'^(#\| )?(\w+(?:\[\d\])?)?\s*"(.*)"$', line)
            if quoted is None:
                continue
            if quoted[2]:
                key = (quoted[1] or "") + quoted[2]
                fields[key] = ""
            fields[key] += ast.literal_eval(f'"{quoted[3]}"')
        if fields.get("msgid") == msgid:
            return fields
    raise AssertionError(f"{msgid!r} is not in the catalog")


def test_status_prints_counts_per_catalog(runner):
    result = runner.invoke(args=["translations", "status"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split(":")[0] for line in lines] == ["en", "sk"]
    assert all("0 fuzzy, 0 untranslated" in line for line in lines)


def test_compile_writes_mo_files_and_counts(runner, translations_copy):
    result = runner.invoke(args=["translations", "compile"])
    assert result.exit_code == 0, result.output
    assert "sk: " in result.output and "0 untranslated" in result.output
    assert catalogs.mo_path("sk", translations_copy).stat().st_size > 0
    assert catalogs.mo_path("en", translations_copy).stat().st_size > 0


def test_compile_fails_on_a_broken_placeholder(runner, translations_copy):
    edit(sk_po(translations_copy), 'msgstr "Dizajn: %(name)s"', 'msgstr "Dizajn: %(meno)s"')
    result = runner.invoke(args=["translations", "compile"])
    assert result.exit_code == 1
    assert "sk: not compiled" in result.output
    assert not catalogs.mo_path("sk", translations_copy).exists()


def test_compile_fails_on_a_syntax_error(runner, translations_copy):
    edit(sk_po(translations_copy), 'msgstr "Zdroj"', 'msgstr "Zdroj')
    result = runner.invoke(args=["translations", "compile"])
    assert result.exit_code == 1
    assert "messages.po" in result.output


def test_check_passes_on_the_committed_catalogs(runner):
    if not checks.msgfmt_available() and not checks.in_ci():
        pytest.skip("msgfmt (GNU gettext) is not installed")
    result = runner.invoke(args=["translations", "check"])
    assert result.exit_code == 0, result.output
    assert "complete and valid" in result.output


def test_check_names_each_problem_and_fails(runner, translations_copy):
    edit(sk_po(translations_copy), 'msgid "Fax:"', '#, fuzzy\nmsgid "Fax:"')
    edit(sk_po(translations_copy), 'msgstr "Zdroj"', 'msgstr ""')
    result = runner.invoke(args=["translations", "check"])
    assert result.exit_code == 1
    assert "'Fax:' is marked fuzzy" in result.output
    assert "'Source' is not translated" in result.output
    assert "2 problem(s) found." in result.output


def test_extract_leaves_a_current_template_alone(runner, translations_copy):
    before = catalogs.pot_path(translations_copy).read_bytes()
    result = runner.invoke(args=["translations", "extract"])
    assert result.exit_code == 0
    assert "already up to date" in result.output
    assert catalogs.pot_path(translations_copy).read_bytes() == before


def test_extract_and_update_bring_back_a_lost_entry_for_review(runner, translations_copy):
    pot = catalogs.pot_path(translations_copy)
    edit(pot, 'msgid "Latest news"\nmsgstr ""\n', "")
    edit(sk_po(translations_copy), 'msgid "Latest news"\nmsgstr "Najnovšie aktuality"\n', "")
    assert runner.invoke(args=["translations", "extract"]).output.endswith("written.\n")
    result = runner.invoke(args=["translations", "update"])
    assert result.exit_code == 0
    # Back, with the closest existing translation as a suggestion that must be reviewed.
    assert "sk: 1 new, 0 removed, 1 fuzzy to review" in result.output
    assert "en: 0 new, 0 removed, 0 fuzzy to review" in result.output
    problems = checks.catalog_problems("sk", translations_copy)
    assert [(p.msgid, p.what.split(":")[0]) for p in problems] == [
        ("Latest news", "is marked fuzzy")
    ]


def test_update_marks_a_changed_text_fuzzy_with_its_old_translation(runner, translations_copy):
    pot = catalogs.pot_path(translations_copy)
    edit(pot, 'msgid "Back to the news"', 'msgid "Back to all news"')
    result = runner.invoke(args=["translations", "update"])
    assert "sk: 1 new, 1 removed, 1 fuzzy to review" in result.output
    # Read as Poedit shows it: flagged fuzzy, with the old English text to compare.
    entry = po_entry(sk_po(translations_copy).read_text(encoding="utf-8"), "Back to all news")
    assert "fuzzy" in entry["flags"]
    assert entry["#| msgid"] == "Back to the news"
    assert entry["msgstr"] == "Späť na aktuality"


def test_init_starts_a_new_language_with_its_plural_forms(runner, translations_copy):
    result = runner.invoke(args=["translations", "init", "cs"])
    assert result.exit_code == 0, result.output
    assert "LANGUAGES in i18n.py" in result.output
    text = catalogs.po_path("cs", translations_copy).read_text(encoding="utf-8")
    # Czech counts like Slovak: 1 / 2-4 / the rest.
    count, rule = plurals.parse_plural_forms(plurals.header_field(text, "Plural-Forms"))
    assert (count, rule(1), rule(3), rule(5)) == (3, 0, 1, 2)
    stats = {s.lang: s for s in catalogs.catalog_statuses(translations_copy)}
    assert stats["cs"].untranslated == stats["cs"].total > 30
    again = runner.invoke(args=["translations", "init", "cs"])
    assert again.exit_code == 1 and "already exists" in again.output


def test_init_refuses_an_unknown_language(runner, translations_copy):
    result = runner.invoke(args=["translations", "init", "xx-nonsense"])
    assert result.exit_code == 1
    assert not (translations_copy / "xx-nonsense").exists()
