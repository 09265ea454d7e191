"""Which device a session is on, for people: "Firefox on Linux" from its User-Agent."""

from __future__ import annotations

import ua_parser
from flask_babel import gettext

from . import bp

# ua-parser's name when its rules know nothing better.
UNKNOWN = "Other"


def family(result: ua_parser.UserAgent | ua_parser.OS | None) -> str | None:
    """A browser's or a system's name, or None when the rules did not recognise it."""
    return result.family if result is not None and result.family != UNKNOWN else None


@bp.app_template_filter("device")
def device_label(user_agent: str) -> str:
    """The browser and the operating system of a User-Agent, in the admin's language."""
    if not user_agent:
        return gettext("Unknown device")
    browser = family(ua_parser.parse_user_agent(user_agent))
    system = family(ua_parser.parse_os(user_agent))
    if browser and system and browser != system:  # Android's own browser is "Android"
        # Translators: a device in the list of sessions, e.g. "Firefox on Linux".
        return gettext("%(browser)s on %(system)s", browser=browser, system=system)
    if browser:
        return browser
    if system:
        # Translators: a device whose browser is not known, e.g. "A browser on Android".
        return gettext("A browser on %(system)s", system=system)
    return gettext("Unknown device")
