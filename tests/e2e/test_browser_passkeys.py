"""Passkeys in a real browser: Chromium's virtual authenticator (DevTools Protocol) adds a
passkey on the Security page, then logs in with it at the second step and in place of the
password."""

import re

import pytest
from playwright.sync_api import Page, expect

from liveserver import LiveSite

pytestmark = pytest.mark.e2e

ACCOUNT = ("keyholder", "a passphrase for passkeys")
SECOND_ACCOUNT = ("ownkey", "a passphrase for passkeys")
AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


@pytest.fixture(scope="module")
def key_site():
    """A site of its own on "localhost": a passkey's relying party is a domain, never an IP.

    Always on SQLite: the suite's PostgreSQL database for browsers belongs to the shared
    live site.
    """
    accounts = (ACCOUNT, SECOND_ACCOUNT)
    site = LiveSite(articles=0, admins=accounts, host="localhost", products=False).start()
    yield site
    site.stop()


@pytest.fixture
def key_page(browser, key_site):
    """A page with a virtual authenticator attached, as a phone or laptop would have."""
    context = browser.new_context(locale="en-GB", base_url=key_site.url)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    found = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    page.authenticator = (cdp, found["authenticatorId"])
    yield page
    context.close()


def log_in(page: Page, account: tuple[str, str] = ACCOUNT) -> None:
    page.goto("/admin/login")
    page.get_by_label("Username").fill(account[0])
    page.get_by_label("Password").fill(account[1])
    page.get_by_role("button", name="Log in", exact=True).click()


def test_a_passkey_is_added_then_opens_the_admin_after_the_password(key_page: Page):
    page = key_page
    log_in(page)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/security")
    page.get_by_label("Name of the passkey").fill("Office laptop")
    page.get_by_role("button", name="Add a passkey").click()
    # The first factor brings the recovery codes, shown once.
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    page.goto("/admin/security")
    expect(page.locator("ul.passkeys li")).to_have_text(["Office laptop"])
    cdp, authenticator = page.authenticator
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert len(stored["credentials"]) == 1

    page.get_by_role("button", name="Log out").click()
    log_in(page)
    expect(page).to_have_url(re.compile(r"/admin/login/verify$"))
    page.goto("/admin/articles/")  # nothing opens before the second step
    expect(page).to_have_url(re.compile(r"/admin/login/verify$"))
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    used = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert used["credentials"][0]["signCount"] >= 1


def test_a_passkey_of_another_authenticator_is_not_accepted(key_page: Page, browser, key_site):
    """The keyholder's passkey lives in the first test's authenticator: this one has none."""
    page = key_page
    log_in(page)
    expect(page).to_have_url(re.compile(r"/admin/login/verify$"))
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.get_by_role("status")).to_have_text(
        "The passkey was not accepted. Try again or use a code."
    )
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/verify$"))


def test_a_passkey_opens_the_admin_in_place_of_the_password(key_page: Page):
    """Its own account and passkey: a passkey alone must come from an authenticator that
    checked its owner; without that check it is refused."""
    page = key_page
    cdp, authenticator = page.authenticator
    log_in(page, SECOND_ACCOUNT)
    page.goto("/admin/security")
    page.get_by_label("Name of the passkey").fill("Phone")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    page.goto("/admin/security")
    page.get_by_role("button", name="Log out").click()

    page.goto("/admin/login?next=/admin/pages/")
    page.get_by_role("button", name="Log in with a passkey").click()
    expect(page).to_have_url(re.compile(r"^http://[^/?]+/admin/pages/$"))
    page.get_by_role("button", name="Log out").click()

    cdp.send(
        "WebAuthn.setUserVerified", {"authenticatorId": authenticator, "isUserVerified": False}
    )
    page.get_by_role("button", name="Log in with a passkey").click()
    expect(page.locator("form.passkey [role=status]")).to_have_text(
        "The passkey was not accepted. Try again or log in with your password."
    )
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login"))
