"""An editor in a real browser changes only the Slovak text of an article: the preview shows
the page with its photo in a tab of its own, the form stays as typed, and the save leaves the
English translation untouched although the browser sends every text area with CRLF."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from support.e2e_accounts import ADMIN
from support.site_pages import SEED_EN

pytestmark = pytest.mark.e2e

ADDED_SK = "Dohoda sa týka aj pivovarníckych strojov."


def log_in(page: Page) -> None:
    page.goto("/admin/login")
    page.get_by_label("Username").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def english_text(page: Page) -> str:
    page.goto(SEED_EN)
    return page.locator("article").inner_text()


@pytest.mark.browser_context_args(locale="en-GB")
def test_a_slovak_only_edit_previews_with_the_photo_and_leaves_english_alone(
    page: Page, screenshot_folder
):
    english_before = english_text(page)
    log_in(page)
    page.goto("/admin/articles/1/edit")  # the demo's first article, with a photo
    expect(page.locator("#en-title")).to_have_value(
        "Japan proposes US purchase of semiconductor products"
    )
    body = page.locator("#sk-body")
    typed = body.input_value() + "\n\n" + ADDED_SK
    assert "\n" in page.locator("#en-body").input_value()  # sent back as CRLF by the browser
    body.fill(typed)

    # The preview opens the Slovak public page in its own tab, with the photo.
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Preview (Slovak)").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("html")).to_have_attribute("lang", "sk")
    expect(preview.locator(".preview-bar")).to_contain_text("neuložené, nezverejnené")
    expect(preview.locator("article .body")).to_contain_text(ADDED_SK)
    photo = preview.locator("article figure.photo img")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth") > 0
    checked = Axe().run(preview)
    assert checked.response["violations"] == [], checked.generate_report()
    preview.screenshot(path=str(screenshot_folder / "preview-article-sk.png"), full_page=True)
    preview.close()

    # The form is as it was typed, and saves.
    expect(body).to_have_value(typed)
    page.locator("#save").click()
    expect(page.locator(".flash-success")).to_contain_text("The article was saved.")

    # The newest revision changed the Slovak text and nothing in English.
    # Each step waits for its page: reading the list at once may read the page before it.
    page.get_by_role("link", name="History").click()
    page.wait_for_url(re.compile(r"/admin/history/article/1$"))
    page.locator("table a").first.click()
    page.wait_for_url(re.compile(r"/admin/history/article/1/\d+$"))
    expect(page.locator("dl.changes dt")).to_have_text(["Text (Slovak)"])
    expect(page.locator("dl.changes dd ins")).to_contain_text("pivovarníckych")

    assert english_text(page) == english_before
