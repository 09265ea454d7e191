"""The soak's public traffic: wrk cycling through the site's pages, and what it reported."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
PUBLIC_PATHS = [
    "/sk/",
    "/en/",
    "/sk/novinky/",
    "/en/news/",
    "/sk/novinky/?page=2",
    "/sk/novinky/?page=3",
    "/en/news/?page=2",
    SEED_SK,
    "/en/about-us",
]
# wrk cycles through the paths, one per request.
WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter %% #paths) + 1])
end
"""


def start_wrk(base: str, seconds: int, connections: int, folder: Path) -> subprocess.Popen:
    """wrk cycling through the public paths for ``seconds``."""
    script = folder / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in PUBLIC_PATHS))
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script)]
    return subprocess.Popen(
        [*args, base + "/"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def parse_wrk(output: str) -> dict[str, str]:
    """The figures of wrk's report; "errors" holds its error lines, if any."""
    figures = {"requests": "?", "rps": "?", "errors": ""}
    match = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    if match:
        figures["requests"], figures["duration"] = match.groups()
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match:
        figures["rps"] = match.group(1)
    for p in ("50", "90", "99"):
        match = re.search(rf"^\s+{p}%\s+(\S+)", output, re.M)
        figures[f"p{p}"] = match.group(1) if match else "?"
    # wrk counts every status of 400 or more here; 304s are 3xx and never counted.
    errors = re.findall(r"^\s*(Non-2xx or 3xx responses: \d+|Socket errors: .+)$", output, re.M)
    figures["errors"] = "; ".join(errors)
    return figures


def server_errors(access_log: Path) -> Counter:
    """5xx responses in gunicorn's access log, by status."""
    found: Counter = Counter()
    for line in access_log.read_text(errors="replace").splitlines():
        match = re.search(r'" (\d{3}) ', line)
        if match and match.group(1).startswith("5"):
            found[match.group(1)] += 1
    return found
