"""A broken catalog under ``make dev``: each problem as ``file:line: problem``, the site stays up.

``flask translations compile --keep-going`` (what ``make dev`` runs) reports and keeps the
last good .mo; the plain compile (``make translations``, CI) still fails.
"""

import re
import subprocess

import pytest

from eurobrew.config import PROJECT_ROOT
from eurobrew.i18n import catalogs

# A compiler's line: "path/messages.po:123: what is wrong".
LOCATED = re.compile(r"^(?P<file>\S[^:]*\.po):(?P<line>\d+): (?P<what>.+)$")
# (what the translator typed over, what they saved, what the report must say)
BREAKAGES = {
    "dropped placeholder": (
        'msgstr "Dizajn: %(name)s"',
        'msgstr "Dizajn"',
        "without the placeholder %(name)s",
    ),
    "misspelt placeholder in a plural form": (
        'msgstr[2] "%(num)d článkov"',
        'msgstr[2] "%(pocet)d článkov"',
        "with the placeholder %(pocet)d",
    ),
    "missing closing quote": ('msgstr "Zdroj"', 'msgstr "Zdroj', "is not a quoted string"),
}


@pytest.fixture
def app_config(translations_copy):
    return {"BABEL_TRANSLATION_DIRECTORIES": str(translations_copy)}


def located(output: str) -> list[tuple[str, int, str]]:
    """The ``file:line: problem`` lines of a command's output, parsed."""
    return [
        (match["file"], int(match["line"]), match["what"])
        for match in map(LOCATED.match, output.splitlines())
        if match
    ]


def save_broken(po, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` as a translator would; the number of the edited line."""
    lines = po.read_text(encoding="utf-8").split("\n")
    number = lines.index(old) + 1
    lines[number - 1] = new
    po.write_text("\n".join(lines), encoding="utf-8")
    return number


def assert_points_at(output: str, po, line: int, complaint: str) -> None:
    """The output names ``po`` at ``line`` with ``complaint``, and that line is the bad one."""
    found = [problem for problem in located(output) if complaint in problem[2]]
    assert found, output
    file, number, _ = found[0]
    assert (file, number) == (str(po), line), output
    assert po.read_text(encoding="utf-8").split("\n")[number - 1].startswith("msgstr")


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES)
def test_dev_compile_names_the_line_and_keeps_the_last_good_catalog(
    runner, client, translations_copy, breakage
):
    assert runner.invoke(args=["translations", "compile"]).exit_code == 0
    po, mo = catalogs.po_path("sk", translations_copy), catalogs.mo_path("sk", translations_copy)
    good = mo.read_bytes()
    old, new, complaint = breakage
    # A correct edit saved with the broken one must not show either.
    save_broken(po, 'msgstr "Preskočiť na obsah"', 'msgstr "Rovno na obsah"')
    line = save_broken(po, old, new)
    result = runner.invoke(args=["translations", "compile", "--keep-going"])
    assert result.exit_code == 0, result.output
    assert_points_at(result.output, po, line, complaint)
    assert "sk: not compiled, 1 problem(s); the site keeps its last good sk catalog" in (
        result.output
    )
    assert "en: " in result.output and mo.read_bytes() == good
    html = client.get("/sk/").get_data(as_text=True)
    assert "Preskočiť na obsah" in html and "Rovno na obsah" not in html


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES)
def test_the_strict_compile_names_the_line_and_fails(runner, translations_copy, breakage):
    po = catalogs.po_path("sk", translations_copy)
    old, new, complaint = breakage
    line = save_broken(po, old, new)
    result = runner.invoke(args=["translations", "compile"])
    assert result.exit_code == 1
    assert_points_at(result.output, po, line, complaint)
    assert "sk: not compiled, 1 problem(s)." in result.output
    assert not catalogs.mo_path("sk", translations_copy).exists()


def test_dev_compile_without_a_good_catalog_shows_the_source_texts(
    runner, client, translations_copy
):
    save_broken(catalogs.po_path("sk", translations_copy), *BREAKAGES["dropped placeholder"][:2])
    result = runner.invoke(args=["translations", "compile", "--keep-going"])
    assert result.exit_code == 0
    assert "the site shows the English source texts until they are fixed" in result.output
    assert not catalogs.mo_path("sk", translations_copy).exists()
    response = client.get("/sk/")
    assert response.status_code == 200
    assert "Skip to content" in response.get_data(as_text=True)


def test_every_problem_is_named_in_file_order(runner, translations_copy):
    po = catalogs.po_path("sk", translations_copy)
    lines = [save_broken(po, old, new) for old, new, _ in BREAKAGES.values()]
    result = runner.invoke(args=["translations", "compile", "--keep-going"])
    assert [number for _, number, _ in located(result.output)] == sorted(lines)
    assert "sk: not compiled, 3 problem(s)" in result.output


def test_make_dev_compiles_leniently_and_make_translations_strictly():
    def planned(target: str) -> list[str]:
        dry_run = subprocess.run(
            ["make", "-n", target], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        )
        return [line for line in dry_run.stdout.splitlines() if "translations compile" in line]

    assert [line.split()[-1] for line in planned("dev")] == ["--keep-going"]
    assert [line.split()[-1] for line in planned("translations")] == ["compile"]
