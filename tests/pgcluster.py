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


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian's layout), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(args: list[str]) -> list[str]:
    # initdb refuses to run as root; the server then runs as the postgres user.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextlib.contextmanager
def cluster(databases: tuple[str, ...] = ("eurobrew",)) -> Iterator[dict[str, str]]:
    """Start a cluster, create ``databases``, yield their URLs; stop and delete it after."""
    bindir = postgres_bin()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server (Debian package postgresql) is not installed")
    folder = Path(tempfile.mkdtemp(prefix="eurobrew-pg-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", free_port(15432, 15532)
    run = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        **run,
    )
    options = f"-c listen_addresses={LOOPBACK} -p {port} -k {folder} -c fsync=off"
    options += " -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-o",
                options,
                "start",
            ]
        ),
        **run,
    )
    try:
        for name in databases:
            subprocess.run(
                _as_postgres(
                    [
                        str(bindir / "createdb"),
                        "-h",
                        LOOPBACK,
                        "-p",
                        str(port),
                        "-U",
                        "postgres",
                        name,
                    ]
                ),
                **run,
            )
        yield {
            name: f"postgresql+psycopg://postgres@{LOOPBACK}:{port}/{name}" for name in databases
        }
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)
