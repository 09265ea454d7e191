"""A site in another time zone: its feed and its articles' structured data give the days'
starts in that zone, as the dates Flask-Babel formats do."""

import json
import re

import pytest

from support.builders import add_article


@pytest.fixture
def app_config():
    """A site in Tokyo (SITE_TIMEZONE sets this setting)."""
    return {"BABEL_DEFAULT_TIMEZONE": "Asia/Tokyo"}


def test_feed_and_article_data_say_the_days_start_in_the_sites_zone(demo_app):
    with demo_app.app_context():
        add_article(1)
    client = demo_app.test_client()
    feed = client.get("/en/news/feed.xml").text
    published = re.findall(r"<published>([^<]+)</published>", feed)
    assert published and all(day.endswith("T00:00:00+09:00") for day in published)
    page = client.get("/en/news/article-1").text
    data = re.search(r'<script type="application/ld\+json">(.+?)</script>', page, re.S)
    assert json.loads(data.group(1))["datePublished"].endswith("T00:00:00+09:00")
