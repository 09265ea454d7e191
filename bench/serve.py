"""gunicorn under the bench: its workers' CPU time per request and private memory."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wrk import Result, run_wrk

import servers

TICKS = os.sysconf("SC_CLK_TCK")


def children_of(master: int) -> list[int]:
    """The processes whose parent is ``master``: gunicorn's workers."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == master:
            pids.append(int(entry.name))
    return sorted(pids)


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes have used so far (utime + stime)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue  # a worker that was replaced meanwhile
        total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)
    return total / TICKS


def private_mb(pid: int) -> float:
    """A process's private memory (Private_Clean + Private_Dirty of smaps_rollup), in MB."""
    kb = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            kb += int(line.split()[1])
    return kb / 1024


@dataclass
class Server:
    """A gunicorn serving at ``base``; its master's pid is in ``pid_file``."""

    base: str
    pid_file: Path

    def workers(self) -> list[int]:
        """The worker processes' ids."""
        return children_of(int(self.pid_file.read_text()))

    def memory(self) -> list[float]:
        """Each worker's private memory in MB."""
        return [private_mb(pid) for pid in self.workers()]

    def warm_up(self, paths: list[str], paths_file: Path, connections: int) -> None:
        """Every worker answers every path before anything is measured (crawl.lua over them)."""
        paths_file.write_text("\n".join(paths) + "\n")
        run_wrk("warm-up", self.base + "/", 2, connections, paths_file=paths_file)

    def wrk(self, name: str, path: str, seconds: int, connections: int, **options) -> Result:
        """wrk against ``path``, with the workers' CPU time per request it cost."""
        pids = self.workers()
        before = cpu_seconds(pids)
        result = run_wrk(name, self.base + path, seconds, connections, **options)
        if result.requests:
            result.cpu_ms = (cpu_seconds(pids) - before) * 1000 / result.requests
        return result


@contextlib.contextmanager
def serve(
    env: dict[str, str],
    ports: tuple[int, int],
    log: Path,
    app: str = "wsgi:app",
    health: str = "/healthz",
) -> Iterator[Server]:
    """``app`` under gunicorn with the project's gunicorn.conf.py, its master's pid noted."""
    pid_file = log.with_suffix(".pid")
    env = dict(env, GUNICORN_CMD_ARGS=f"--pid {pid_file}")
    port = servers.free_port(*ports)
    with servers.gunicorn(env, port, app=app, log=log, health=health) as base:
        server = Server(base, pid_file)
        wait_for_workers(server, int(env.get("GUNICORN_WORKERS") or os.cpu_count() * 2 + 1))
        yield server


def wait_for_workers(server: Server, wanted: int, timeout: float = 20) -> None:
    """Wait until the ``wanted`` workers (gunicorn.conf.py's count) have started."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.pid_file.exists() and len(server.workers()) >= wanted:
            return
        time.sleep(0.1)
