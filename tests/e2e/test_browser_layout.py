"""Readable from 320 px to wide screens, and screenshots for people to look at."""

import pytest
from playwright.sync_api import Page

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
