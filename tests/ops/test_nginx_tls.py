"""The site over HTTPS behind nginx (render_nginx.py --tls-cert/--tls-key): a valid config,
plain HTTP redirected to HTTPS, HSTS once on every response, HTTP/2, secure cookies."""

import os
import re
import socket
import ssl
import subprocess
import urllib.error
import urllib.request

import pytest

import localtls
import servers
from http_client import NoRedirects
from render_nginx import Tls, render_site, render_standalone
from support import tool_missing

HSTS = "max-age=63072000; includeSubDomains"
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"


def need_tools():
    if servers.nginx_path() is None:
        tool_missing("nginx (Debian package nginx-light)")
    if localtls.openssl_path() is None:
        tool_missing("openssl (Debian package openssl)")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    need_tools()
    return localtls.make_local_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def site(tmp_path_factory, certificate):
    """gunicorn (SITE_URL https://...) behind nginx with TLS; yields (http, https) URLs."""
    folder = tmp_path_factory.mktemp("nginx-tls-site")
    app_port = servers.free_port(18440, 18450)
    http_port = servers.free_port(18450, 18460)
    https_port = servers.free_port(18460, 18470)
    env = servers.site_env(
        folder / "instance",
        os.environ.get("TEST_E2E_DATABASE_URL"),
        TRUSTED_PROXIES="1",
        SITE_URL=f"https://127.0.0.1:{https_port}",
        GUNICORN_WORKERS="2",
        PAGE_CACHE_MB="0",
    )
    servers.prepare_site(env, articles=0, products=False)
    tls = Tls(str(certificate.cert), str(certificate.key), f"127.0.0.1:{https_port}")
    with servers.behind_nginx(folder, env, app_port, http_port, tls) as (_, https):
        yield f"http://127.0.0.1:{http_port}", https


@pytest.fixture(scope="module")
def fetch(certificate):
    """GET without following redirects, trusting the local CA: (status, headers, body)."""
    context = ssl.create_default_context(cafile=str(certificate.ca))
    opener = urllib.request.build_opener(NoRedirects, urllib.request.HTTPSHandler(context=context))

    def get(url):
        try:
            with opener.open(url, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    return get


SITE_VALUES = {
    "UPSTREAM": "127.0.0.1:8000",
    "LISTEN": "80",
    "SERVER_NAME": "www.example.sk",
    "STATIC_ROOT": "/srv/static",
    "MEDIA_ROOT": "/srv/media",
    "CACHE_DIR": "/var/cache/nginx/eurobrew",
    "MAX_BODY": "10m",
}


def test_plain_config_has_no_tls_and_https_adds_a_redirect():
    plain = render_site(**SITE_VALUES)
    assert not re.search(r"\$\{[A-Z_]+\}", plain)  # every placeholder filled
    assert "ssl_certificate" not in plain and "return 301" not in plain
    assert re.findall(r"listen (.+);", plain) == ["80", "80 default_server"]
    https = render_site(Tls("/c.pem", "/k.pem"), **SITE_VALUES)
    assert not re.search(r"\$\{[A-Z_]+\}", https)
    assert re.findall(r"listen (.+);", https) == [
        "443 ssl http2",
        "80",
        "80 default_server",
        "443 ssl http2 default_server",
    ]
    assert "return 301 https://$host$request_uri;" in https  # the default port is implied
    on_a_port = render_site(Tls("/c.pem", "/k.pem", "127.0.0.1:8443"), **SITE_VALUES)
    assert "return 301 https://$host:8443$request_uri;" in on_a_port


def test_rendered_tls_config_is_valid(tmp_path, certificate):
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    config = prefix / "nginx.conf"
    config.write_text(
        render_standalone(
            prefix,
            Tls(str(certificate.cert), str(certificate.key), "127.0.0.1:18443"),
            UPSTREAM="127.0.0.1:18441",
            LISTEN="127.0.0.1:18480",
            SERVER_NAME="localhost 127.0.0.1",
            STATIC_ROOT=str(servers.STATIC_ROOT),
            MEDIA_ROOT=str(tmp_path / "media"),
            CACHE_DIR=str(prefix / "cache"),
            MAX_BODY="10m",
        )
    )
    result = subprocess.run(
        [servers.nginx_path(), "-t", "-p", str(prefix), "-c", str(config), "-e", "stderr"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_plain_http_is_redirected_to_https(site, fetch):
    http, https = site
    for path in ("/", "/sk/", SEED_EN + "?x=1", "/static/css/site.css", "/no-such-page"):
        status, headers, body = fetch(http + path)
        assert status == 301, path
        assert headers["Location"] == https + path
        assert "Strict-Transport-Security" not in headers  # meaningless over plain HTTP


def test_plain_http_on_the_https_port_is_redirected(site, fetch):
    _, https = site
    status, headers, _ = fetch(https.replace("https:", "http:") + "/en/")
    assert status == 301 and headers["Location"] == https + "/en/"


def test_hsts_once_on_every_https_response(site, fetch):
    _, https = site
    _, _, body = fetch(https + SEED_EN)
    html = body.decode()
    photo = re.search(r'<img src="(/media/[^"]+)"', html).group(1)
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    for path in ("/", "/sk/", SEED_EN, "/en/missing", "/healthz", photo, css, "/static/no.css"):
        status, headers, _ = fetch(https + path)
        assert headers.get_all("Strict-Transport-Security") == [HSTS], (path, status)
        assert "default-src 'none'" in headers["Content-Security-Policy"], path
        assert headers["Server"] == "nginx", path


def test_app_sees_https_and_marks_cookies_secure(site, fetch):
    _, https = site
    status, headers, _ = fetch(https + "/")
    assert status == 302 and headers["Location"].endswith("/sk/")
    status, headers, _ = fetch(https + "/en/links")
    cookie = headers["Set-Cookie"]
    assert status == 200 and cookie.startswith("lang=en;")
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_http2_over_modern_tls(site, certificate):
    _, https = site
    host, port = https.removeprefix("https://").rsplit(":", 1)
    context = ssl.create_default_context(cafile=str(certificate.ca))
    context.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection((host, int(port)), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        assert tls.selected_alpn_protocol() == "h2"
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
