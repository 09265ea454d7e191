"""An admin places a library image in a page through the editor's list of images, in a real
browser: the script puts the image's code where the cursor is, and after saving the public
page shows the picture with the alt text of its language."""

import re

import pytest
from playwright.sync_api import Page, expect

from support.e2e_accounts import ADMIN

pytestmark = pytest.mark.e2e

PUBLIC = "/en/activities"
BREWHOUSE_ALT = re.compile(r"^A three-vessel brewhouse")


def log_in(page: Page) -> None:
    page.goto("/admin/login")
    page.get_by_label("Username").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.mark.browser_context_args(locale="en-GB")
def test_an_image_inserted_from_the_library_shows_on_the_public_page(page: Page):
    page.goto(PUBLIC)
    expect(page.locator("main .body img")).to_have_count(0)
    log_in(page)
    page.goto("/admin/pages/")
    page.locator("table").get_by_role("link", name="Activities", exact=True).click()
    body = page.locator("#en-body")
    expect(body).to_have_value(re.compile("^At the heart of our work"))
    first_paragraph_end = body.input_value().index("\n\n")
    body.focus()
    body.evaluate("(field, at) => field.setSelectionRange(at, at)", first_paragraph_end)

    english = page.locator('fieldset[lang="en"]')
    english.get_by_text("Insert an image from the library").click()
    item = english.locator(".media-grid li").filter(has=page.locator("img[alt^='A three-vessel']"))
    number = re.search(r"\d+", item.locator("code").inner_text())[0]
    item.get_by_role("button").click()

    code = f"![](media:{number})"
    text = body.input_value()
    assert text.index(code) == first_paragraph_end + 2  # at the cursor, a paragraph of its own
    assert text.count(code) == 1 and text.startswith("At the heart of our work")
    expect(english.locator("details.media-picker")).not_to_have_attribute("open", "")
    page.locator("#save").click()
    expect(page.locator(".flash-success")).to_be_visible()

    page.goto(PUBLIC)
    picture = page.locator("main .body figure.photo img")
    expect(picture).to_have_attribute("alt", BREWHOUSE_ALT)
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth") > 0
    # It stands after the first paragraph, where the cursor was.
    assert page.locator("main .body > :nth-child(2)").evaluate("e => e.tagName") == "FIGURE"
    page.goto("/sk/aktivity")
    expect(page.locator("main .body img")).to_have_count(0)  # only the English text has it
