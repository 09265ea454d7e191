"""Browser tests: Debian's Chromium via Playwright against the site served by gunicorn.

A check whose tool is missing skips with a message naming the tool, except in CI
(``CI=true``), where a missing tool fails the run: CI must run every check.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from chromium import CHROMIUM, LOOPBACK_FLAGS
from liveserver import PROJECT_ROOT, LiveSite
from support import tool_missing
from support.e2e_accounts import ADMIN

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots"


@pytest.fixture(scope="session")
def live_site():
    """The demo site with 25 extra articles (several list pages), served by gunicorn."""
    # On the suite's PostgreSQL run, the live site uses its own database on that server.
    site = LiveSite(
        articles=25,
        workers=2,
        database_url=os.environ.get("TEST_E2E_DATABASE_URL"),
        admins=(ADMIN,),
    ).start()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def base_url(live_site) -> str:
    """Playwright's base URL: relative page.goto() paths go to the live site."""
    return live_site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_type):
    """Debian's Chromium with the loopback-only flags; Playwright's own browser elsewhere."""
    if CHROMIUM.exists():
        return {
            **browser_type_launch_args,
            "executable_path": str(CHROMIUM),
            "args": [*browser_type_launch_args.get("args", []), *LOOPBACK_FLAGS],
        }
    if not Path(browser_type.executable_path).exists():
        tool_missing(f"Chromium (Debian package chromium at {CHROMIUM}; make system-deps)")
    return browser_type_launch_args


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    """The Nu HTML Checker's command line, up to the URLs to check."""
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        tool_missing(
            "The Nu HTML Checker (java from Debian openjdk-17-jre-headless and "
            f"{VNU_JAR.relative_to(PROJECT_ROOT)} from npm ci)"
        )
    return [
        java,
        "-Dnu.validator.servlet.allow-forbidden-hosts=true",
        "-jar",
        str(VNU_JAR),
        "--stdout",
        "--format",
        "json",
    ]


@pytest.fixture(scope="session")
def screenshot_folder() -> Path:
    """build/screenshots/, where the page screenshots are written for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
