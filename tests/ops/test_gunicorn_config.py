"""gunicorn with the project's gunicorn.conf.py leaves nothing behind in shared places."""

from __future__ import annotations

import os
import stat
import time
import urllib.request

import pytest

import servers


def sockets_under(folder) -> list[str]:
    return [str(p) for p in folder.rglob("*") if stat.S_ISSOCK(p.lstat().st_mode)]


def private_socket(path) -> bool:
    return path.is_socket() and stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_control_socket_in_the_home_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = servers.site_env(tmp_path / "instance", HOME=str(home), XDG_RUNTIME_DIR=str(home))
    port = servers.free_port(18500, 18520)
    with servers.gunicorn(env, port) as base:
        assert servers.fetch(base + "/healthz").status == 200
        time.sleep(2)  # gunicorn's default opens its socket a moment after the workers start
        assert not (home / ".gunicorn").exists()
        assert sockets_under(home) == [] and sockets_under(tmp_path / "instance") == []


def test_a_control_socket_only_where_configured_and_private(tmp_path):
    socket_path = tmp_path / "instance" / "gunicorn.ctl"
    env = servers.site_env(
        tmp_path / "instance", HOME=str(tmp_path), GUNICORN_CONTROL_SOCKET=str(socket_path)
    )
    port = servers.free_port(18500, 18520)
    with servers.gunicorn(env, port):
        # The master opens it once its workers run, and sets its mode just after binding it:
        # wait for that moment, then the mode must be the private one.
        deadline = time.monotonic() + 10
        while not private_socket(socket_path) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert socket_path.is_socket()
        assert stat.S_IMODE(os.stat(socket_path).st_mode) == 0o600
        assert sockets_under(tmp_path) == [str(socket_path)]


@pytest.mark.parametrize(("trusted", "secure"), [("0", False), ("1", True)])
def test_forwarded_headers_count_only_behind_a_trusted_proxy(tmp_path, trusted, secure):
    # A loopback client claims HTTPS; only with a proxy in front may that be believed.
    env = servers.site_env(tmp_path / "instance", TRUSTED_PROXIES=trusted, GUNICORN_WORKERS="1")
    servers.prepare_site(env, products=False)
    port = servers.free_port(18500, 18520)
    with servers.gunicorn(env, port) as base:
        request = urllib.request.Request(
            base + "/en/contact", headers={"X-Forwarded-Proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            cookies = response.headers.get_all("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    assert ("; Secure" in session) is secure


ARENAS_PROBE = """
import ctypes, os, runpy, sys, tempfile, threading
if sys.argv[1] == "config":
    runpy.run_path(sys.argv[2])
def work():
    kept = [bytearray(200) for _ in range(20000)]
    barrier.wait()
barrier = threading.Barrier(9)
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
barrier.wait()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
path = tempfile.mktemp()
stream = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(stream))
libc.fclose(ctypes.c_void_p(stream))
print(open(path).read().count("<heap nr="))
os.unlink(path)
"""


def test_the_config_lets_threads_share_two_malloc_heaps(tmp_path):
    """Eight threads allocating at once: glibc gives them heaps of their own, unless the
    config has limited them (a grown site's workers kept less memory with two)."""
    import subprocess
    import sys

    config = str(servers.ROOT / "gunicorn.conf.py")
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}

    def heaps(mode: str) -> int:
        run = [sys.executable, "-c", ARENAS_PROBE, mode, config]
        return int(subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout)

    assert heaps("config") <= 2 < heaps("plain")
