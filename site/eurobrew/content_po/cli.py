"""``flask translations export-content`` and ``import-content``: the content's .po files on
the command line (the admin's Translations page offers the same)."""

from __future__ import annotations

import io
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from ..extensions import db
from ..files import atomic_write
from ..i18n import LANGUAGES
from ..models.recording import EditConflict
from ..models.search_upkeep import settle_index
from .apply import apply_plan
from .batch import cycle_collection_paused
from .export import export_content
from .outcome import Plan
from .plan import make_plan

# Its commands join ``flask translations`` (the factory adds them there).
content_cli = AppGroup("content", help="The content's translations as .po files.")
SHOWN = 60  # characters of a text in the summary


@content_cli.command("export-content")
@click.argument("lang", type=click.Choice(LANGUAGES))
@click.option("--only-missing", "only", flag_value="missing", help="Only untranslated texts.")
@click.option(
    "--only-outdated", "only", flag_value="outdated", help="Only texts whose source changed."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file (default: standard output).",
)
def export_content_command(lang: str, only: str | None, output: Path | None) -> None:
    """Write the content to translate into LANG (sk, en) as one .po file."""
    # Addresses are built from SITE_URL, as in any request.
    with current_app.test_request_context("/"), force_locale("en"), cycle_collection_paused():
        if output is None:
            handle = io.BytesIO()
            count = export_content(lang, handle, only)
            click.echo(handle.getvalue(), nl=False)
        else:
            counted = []
            atomic_write(output, lambda h: counted.append(export_content(lang, h, only)), 0o644)
            count = counted[0]
    click.echo(f"{count} texts to translate into {lang} exported.", err=True)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def describe_plan(plan: Plan) -> list[str]:
    """The summary an import prints: changes, then skipped entries with their reasons."""
    lines = [f"{len(plan.changes)} items change in {plan.lang}:"]
    for change in plan.changes:
        for name, text in change.after.items():
            before, after = _short(change.before[name]), _short(text)
            lines.append(f"  {change.item.prefix}/{name}: {before!r} -> {after!r}")
    lines.append(f"{len(plan.skipped)} texts skipped, {plan.unchanged} already as in the file.")
    for skipped in plan.skipped:
        lines.append(f"  {skipped.path}: {skipped.reason}")
    return lines


@content_cli.command("import-content")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--apply", "apply_", is_flag=True, help="Write the changes (without it: only show them)."
)
@click.option(
    "--user",
    default="import-content",
    show_default=True,
    help="The name the revisions are saved under.",
)
def import_content_command(file: Path, apply_: bool, user: str) -> None:
    """Check a translated .po file of the content and show what it changes; --apply saves it."""
    with current_app.test_request_context("/"), force_locale("en"), cycle_collection_paused():
        plan = make_plan(file.read_bytes())
        for problem in plan.problems:
            click.echo(str(problem), err=True)
        if plan.problems:
            raise SystemExit(f"{len(plan.problems)} problem(s): nothing imported.")
        # One write: click flushes after each echo, and an import may list 100,000 changes.
        click.echo("\n".join(describe_plan(plan)))
        if not apply_:
            click.echo("Nothing written yet: run again with --apply to save these changes.")
            return
        try:
            changed = apply_plan(plan, user)
        except EditConflict:
            raise SystemExit(
                "An item changed while importing: nothing imported; try again."
            ) from None
    settle_index(db.session)
    db.session.commit()
    click.echo(f"{changed} items saved, each with a revision.")
