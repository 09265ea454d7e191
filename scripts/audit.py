"""Lighthouse over the public page types in both languages, mobile and desktop.

Serves the demo site with gunicorn on a loopback port (as the browser tests do), runs
Lighthouse 12 with Debian's Chromium on each page with each preset, prints a table of the
four category scores and exits 1 when any score is below the target (100 by default).
The JSON reports are kept in build/lighthouse/ for a closer look.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess  # noqa: S404 - runs Lighthouse with argument lists
import sys
import tempfile
from pathlib import Path

from chromium import CHROMIUM, LOOPBACK_FLAGS
from liveserver import PROJECT_ROOT, LiveSite

LIGHTHOUSE = PROJECT_ROOT / "scripts" / "audit" / "node_modules" / ".bin" / "lighthouse"
REPORTS = PROJECT_ROOT / "build" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home-sk": "/sk/",
    "home-en": "/en/",
    "news-sk": "/sk/novinky/",
    "news-en": "/en/news/",
    "article-sk": "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
    "article-en": "/en/news/japan-proposes-us-purchase-of-semiconductor-products",
    "page-sk": "/sk/o-nas",
    "page-en": "/en/about-us",
    "products-sk": "/sk/produkty",
    "products-en": "/en/products",
    "product-sk": "/sk/varne",
    "product-en": "/en/brewhouses",
    "contact-sk": "/sk/kontakt",
    "contact-en": "/en/contact",
}
PRESETS = ("mobile", "desktop")
CHROME_FLAGS = ["--headless", *LOOPBACK_FLAGS]


def run_lighthouse(url: str, preset: str, report: Path, attempts: int = 2) -> dict[str, int]:
    """One Lighthouse run; the four category scores as whole numbers.

    A run that Lighthouse itself gives up on (a trace it could not record, "please run
    Lighthouse again") is tried once more before the audit fails.
    """
    for attempt in range(1, attempts + 1):
        try:
            return lighthouse_once(url, preset, report)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"Lighthouse failed on {url} ({preset}); trying again", file=sys.stderr)
    raise AssertionError("unreachable")


def lighthouse_once(url: str, preset: str, report: Path) -> dict[str, int]:
    """Lighthouse in a fresh Chromium profile; raises when it exits with an error."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-profile-") as profile:
        flags = " ".join([*CHROME_FLAGS, f"--user-data-dir={profile}"])
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--no-enable-error-reporting",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", str(CHROMIUM))}
        subprocess.run(command, check=True, env=env, timeout=180)  # noqa: S603
    result = json.loads(report.read_text())
    scores = {}
    for name in CATEGORIES:
        score = result["categories"][name]["score"]
        scores[name] = -1 if score is None else round(score * 100)
    return scores


def failing_audits(report: Path, category: str) -> list[str]:
    """The audits that cost points in ``category``, for the table's notes."""
    result = json.loads(report.read_text())
    audits = result["audits"]
    names = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            names.append(f"{ref['id']} ({audit.get('displayValue') or audit['score']})")
    return names


def main(argv: list[str] | None = None) -> int:
    """Audit every page with every preset; print the table; 1 when below the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=int, default=100, help="lowest acceptable score")
    parser.add_argument("--pages", nargs="*", choices=sorted(PAGES), help="only these pages")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"missing {LIGHTHOUSE}: run `make audit` (it installs Lighthouse)", file=sys.stderr)
        return 2
    REPORTS.mkdir(parents=True, exist_ok=True)
    header = f"{'page':<12} {'preset':<8} " + " ".join(f"{c:>14}" for c in CATEGORIES)
    rows, notes = [header, "-" * len(header)], []
    below = 0
    with LiveSite(articles=25) as site:
        for name in args.pages or PAGES:
            for preset in PRESETS:
                report = REPORTS / f"{name}-{preset}.json"
                scores = run_lighthouse(site.url + PAGES[name], preset, report)
                row = f"{name:<12} {preset:<8} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES)
                print(row, flush=True)
                rows.append(row)
                for category in CATEGORIES:
                    if scores[category] < args.target:
                        below += 1
                        lost = ", ".join(failing_audits(report, category))
                        notes.append(f"{name} {preset} {category}: {lost}")
    print("\n" + "\n".join(rows))
    if notes:
        print(f"\nBelow {args.target}:\n  " + "\n  ".join(notes))
    print(
        f"\n{below} score(s) below {args.target}; reports in {REPORTS.relative_to(PROJECT_ROOT)}/"
    )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
