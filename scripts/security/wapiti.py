"""make audit-wapiti: the Wapiti web vulnerability scanner against the site on loopback.

The demo site runs under gunicorn with nginx in front, by default as in production (HTTPS with
a certificate from a throwaway local CA, plain HTTP redirected); ``--plain`` scans the
plain-HTTP configuration instead. Wapiti (pip ``wapiti3``, pinned in
requirements-wapiti.txt here) lives in its own virtual environment, build/wapiti-venv: it pins
older Flask and SQLAlchemy than the site needs.

Every module runs except those that would reach beyond loopback: ssrf, takeover and
log4shell (they detect through outside services that record the target's callbacks), nikto,
wapp and htp (they download their databases at run time). The out-of-band endpoints that
other modules put in their payloads point at a closed loopback port. The crawl and each module
are bounded in time; buster, which tries some 31,500 paths in every folder it finds and reports
what exists (information, not vulnerabilities), is the one module that reaches the bound.

Prints every finding, keeps Wapiti's JSON report in build/audit/wapiti.json (its log next to
it) and exits 1 if Wapiti reports any vulnerability or anomaly. Wapiti's informational
"additionals" (such as the methods an OPTIONS request lists) are printed, not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from target import REPORTS, ROOT, demo_site, servers, stop_on_signals

VENV = ROOT / "build" / "wapiti-venv"
WAPITI = VENV / "bin" / "wapiti"
REQUIREMENTS = Path(__file__).resolve().parent / "requirements-wapiti.txt"
MODULES = "all,-ssrf,-takeover,-log4shell,-nikto,-wapp,-htp"


def install_wapiti() -> None:
    """Create build/wapiti-venv with the pinned Wapiti when it is missing or out of date."""
    stamp = VENV / ".requirements"
    wanted = REQUIREMENTS.read_text()
    if WAPITI.exists() and stamp.exists() and stamp.read_text() == wanted:
        return
    print(f"audit-wapiti: installing Wapiti into {VENV.relative_to(ROOT)}")
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--require-hashes"]
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(wanted)


def scan(base: str, ca: Path | None, report: Path, log: Path, scan_time: int, attack_time: int):
    """Run Wapiti against ``base``; its output goes to ``log``. Returns its exit status."""
    closed = servers.free_port(18430, 18440)  # nothing listens there: out-of-band goes nowhere
    state = REPORTS / "wapiti-state"
    command = [
        str(WAPITI),
        "--url", base + "/",
        "--scope", "folder",
        "--module", MODULES,
        "--max-scan-time", str(scan_time),
        "--max-attack-time", str(attack_time),
        "--endpoint", f"http://127.0.0.1:{closed}/",
        "--flush-session",
        "--store-session", str(state / "session"),
        "--store-config", str(state / "config"),
        "--no-bugreport",
        "--verbose", "1",
        "--format", "json",
        "--output", str(report),
    ]  # fmt: skip
    env = dict(os.environ)
    if ca is not None:
        # Verify the certificate as a browser would, against the local CA only.
        command += ["--verify-ssl", "1"]
        env["SSL_CERT_FILE"] = str(ca)
    # The crawl and every module are bounded; this only guards against a hung scanner.
    hard_limit = scan_time + 30 * attack_time + 120
    with log.open("w") as out:
        result = subprocess.run(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=hard_limit
        )
    return result.returncode


def findings(report: dict, section: str) -> list[str]:
    """One line per finding of a report section (vulnerabilities, anomalies, additionals)."""
    lines = []
    for category, items in sorted(report.get(section, {}).items()):
        for item in items:
            where = f"{item.get('method', '')} {item.get('path', '')}".strip()
            parameter = f" [{item['parameter']}]" if item.get("parameter") else ""
            lines.append(f"  {category}: {where}{parameter}: {item.get('info', '')}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="scan the plain-HTTP site")
    parser.add_argument("--max-scan-time", type=int, default=120, help="crawl, seconds")
    parser.add_argument("--max-attack-time", type=int, default=90, help="per module, seconds")
    parser.add_argument("--report", type=Path, default=REPORTS / "wapiti.json")
    args = parser.parse_args()
    stop_on_signals()
    install_wapiti()
    args.report.parent.mkdir(parents=True, exist_ok=True)
    log = args.report.with_suffix(".log")
    with tempfile.TemporaryDirectory(prefix="eurobrew-wapiti-") as temp:
        folder = Path(temp)
        with demo_site(folder, https=not args.plain) as base:
            print(f"audit-wapiti: scanning {base}/ (log: {log})", flush=True)
            ca = None if args.plain else folder / "tls" / "ca.pem"
            status = scan(base, ca, args.report, log, args.max_scan_time, args.max_attack_time)
    output = log.read_text()
    if status != 0 or not args.report.exists():
        print(output[-3000:])
        print(f"audit-wapiti: Wapiti failed (exit status {status})")
        return 1
    report = json.loads(args.report.read_text())
    vulnerabilities = findings(report, "vulnerabilities")
    anomalies = findings(report, "anomalies")
    additionals = findings(report, "additionals")
    print(
        f"{report['infos']['version']}: {report['infos']['crawled_pages_nbr']} pages "
        f"crawled; {len(vulnerabilities)} vulnerabilities, {len(anomalies)} anomalies, "
        f"{len(additionals)} informational notes"
    )
    for title, lines in (("Vulnerabilities", vulnerabilities), ("Anomalies", anomalies)):
        if lines:
            print(f"{title}:", *lines, sep="\n")
    if additionals:
        print("Informational (not counted):", *additionals, sep="\n")
    cut = re.findall(r"Max attack time was reached for module (\w+)", output)
    if cut:
        print(f"Note: stopped at --max-attack-time {args.max_attack_time} s: {', '.join(cut)}")
    print(f"Report: {args.report}")
    return 1 if vulnerabilities or anomalies else 0


if __name__ == "__main__":
    sys.exit(main())
