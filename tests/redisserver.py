"""A throwaway Redis on a loopback port, which a test can stop and start again."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import redis

from servers import free_port

# Loopback ports the Redis tests may use.
PORTS = (18700, 18750)


def redis_server_path() -> str | None:
    """The redis-server binary, when installed."""
    return shutil.which("redis-server")


class RedisServer:
    """redis-server on 127.0.0.1:``port``, keeping nothing on disk."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port(*PORTS)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=5)

    def start(self) -> RedisServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [
            redis_server_path() or "redis-server",
            *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)),
            *("--save", "", "--appendonly", "no", "--logfile", str(self.folder / "redis.log")),
        ]
        self.process = subprocess.Popen(command)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return self
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.folder / "redis.log").read_text(errors="replace")
                    raise RuntimeError(f"redis-server did not start:\n{log}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
