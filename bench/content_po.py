"""make bench's content translation rows: the whole site's English .po file exported, every
article's title translated anew, and the file imported (checked, then saved with a
revision per article in one transaction), on the large SQLite site.

Run alone on a new site: ``.venv/bin/python bench/content_po.py --articles 10000``.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

import datasets  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402
from report import Check  # noqa: E402

import servers  # noqa: E402

EXPORT_GOAL, IMPORT_GOAL = 60.0, 120.0  # seconds at 100,000 articles


@dataclass
class ContentPoRun:
    """One export and one import of the site's content."""

    articles: int
    entries: int
    megabytes: float
    export_seconds: float
    changed: int
    import_seconds: float


def translate_titles(path: Path) -> int:
    """Give every article's English title a new translation, as a translator's tool would
    write the file back; returns how many changed."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    changed = 0
    for message in catalog:
        if message.context and re.fullmatch(r"article/\d+/title", message.context):
            message.string = f"{message.string or message.id} (reviewed)"
            changed += 1
    out = io.BytesIO()
    write_po(out, catalog, width=76, no_location=True, include_previous=True)
    path.write_bytes(out.getvalue())
    return changed


def measure(instance: datasets.Instance, folder: Path) -> ContentPoRun:
    """Export English, translate every title, import with --apply; each step timed as the
    command a translator or admin runs (the app's start included)."""
    path = folder / "content-en.po"
    started = time.monotonic()
    servers.flask(instance.env, "translations", "export-content", "en", "-o", str(path))
    exported = time.monotonic() - started
    entries = path.read_bytes().count(b"\nmsgctxt ")
    changed = translate_titles(path)
    started = time.monotonic()
    output = servers.flask(instance.env, "translations", "import-content", str(path), "--apply")
    imported = time.monotonic() - started
    saved = int(re.search(r"(\d+) items saved", output)[1])
    size = path.stat().st_size / 1e6
    return ContentPoRun(instance.articles(), entries, size, exported, saved or changed, imported)


def report(run: ContentPoRun | None) -> tuple[list[str], list[Check]]:
    """The report's lines and the two targets."""
    if run is None:
        return ["Not measured."], []
    lines = [
        "| articles | entries in the file | file size | export | titles changed | import |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {run.articles:,} | {run.entries:,} | {run.megabytes:.1f} MB | "
        f"{run.export_seconds:.1f} s | {run.changed:,} | {run.import_seconds:.1f} s |",
    ]
    checks = [
        Check(f"content export at {run.articles:,} articles (s)", run.export_seconds,
              EXPORT_GOAL, at_most=True),
        Check(f"content import of {run.changed:,} changed articles (s)", run.import_seconds,
              IMPORT_GOAL, at_most=True),
    ]  # fmt: skip
    return lines, checks


def main() -> int:
    """Prepare a SQLite site of ``--articles`` articles and measure it once."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eurobrew-bench-po-") as tmp:
        database = datasets.Database("SQLite", Path(tmp) / "sqlite")
        instance = datasets.prepare(database, "content-po", args.articles)
        lines, checks = report(measure(instance, Path(tmp)))
    print("\n".join(lines))
    for check in checks:
        print(f"{check.label}: {check.value:.1f} (goal {check.goal:.0f}) met={check.met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
