"""gunicorn settings for the site; every value can be overridden from the environment."""

import ctypes
import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "0"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The app is imported once in the master so that workers share its memory.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") not in {"0", "false", "no"}
# gunicorn 24+ opens a control socket, by default in the home folder (~/.gunicorn/), shared
# by every gunicorn of that user on the machine: two sites, or a site and its tests, would
# talk to each other's master. Off unless GUNICORN_CONTROL_SOCKET names a path of its own.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
    control_socket_mode = 0o600
else:
    control_socket_disable = True
# X-Forwarded-Proto and the like are believed only from the proxies the site is told sit in
# front (TRUSTED_PROXIES, as the app's ProxyFix): gunicorn's default trusts any loopback
# client, so a local request could make itself "HTTPS" with one header.
if int(os.environ.get("TRUSTED_PROXIES") or 0) > 0:
    forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
else:
    forwarded_allow_ips = ""

# glibc's M_ARENA_MAX (malloc.h): how many heaps threads may allocate from.
M_ARENA_MAX = -8
MALLOC_ARENAS = int(os.environ.get("GUNICORN_MALLOC_ARENAS", "2"))


def limit_malloc_arenas(count: int) -> bool:
    """Let the process's threads share ``count`` malloc heaps (glibc; elsewhere nothing).

    glibc gives threads heaps of their own, up to eight per core; each keeps the high-water
    mark of what its threads once held. A worker's four threads then kept about 8 MB more
    after its site had grown from 1,000 to 100,000 articles than a worker started at
    100,000 did (make bench: private memory 1.26-1.27 x; with two heaps 1.16). The Python
    threads take turns anyway (the GIL), so sharing heaps costs them nothing. Set before
    any thread starts; MALLOC_ARENA_MAX in the environment, read by glibc itself, wins.
    """
    if count <= 0 or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc
        return False
    return bool(libc.mallopt(M_ARENA_MAX, count))


limit_malloc_arenas(MALLOC_ARENAS)


def pre_fork(server, worker):
    """Before each worker is forked, move the preloaded app's objects out of the collector's
    reach (``gc.freeze``): a worker's collections no longer write to them, so the memory
    pages holding them stay shared with the master instead of being copied into every
    worker (measured: 57-59 MB of private memory per busy worker -> 35 MB)."""
    gc.freeze()
