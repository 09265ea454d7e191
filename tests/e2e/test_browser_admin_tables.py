"""The admin's tables on a 375 px phone: the page never scrolls sideways, and a table wider
than the screen scrolls in its own labelled box, which the keyboard can scroll too."""

import re
import time

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from support.e2e_accounts import ADMIN

pytestmark = pytest.mark.e2e

LISTS = [
    "/admin/",
    "/admin/articles/",
    "/admin/pages/",
    "/admin/messages/",
    "/admin/trash/",
    "/admin/translations/",
    "/admin/sessions",
]

# Each list table: how much wider it is than the box it sits in, and the scrolling box
# around it (overflow, role, name, tab stop), if there is one.
TABLES = """() => [...document.querySelectorAll("table.list")].map(table => {
  const box = table.closest(".table-scroll");
  const style = box && getComputedStyle(box);
  return {
    overflow: table.getBoundingClientRect().right - (box || table.parentElement)
      .getBoundingClientRect().right,
    scrolls: Boolean(style && ["auto", "scroll"].includes(style.overflowX)),
    role: box && box.getAttribute("role"),
    name: box && (box.getAttribute("aria-label") || ""),
    tabindex: box && box.tabIndex,
  };
})"""


def log_in(page: Page) -> None:
    page.goto("/admin/login")
    page.get_by_label("Username").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def fill_the_inbox_and_the_trash(page: Page) -> None:
    """A contact message for the inbox and a trashed article, so both lists show a table."""
    page.goto("/en/contact")
    page.get_by_label("Your name", exact=True).fill("Ján Kováč")
    page.get_by_label("E-mail", exact=True).fill("jan.kovac@example.sk")
    page.get_by_label("Message", exact=True).fill("Dobrý deň, posielate aj cenník prekladov?")
    page.get_by_role("checkbox").check()
    # The form refuses what is sent within CONTACT_MIN_SECONDS (3) of showing it, counted
    # from its signed start time in whole seconds (up to a second earlier than shown):
    # 3.5 s let the form be refused as too fast when the page came early in a second.
    time.sleep(4.5)
    page.get_by_role("button", name=re.compile("Send")).click()
    # The message is stored before the thank-you page shows: wait for it (the next goto
    # would otherwise cut the POST short on a busy machine), or say why it did not come.
    try:
        page.wait_for_url(re.compile(r"/en/contact/thank-you$"), timeout=15_000)
    except PlaywrightTimeout:
        pytest.fail(f"the message was not sent: {page.url}\n{page.locator('main').inner_text()}")
    page.goto("/admin/articles/?q=report")
    page.get_by_role("link", name="Delete").first.click()
    page.get_by_role("button", name="Move to the trash").click()


@pytest.mark.browser_context_args(locale="en-GB")
def test_admin_lists_fit_a_phone_and_keep_every_column_reachable(page: Page):
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page)
    fill_the_inbox_and_the_trash(page)
    for path in LISTS:
        page.goto(path)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide in a {widths[1]} px window"
        tables = page.evaluate(TABLES)
        assert tables, f"{path} shows no table"
        for table in tables:
            if table["overflow"] > 0:  # wider than the screen: its own box must scroll
                assert table["scrolls"] and table["tabindex"] == 0, (path, table)
                assert table["role"] == "region" and table["name"].strip(), (path, table)


@pytest.mark.browser_context_args(locale="en-GB")
def test_the_keyboard_scrolls_a_wide_table_to_its_last_column(page: Page):
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page)
    page.goto("/admin/articles/")
    box = page.get_by_role("region", name="Articles")
    box.focus()
    expect(box).to_be_focused()
    end = box.evaluate("box => box.scrollWidth - box.clientWidth")
    assert end > 0, "the table fits the screen: nothing to scroll"
    for _ in range(60):  # each press scrolls a step, smoothly: wait for it before the next
        if box.evaluate("box => box.scrollLeft") >= end - 1:
            break
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(60)
    # The last column's links (Delete) are now in view inside the box.
    last = page.get_by_role("link", name="Delete").first
    in_view = last.evaluate(
        """link => { const a = link.getBoundingClientRect();
            const b = link.closest(".table-scroll").getBoundingClientRect();
            return a.left >= b.left && a.right <= b.right; }"""
    )
    assert in_view
