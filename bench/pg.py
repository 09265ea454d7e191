"""A throwaway PostgreSQL cluster for the bench, on a loopback port of its own."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import servers

PORTS = (15700, 15800)  # clear of the test suite's clusters (15432-15531)


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian's layout), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class Cluster:
    """A cluster in a temporary folder the postgres user owns (initdb refuses root)."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="eurobrew-bench-pg-"))
        self.folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.port = servers.free_port(*PORTS)

    def run(self, program: str, *args: str) -> None:
        """A PostgreSQL program, as the postgres user when the bench runs as root."""
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        """initdb, then start the server (no fsync: the bench measures reads)."""
        data = str(self.folder / "data")
        self.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8")  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.folder / "log")
        self.run("pg_ctl", "-D", data, "-l", log, "-w", "-o", options, "start")

    def create_database(self, name: str, template: str = "") -> str:
        """Create database ``name`` (a copy of database ``template`` if given, which no one
        may be connected to); its SQLAlchemy URL."""
        copied = ("--template", template) if template else ()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                 *copied, name)  # fmt: skip
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self) -> None:
        """Stop the server, disconnecting every client, and delete its folder."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def cluster() -> Iterator[Cluster | None]:
    """A started cluster, removed afterwards; None when PostgreSQL is not installed."""
    bindir = postgres_bin()
    if bindir is None:
        yield None
        return
    server = Cluster(bindir)
    try:
        server.start()
        yield server
    finally:
        server.remove()
