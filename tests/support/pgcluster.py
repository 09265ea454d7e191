"""A throwaway PostgreSQL cluster on a loopback port, in a temporary folder."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from servers import free_port

LOOPBACK = "127.0.0.1"
PORTS = (15432, 15532)  # the test suite's own cluster


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian's layout), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(args: list[str]) -> list[str]:
    # initdb refuses to run as root; the server then runs as the postgres user.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class Cluster:
    """A cluster in a temporary folder that can be stopped and started again on its port."""

    def __init__(self, ports: tuple[int, int] = PORTS):
        bindir = postgres_bin()
        if bindir is None:
            raise FileNotFoundError(
                "PostgreSQL server (Debian package postgresql) is not installed"
            )
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="eurobrew-pg-"))
        self.folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        self.port = free_port(*ports)
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        subprocess.run(
            _as_postgres([str(self.bindir / program), *args]),
            check=check,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-c listen_addresses={LOOPBACK} -p {self.port} -k {self.folder} -c fsync=off"
        options += " -c synchronous_commit=off -c full_page_writes=off"
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")

    def stop(self) -> None:
        """Stop the server at once, disconnecting every client (``pg_ctl -m fast``)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def create_database(self, name: str) -> str:
        """Create ``name`` and return its SQLAlchemy URL."""
        self._run("createdb", "-h", LOOPBACK, "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def url(self, name: str) -> str:
        """The SQLAlchemy URL of database ``name`` on this cluster."""
        return f"postgresql+psycopg://postgres@{LOOPBACK}:{self.port}/{name}"

    def remove(self) -> None:
        """Stop the server and delete its folder."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def running_cluster(ports: tuple[int, int] = PORTS) -> Iterator[Cluster]:
    """A started cluster, removed afterwards whatever state it was left in."""
    server = Cluster(ports)
    try:
        server.start()
        yield server
    finally:
        server.remove()


@contextlib.contextmanager
def cluster(databases: tuple[str, ...] = ("eurobrew",)) -> Iterator[dict[str, str]]:
    """Start a cluster, create ``databases``, yield their URLs; stop and delete it after."""
    with running_cluster() as server:
        yield {name: server.create_database(name) for name in databases}
