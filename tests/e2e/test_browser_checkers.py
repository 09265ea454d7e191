"""axe-core and the Nu HTML Checker over every public page type in both languages."""

import json
import subprocess  # noqa: S404 - the checker runs with an argument list
import urllib.error
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from support.site_pages import ALL_PAGES

pytestmark = pytest.mark.e2e

axe = Axe()


@pytest.mark.parametrize("path", [path for _, path in ALL_PAGES], ids=[i for i, _ in ALL_PAGES])
def test_axe_finds_no_violation(page: Page, path):
    page.goto(path)
    results = axe.run(page)
    assert results.response["violations"] == [], results.generate_report()


def saved_error_page(url: str, folder) -> str:
    """The checker refuses to read a 404 response, so a 404 page is checked as a file."""
    try:
        urllib.request.urlopen(url, timeout=10)  # noqa: S310 - the loopback test server
    except urllib.error.HTTPError as error:
        target = folder / (url.rsplit("/", 1)[1] + ".html")
        target.write_bytes(error.read())
        return str(target)
    raise AssertionError(f"{url} was expected to be an error page")


def test_nu_html_checker_finds_no_error(live_site, vnu_command, tmp_path):
    targets = [
        saved_error_page(live_site.url + path, tmp_path)
        if name.startswith("not-found")
        else live_site.url + path
        for name, path in ALL_PAGES
    ]
    done = subprocess.run(  # noqa: S603 - fixed argument list
        [*vnu_command, *targets], capture_output=True, text=True, timeout=180
    )
    messages = json.loads(done.stdout)["messages"]
    errors = [m for m in messages if m["type"] in {"error", "non-document-error"}]
    report = "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert errors == [], report
    assert done.returncode == 0, done.stderr
