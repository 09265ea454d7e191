"""wrk runs and their figures: requests per second, latency percentiles, errors."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

CRAWL_SCRIPT = Path(__file__).resolve().parent / "crawl.lua"
THREADS = 2  # one per core of the machine the figures were taken on


@dataclass
class Result:
    """One wrk run; ``cpu_ms`` is the workers' CPU time per request when it was read."""

    name: str
    url: str
    rps: float
    p50: str
    p90: str
    p99: str
    errors: str = ""
    requests: int = 0
    cpu_ms: float | None = None


def wrk_command(
    url: str,
    seconds: int,
    connections: int,
    headers: dict[str, str] | None = None,
    paths_file: Path | None = None,
) -> list[str]:
    """The wrk command line; with ``paths_file``, crawl.lua asks for each path it lists."""
    args = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for key, value in (headers or {}).items():
        args += ["-H", f"{key}: {value}"]
    if paths_file:
        return [*args, "-s", str(CRAWL_SCRIPT), url, "--", str(paths_file), str(THREADS)]
    return [*args, url]


def parse(name: str, url: str, output: str) -> Result:
    """The figures wrk printed."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))

    def percentile(p: str) -> str:
        match = re.search(rf"^\s+{p}%\s+(\S+)", output, re.M)
        return match.group(1) if match else "?"

    errors = []
    for label in ("Non-2xx or 3xx responses", "Socket errors"):
        match = re.search(rf"{label}:\s*(.+)", output)
        if match:
            errors.append(f"{label}: {match.group(1).strip()}")
    return Result(
        name,
        url,
        rps,
        percentile("50"),
        percentile("90"),
        percentile("99"),
        "; ".join(errors),
        requests,
    )


def run_wrk(
    name: str,
    url: str,
    seconds: int,
    connections: int,
    headers: dict[str, str] | None = None,
    paths_file: Path | None = None,
) -> Result:
    """wrk against ``url`` (or the paths in ``paths_file`` on its host); the parsed figures."""
    command = wrk_command(url, seconds, connections, headers, paths_file)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse(name, url, output)


def results_table(results: list[Result], baseline: float) -> str:
    """The measurements as a Markdown table, with their ratio to ``baseline`` req/s."""
    lines = [
        "| measurement | req/s | ratio to hello-world | p50 | p90 | p99 | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.rps:,.0f} | {r.rps / baseline:.2f} | {r.p50} | {r.p90} "
            f"| {r.p99} | {r.errors or '-'} |"
        )
    return "\n".join(lines)
