"""The site behind Debian's nginx with deploy/nginx.conf: pages, static files, photos, headers."""

import re
import urllib.error
import urllib.request

from http_client import AdminSession, FormValues, NoRedirects
from support import NGINX_ADMIN

SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url, headers=None):
    """(status, headers, body) of a GET, without following redirects."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_come_through_nginx(nginx_site):
    direct, front = nginx_site
    for path in ("/sk/", "/en/news/", SEED_SK, "/en/about-us"):
        status, headers, body = fetch(front + path)
        assert status == 200, path
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Hlboká 22" in body.decode()
    status, headers, _ = fetch(front + "/", {"Accept-Language": "en"})
    assert status == 302 and headers["Location"].endswith("/en/")
    status, _, body = fetch(front + "/en/no-such-page")
    assert status == 404 and "Page not found" in body.decode()


def test_no_server_version_is_disclosed(nginx_site):
    _, front = nginx_site
    _, headers, _ = fetch(front + "/sk/")
    assert headers["Server"] == "nginx"


def test_security_headers_on_everything_nginx_sends(nginx_site):
    _, front = nginx_site
    _, _, body = fetch(front + SEED_SK)
    html = body.decode()
    photo = re.search(r'<img src="(/media/[^"]+)"', html).group(1)
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    for path in (
        "/sk/",
        SEED_SK,
        "/en/missing",
        photo,
        css,
        "/static/css/site.css",
        "/media/missing.jpg",
        "/static/missing.css",
    ):
        _, headers, _ = fetch(front + path)
        assert "default-src 'none'" in headers["Content-Security-Policy"], path
        assert headers.get_all("Content-Security-Policy") == [headers["Content-Security-Policy"]]
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin", path
        assert "Strict-Transport-Security" not in headers, path  # plain HTTP


def test_public_pages_are_micro_cached_for_anonymous_visitors(nginx_site):
    _, front = nginx_site
    fetch(front + "/en/links")
    _, headers, _ = fetch(front + "/en/links")
    assert headers["X-Cache-Status"] == "HIT"
    assert headers["Set-Cookie"].startswith("lang=en;")
    _, headers, _ = fetch(front + "/en/links", {"Cookie": "session=abc"})
    assert headers["X-Cache-Status"] == "BYPASS"
    assert "X-Accel-Expires" not in headers  # nginx's instruction stays between the two


def test_errors_and_health_are_not_cached(nginx_site):
    _, front = nginx_site
    for path in ("/en/missing", "/healthz"):
        fetch(front + path)
        _, headers, _ = fetch(front + path)
        assert headers.get("X-Cache-Status") != "HIT", path


def test_revalidation_through_nginx(nginx_site):
    _, front = nginx_site
    _, headers, _ = fetch(front + "/sk/o-nas")
    status, _, body = fetch(front + "/sk/o-nas", {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_nginx_serves_hashed_static_files_for_a_year(nginx_site):
    direct, front = nginx_site
    _, _, body = fetch(front + "/sk/")
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    status, headers, body = fetch(front + css)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Cache-Status" not in headers  # served from disk, not proxied
    assert body == fetch(direct + css)[2]


def test_nginx_serves_photos_without_sniffing(nginx_site):
    _, front = nginx_site
    _, _, body = fetch(front + SEED_SK)
    photo = re.search(r'<img src="(/media/[^"]+)"', body.decode()).group(1)
    status, headers, body = fetch(front + photo)
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert body[:3] == b"\xff\xd8\xff"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in headers["Cache-Control"]
    assert fetch(front + "/media/../instance/secret_key")[0] in (400, 404)


def test_an_admin_never_sees_a_stale_page(nginx_site):
    _, front = nginx_site
    admin = AdminSession(front)
    admin.login(*NGINX_ADMIN)  # raises unless the login answers 302
    # Fill the micro-cache with the anonymous version of the contact data's page...
    fetch(front + "/en/about-us")
    assert fetch(front + "/en/about-us")[1]["X-Cache-Status"] == "HIT"
    # ...then change the footer through nginx, as an admin.
    form = admin.get("/admin/contact")
    assert form.status == 200 and form.headers["Cache-Control"] == "no-store"
    assert "X-Cache-Status" not in form.headers
    fields = FormValues(form.body).values
    fields.update(phone="+421 33 000 00 00", save="Save")
    assert admin.post("/admin/contact", fields).status == 302
    page = admin.get("/en/about-us")
    assert page.headers["X-Cache-Status"] == "BYPASS"
    assert "+421 33 000 00 00" in page.body
    assert 'value="+421 33 000 00 00"' in admin.get("/admin/contact").body
