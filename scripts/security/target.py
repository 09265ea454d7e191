"""The demo site on loopback for the audits: gunicorn, and nginx in front (HTTPS or not).

Every server runs on a loopback port between 18400 and 18439 and is stopped on exit.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "build" / "audit"
sys.path.insert(0, str(ROOT / "scripts"))

import localtls  # noqa: E402
import servers  # noqa: E402
from render_nginx import Tls  # noqa: E402


def stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into SystemExit, so the servers are stopped on the way out."""

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, leave)


@contextlib.contextmanager
def demo_site(folder: Path, https: bool) -> Iterator[str]:
    """The demo site behind nginx, state under ``folder``; yields the address to scan.

    With ``https`` nginx terminates TLS with a certificate from a throwaway local CA
    (``folder/tls/ca.pem``, for the scanner to trust) and the app is told so, exactly as in
    production (SITE_URL https://..., TRUSTED_PROXIES=1).
    """
    tls = None
    app_port = servers.free_port(18400, 18410)
    http_port = servers.free_port(18410, 18420)
    site_url = f"http://127.0.0.1:{http_port}"
    if https:
        certificate = localtls.make_local_tls(folder / "tls")
        https_port = servers.free_port(18420, 18430)
        tls = Tls(str(certificate.cert), str(certificate.key), f"127.0.0.1:{https_port}")
        site_url = f"https://127.0.0.1:{https_port}"
    env = servers.site_env(folder / "instance", TRUSTED_PROXIES="1", SITE_URL=site_url)
    servers.prepare_site(env, articles=0)
    with servers.behind_nginx(folder, env, app_port, http_port, tls) as (_, base):
        yield base
