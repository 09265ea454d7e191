"""A visitor in a real browser, with JavaScript off: public pages must not need it."""

import re

import pytest
from playwright.sync_api import Page, expect

from support.site_pages import SEED_EN, SEED_SK

pytestmark = pytest.mark.e2e

SEED_TITLE_SK = "Japonsko navrhuje nákup amerických polovodičových produktov"
SEED_TITLE_EN = "Japan proposes US purchase of semiconductor products"


@pytest.mark.browser_context_args(locale="sk-SK", java_script_enabled=False)
def test_slovak_visitor_reads_switches_and_pages_back(page: Page, base_url):
    # A Slovak browser lands on the Slovak home.
    page.goto("/")
    expect(page).to_have_url(f"{base_url}/sk/")
    expect(page.locator("html")).to_have_attribute("lang", "sk")

    # The seed article is older than the generated news: page through to find it.
    page.get_by_role("navigation", name="Hlavné menu").get_by_role("link", name="Aktuality").click()
    expect(page).to_have_url(f"{base_url}/sk/novinky/")
    seed_link = page.get_by_role("link", name=SEED_TITLE_SK)
    pages_seen = 1
    while not seed_link.count():
        page.get_by_role("link", name="Staršie články").click()
        pages_seen += 1
        expect(page.locator(".pagination .position")).to_contain_text(f"Strana {pages_seen} z")
    seed_link.click()
    expect(page).to_have_url(base_url + SEED_SK)
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE_SK)
    expect(page.get_by_role("img", name="Polovodičové doštičky a mikročipy")).to_be_visible()
    expect(page.locator("article time")).to_have_attribute("datetime", "2025-05-29")

    # The switch leads straight to the same article in English.
    switch = page.get_by_role("navigation", name="Jazyk")
    expect(switch.get_by_role("link", name="Slovensky")).to_have_attribute("aria-current", "true")
    switch.get_by_role("link", name="English").click()
    expect(page).to_have_url(base_url + SEED_EN)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE_EN)

    # Through the English list from its first page to the article, and back again.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="News").click()
    expect(page).to_have_url(f"{base_url}/en/news/")
    for number in range(2, pages_seen + 1):
        page.get_by_role("link", name="Older articles").click()
        expect(page).to_have_url(f"{base_url}/en/news/?page={number}")
    page.get_by_role("link", name=SEED_TITLE_EN).click()
    expect(page).to_have_url(base_url + SEED_EN)
    page.get_by_role("link", name="Back to the news").click()
    expected_back = "/en/news/" if pages_seen == 1 else f"/en/news/?page={pages_seen}"
    expect(page).to_have_url(base_url + expected_back)
    expect(page.get_by_role("link", name=SEED_TITLE_EN)).to_be_visible()


def test_skip_link_appears_on_focus_and_jumps_to_content(page: Page):
    page.goto("/en/about-us")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused link shows no outline"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#content$"))
    expect(page.locator("main")).to_be_focused()


def test_printed_article_keeps_only_the_article(page: Page):
    page.goto(SEED_EN)
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Semiconductor wafers and microchips")).to_be_visible()
    for hidden in (".site-header", ".back", ".skip-link"):
        expect(page.locator(hidden)).to_be_hidden()
