"""``flask translations ...``: the translators' catalog workflow on the command line."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from . import catalogs, checks, compiling
from .extract import extract_to_pot, init_catalog, update_catalogs


def translations_dir() -> Path:
    """The app's (first) translations folder: the catalogs these commands work on."""
    return Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])


def describe(stats: catalogs.CatalogStats) -> str:
    """One line of counts for a catalog."""
    return (
        f"{stats.lang}: {stats.total} messages, {stats.translated} translated, "
        f"{stats.fuzzy} fuzzy, {stats.untranslated} untranslated"
    )


def fail(message: str) -> None:
    """Say what went wrong on standard error and exit with status 1."""
    click.echo(message, err=True)
    raise SystemExit(1)


translations_cli = AppGroup("translations", help="Interface translations: the gettext catalogs.")


@translations_cli.command("extract")
def extract() -> None:
    """Collect the interface strings of the code into messages.pot."""
    directory = translations_dir()
    written = extract_to_pot(directory)
    state = "written" if written else "already up to date"
    click.echo(f"{catalogs.pot_path(directory)} {state}.")


@translations_cli.command("update")
def update() -> None:
    """Merge messages.pot into every catalog (new entries empty, changed ones fuzzy)."""
    try:
        results = update_catalogs(translations_dir())
    except catalogs.CatalogError as error:
        fail(str(error))
    for result in results:
        click.echo(
            f"{result.lang}: {result.added} new, {result.removed} removed, "
            f"{result.fuzzy} fuzzy to review"
        )


@translations_cli.command("compile")
@click.option(
    "--keep-going",
    is_flag=True,
    help="For `make dev`: report a broken catalog, keep its last good .mo and exit 0.",
)
def compile_(keep_going: bool) -> None:
    """Compile every catalog (.po -> .mo) after its checks and msgfmt --check.

    Prints each catalog's counts, or each problem as `file:line: problem`; fails on a
    broken catalog unless --keep-going.
    """
    directory = translations_dir()
    failed = False
    for lang in catalogs.catalog_languages(directory):
        po, mo = catalogs.po_path(lang, directory), catalogs.mo_path(lang, directory)
        try:
            compiled = compiling.compile_catalog(po, mo, lang)
        except compiling.CatalogNotCompiled as error:
            for problem in [*error.problems, *error.notes]:
                click.echo(str(problem), err=True)
            click.echo(not_compiled(lang, len(error.problems), mo, keep_going), err=True)
            failed = True
            continue
        except catalogs.CatalogError as error:
            click.echo(f"{lang}: not compiled: {error}", err=True)
            failed = True
            continue
        for note in compiled.notes:
            click.echo(str(note), err=True)
        click.echo(describe(compiled.stats))
    if not checks.msgfmt_available():
        click.echo("msgfmt (GNU gettext) is not installed; its checks were skipped.", err=True)
        failed = failed or checks.in_ci()
    if failed and not keep_going:
        raise SystemExit(1)


def not_compiled(lang: str, count: int, mo: Path, keep_going: bool) -> str:
    """The line after a broken catalog's problems: what the site shows meanwhile."""
    said = f"{lang}: not compiled, {count} problem(s)"
    if not keep_going:
        return f"{said}."
    if mo.exists():
        return f"{said}; the site keeps its last good {lang} catalog until they are fixed."
    return f"{said}; the site shows the English source texts until they are fixed."


@translations_cli.command("check")
def check() -> None:
    """Fail when the template is stale or a catalog is incomplete, fuzzy or broken."""
    directory = translations_dir()
    problems = checks.all_problems(directory)
    if not checks.msgfmt_available() and not checks.in_ci():
        click.echo("msgfmt (GNU gettext) is not installed; its checks were skipped.", err=True)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        fail(f"{len(problems)} problem(s) found.")
    click.echo("The template and every catalog are complete and valid.")


@translations_cli.command("status")
def status() -> None:
    """Print translated, fuzzy and untranslated counts per catalog."""
    try:
        for stats in catalogs.catalog_statuses(translations_dir()):
            click.echo(describe(stats))
    except catalogs.CatalogError as error:
        fail(str(error))


@translations_cli.command("init")
@click.argument("lang")
def init(lang: str) -> None:
    """Start the catalog of a new language LANG (such as de) from messages.pot."""
    try:
        path = init_catalog(lang, translations_dir())
    except catalogs.CatalogError as error:
        fail(str(error))
    click.echo(f"{path} created. Translate it, then add {lang!r} to LANGUAGES in i18n.py.")
