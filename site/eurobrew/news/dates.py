"""The dates of articles as feeds, sitemaps and structured data write them (ISO 8601)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..contexts import running_app
from ..models import Article


def iso_utc(moment: datetime) -> str:
    """A naive UTC timestamp from the database as ISO 8601 with its zone."""
    if moment.tzinfo is None:  # as both databases return it: no new datetime to make
        return moment.isoformat(timespec="seconds") + "+00:00"
    return moment.replace(tzinfo=UTC, microsecond=0).isoformat()


def site_zone() -> ZoneInfo:
    """The site's time zone, the one Flask-Babel formats dates in (the site has no zone per
    visitor): read from the configuration, which cost a tenth of Babel's lookup, and from
    the standard library, whose offsets are right without pytz's localize()."""
    return ZoneInfo(running_app().config["BABEL_DEFAULT_TIMEZONE"])


def published_datetime(article: Article, zone: ZoneInfo | None = None) -> str:
    """The article's publication date as the start of that day in the site's time zone
    (``zone``, when the caller looked it up for many articles)."""
    return _start_of_day(article.published_on, zone or site_zone())


@lru_cache(maxsize=1024)  # a feed's twenty articles share a few days
def _start_of_day(day: date, zone: ZoneInfo) -> str:
    return datetime.combine(day, time(), zone).isoformat()
