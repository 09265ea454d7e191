"""Through nginx: requests for other names are closed, and the micro-cache keeps no stranger's host.

Uses the site of test_nginx.py (gunicorn behind nginx, micro-cache on, SITE_URL = nginx's
address); requests are written byte for byte, so Host headers and request lines are exactly
what an attacker would send.
"""

from __future__ import annotations

import re
import socket
from urllib.parse import urlsplit

import pytest

SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"
PATHS = [
    "/en/",
    "/sk/novinky/",
    "/en/news/?page=2",
    SEED_EN,
    "/en/about-us",
    "/en/news/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
]
ABSOLUTE_URL = re.compile(
    r'(?:href|content)="(https?://[^"]+)"|<(?:loc|id)>(https?://[^<]+)<|Sitemap: (\S+)'
)
FOREIGN = ("https://www.tasr.sk", "http://www.sitemaps.org", "http://www.w3.org")


def raw_get(port: int, target: str, host: str | None) -> tuple[int | None, dict[str, str], str]:
    """Send ``GET target`` with exactly this Host (or none); status None if closed unanswered."""
    lines = [f"GET {target} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += ["Connection: close", "", ""]
    data = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall("\r\n".join(lines).encode("latin-1"))
        while chunk := connection.recv(65536):
            data += chunk
    if not data:
        return None, {}, ""
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    if headers.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    return int(status_line.split()[1]), headers, body.decode("utf-8", "replace")


def dechunk(body: bytes) -> bytes:
    """The payload of a chunked body."""
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out, body = out + rest[:size], rest[size + 2 :]
    return out


def site_urls(body: str) -> list[str]:
    found = ["".join(groups) for groups in ABSOLUTE_URL.findall(body)]
    return [url for url in found if not url.startswith(FOREIGN)]


@pytest.mark.parametrize(
    ("target", "host"),
    [
        ("/en/", "evil.example"),
        ("/en/", "evil.example:8000"),
        ("/en/", "www.eurobrew.sk"),
        ("http://evil.example/en/", "127.0.0.1"),
    ],
    ids=["other name", "other name and port", "a name not configured", "absolute request line"],
)
def test_requests_for_other_names_are_closed_unanswered(nginx_site, target, host):
    _, front = nginx_site
    status, _, _ = raw_get(urlsplit(front).port, target, host)
    assert status is None


def test_a_request_without_a_host_is_refused(nginx_site):
    _, front = nginx_site
    status, _, _ = raw_get(urlsplit(front).port, "/en/", None)
    assert status == 400


@pytest.mark.parametrize("path", PATHS)
def test_the_micro_cache_never_keeps_a_strangers_host(nginx_site, path):
    _, front = nginx_site
    port = urlsplit(front).port
    hostile = [
        (path, f"127.0.0.1:{port + 1}"),
        (path, "127.0.0.1:x"),
        (path, "LOCALHOST:6666"),
        (f"http://localhost:6666{path}", "127.0.0.1"),
    ]
    for target, host in hostile * 3:
        status, _, body = raw_get(port, target, host)
        assert status in (200, None, 400), (target, host, status)
        assert "localhost" not in body.lower() and "127.0.0.1:x" not in body
        assert f"127.0.0.1:{port + 1}" not in body
    status, headers, body = raw_get(port, path, f"127.0.0.1:{port}")
    assert status == 200
    assert headers["x-cache-status"] == "HIT"  # the page the hostile requests left behind
    urls = site_urls(body)
    assert urls and all(url.startswith(front + "/") for url in urls), urls


@pytest.mark.parametrize(
    ("target", "host"),
    [("http://evil.example/en/", None), ("/en/", "evil.example"), ("/en/", "")],
    ids=["absolute request line", "other name", "empty"],
)
def test_gunicorn_alone_answers_other_names_with_400(nginx_site, target, host):
    direct, _ = nginx_site
    port = urlsplit(direct).port
    status, _, body = raw_get(port, target, host if host is not None else f"127.0.0.1:{port}")
    assert status == 400 and "does not serve that host name" in body
