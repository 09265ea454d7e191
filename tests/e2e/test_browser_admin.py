"""An admin in a real browser: log in, write an article in both languages with a photo,
publish it, find it on both public lists and in the feed, edit its Slovak title, log out."""

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Page, expect

from support.e2e_accounts import ADMIN

pytestmark = pytest.mark.e2e

TITLE_SK = "Trnavský pivovar otvára nové laboratórium"
TITLE_EN = "Trnava brewery opens a new laboratory"
TITLE_SK_EDITED = "Trnavský pivovar otvoril nové laboratórium"


def jpeg(tmp_path):
    path = tmp_path / "laboratorium.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1400, 800), (40, 90, 140)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def log_in(page: Page) -> None:
    page.goto("/admin/login")
    page.get_by_label("Username").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.mark.browser_context_args(locale="en-GB")
def test_admin_writes_publishes_edits_and_logs_out(page: Page, base_url, tmp_path):
    log_in(page)
    page.goto("/admin/articles/new")
    page.locator("#sk-title").fill(TITLE_SK)
    page.locator("#sk-place").fill("Trnava")
    page.locator("#sk-body").fill("Laboratórium bude skúmať **kvasinky**.")
    page.locator("#sk-photo_alt").fill("Nové laboratórium pivovaru")
    page.locator("#en-title").fill(TITLE_EN)
    page.locator("#en-place").fill("Trnava")
    page.locator("#en-body").fill("The laboratory will study **yeast**.")
    page.locator("#en-photo_alt").fill("The brewery's new laboratory")
    page.locator("#published_on").fill("2030-01-01")  # newest of all: first on the lists
    page.locator("#status").select_option("published")
    page.locator("#photo").set_input_files(jpeg(tmp_path))
    page.locator("#photo_credit").fill("Euro-Brew")
    page.locator("#save").click()
    expect(page.locator("#sk-title")).to_have_value(TITLE_SK)  # back on the edit form

    # Both public lists show it at once, with its photo on the article page.
    page.goto("/sk/novinky/")
    expect(page.locator("article h2").first).to_have_text(TITLE_SK)
    page.goto("/en/news/")
    expect(page.locator("article h2").first).to_have_text(TITLE_EN)
    page.get_by_role("link", name=TITLE_EN).click()
    photo = page.get_by_role("img", name="The brewery's new laboratory")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.naturalWidth") > 0
    feed = page.request.get(f"{base_url}/en/news/feed.xml")
    assert feed.ok and TITLE_EN in feed.text()

    # The Slovak title is corrected; the English one stays.
    page.goto("/admin/articles/")
    page.get_by_role("link", name=re.compile("Trnava brewery|Trnavský pivovar")).first.click()
    page.locator("#sk-title").fill(TITLE_SK_EDITED)
    page.locator("#save").click()
    expect(page.locator("#sk-title")).to_have_value(TITLE_SK_EDITED)
    page.goto("/sk/novinky/")
    expect(page.locator("article h2").first).to_have_text(TITLE_SK_EDITED)
    page.goto("/en/news/")
    expect(page.locator("article h2").first).to_have_text(TITLE_EN)

    # Logging out ends the session: the admin pages ask for a login again.
    page.goto("/admin/")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login"))
    page.goto("/admin/articles/")
    expect(page).to_have_url(re.compile(r"/admin/login"))


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_admin_login_form_has_no_accessibility_violation(page: Page, base_url, lang):
    page.context.add_cookies([{"name": "lang", "value": lang, "url": base_url}])
    page.goto("/admin/login")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    results = Axe().run(page)
    assert results.response["violations"] == [], results.generate_report()
