"""Bodies are Markdown, cleaned: nothing a writer types can run in a visitor's browser."""

import pytest

from eurobrew.markup import render_markdown
from support.builders import add_article

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">a</a>',
    "<iframe src='https://evil.example'></iframe>",
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_body_is_inert_on_article_and_list(demo_app, payload):
    with demo_app.app_context():
        add_article(9, body=f"Intro **bold**\n\n{payload}\n\nEnd.")
    client = demo_app.test_client()
    for path in ("/en/news/article-9", "/en/news/", "/en/"):
        html = client.get(path).get_data(as_text=True).lower()
        assert "<script>alert" not in html
        assert "onerror=" not in html and "onload=" not in html
        assert "javascript:" not in html
        assert "<iframe" not in html and "<style>body" not in html
    html = client.get("/en/news/article-9").get_data(as_text=True)
    assert "<strong>bold</strong>" in html


def test_markdown_renders_links_and_lists(demo_app):
    with demo_app.app_context():
        add_article(10, body="- one\n- [two](https://example.org/)\n")
    html = demo_app.test_client().get("/en/news/article-10").get_data(as_text=True)
    assert "<li>one</li>" in html
    assert 'href="https://example.org/"' in html


def test_one_text_leaves_nothing_behind_for_the_next():
    # Converters are reused: a definition in one body must not change another body.
    first = render_markdown("EU rules.\n\n*[EU]: European Union\n\nA note[^1].\n\n[^1]: Source.")
    assert '<abbr title="European Union">EU</abbr>' in first
    second = render_markdown("EU rules again, no note[^1].")
    assert "<abbr" not in second
    assert "Source." not in second
