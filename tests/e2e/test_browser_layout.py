"""Readable from 320 px to wide screens, and screenshots for people to look at."""

import pytest
from playwright.sync_api import Page

from eurobrew.demo.content import CONTACT
from support.site_pages import ALL_PAGES

pytestmark = pytest.mark.e2e

IDS = [i for i, _ in ALL_PAGES]
PATHS = [path for _, path in ALL_PAGES]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_no_horizontal_scrolling_at_320_px(page: Page, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide in a {widths[1]} px window"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(("name", "path"), ALL_PAGES, ids=IDS)
def test_screenshot(page: Page, name, path, width, screenshot_folder):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    target = screenshot_folder / f"{name}-{width}.png"
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 5000  # a real picture, not an empty page


@pytest.mark.parametrize("path", ["/sk/novinky/", "/en/news/", "/en/news/?page=2"])
def test_the_news_lists_page_links_keep_clear_of_the_footer(page: Page, path):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(path)
    gap = page.evaluate(
        """() => document.querySelector("footer").getBoundingClientRect().top
            - document.querySelector("nav.pagination").getBoundingClientRect().bottom"""
    )
    assert gap >= 16, f"{path}: the page links end {gap} px above the footer"


# Each occurrence of each number in the page's text, with the lines its characters fill.
LINES_OF_NUMBERS = """numbers => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const number of numbers) {
      for (let at = node.data.indexOf(number); at >= 0; at = node.data.indexOf(number, at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + number.length);
        const tops = new Set([...range.getClientRects()].map(box => Math.round(box.top)));
        found.push([number, tops.size]);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", ["/sk/", "/en/", "/sk/kontakt", "/en/contact"])
def test_phone_and_fax_numbers_stay_whole_on_a_phone(page: Page, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    links = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="tel:"]')]
            .map(link => link.getClientRects().length)"""
    )
    assert links and links == [1] * len(links), f"{path}: a tel: link spans lines: {links}"
    numbers = page.evaluate(LINES_OF_NUMBERS, [CONTACT["phone"], CONTACT["fax"]])
    assert {number for number, _ in numbers} == {CONTACT["phone"], CONTACT["fax"]}
    broken = [number for number, lines in numbers if lines != 1]
    assert not broken, f"{path} at {width} px breaks {broken} across lines"
