"""make audit-observatory: the MDN HTTP Observatory against the site behind a local TLS nginx.

The demo site runs under gunicorn with nginx in front, as in production: HTTPS with a
certificate from a throwaway local CA, plain HTTP redirected to HTTPS, HSTS. The Observatory's
command-line scanner (npm ``@mdn/mdn-http-observatory``, pinned in package.json here) scans
``127.0.0.1:PORT``: it asks for ``http://`` and ``https://`` on that one port, which nginx
answers with a redirect (plain HTTP on the HTTPS port) and with the site.

Prints the grade, the score and every test's result, keeps the JSON report in
build/audit/observatory.json and exits 1 unless the grade is A+.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from target import REPORTS, demo_site, stop_on_signals

AUDIT = Path(__file__).resolve().parent
PACKAGE = AUDIT / "node_modules" / "@mdn" / "mdn-http-observatory"
# The package's own launcher replaces NODE_EXTRA_CA_CERTS with its bundle of public CAs, so
# the scanner's entry point is run directly with the local CA.
SCANNER = PACKAGE / "src" / "scan.js"
REQUIRED_GRADE = "A+"


def install_scanner() -> None:
    """Install the pinned scanner into scripts/security/node_modules when it is not there yet.

    Its install script downloads the HSTS preload list; it is skipped, and an empty list
    written instead: a throwaway local host is on no preload list anyway.
    """
    if not SCANNER.exists():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("audit-observatory: npm (Node.js 20+) is needed to install the scanner")
        print(f"audit-observatory: installing @mdn/mdn-http-observatory into {AUDIT}/node_modules")
        subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(AUDIT)],
            check=True,
        )
    preload = PACKAGE / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}\n")


def scan(host: str, ca: Path) -> dict:
    """The scanner's JSON report for ``host`` (``127.0.0.1:PORT``), trusting ``ca``."""
    env = dict(os.environ, NODE_EXTRA_CA_CERTS=str(ca))
    result = subprocess.run(
        ["node", str(SCANNER), host], env=env, capture_output=True, text=True, timeout=300
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(f"audit-observatory: the scanner failed:\n{result.stdout}{result.stderr}")
    if "error" in report:
        sys.exit(f"audit-observatory: the scanner reports an error: {report['error']}")
    return report


def summary(report: dict) -> str:
    """Grade, score and one line per test, for people."""
    overall = report["scan"]
    lines = [
        f"MDN HTTP Observatory: grade {overall['grade']}, score {overall['score']}, "
        f"{overall['testsPassed']} of {overall['testsQuantity']} tests passed",
    ]
    for name, test in sorted(report["tests"].items()):
        verdict = "pass" if test["pass"] else "FAIL"
        lines.append(f"  {verdict:4}  {name:32} {test['scoreModifier']:+4}  {test['result']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=REPORTS / "observatory.json")
    args = parser.parse_args()
    stop_on_signals()
    install_scanner()
    with tempfile.TemporaryDirectory(prefix="eurobrew-observatory-") as temp:
        folder = Path(temp)
        with demo_site(folder, https=True) as base:
            report = scan(base.removeprefix("https://"), folder / "tls" / "ca.pem")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2) + "\n")
    print(summary(report))
    print(f"Report: {args.report}")
    if report["scan"]["grade"] != REQUIRED_GRADE:
        print(f"audit-observatory: grade {report['scan']['grade']}, {REQUIRED_GRADE} required")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
