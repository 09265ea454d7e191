"""Reading a page's head the way a crawler does: links, meta tags and JSON-LD blocks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Head:
    """What a page's ``<head>`` says to search engines and link previews."""

    lang: str = ""
    title: str = ""
    links: list[dict[str, str]] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    scripts: list[dict[str, str]] = field(default_factory=list)
    styled: list[str] = field(default_factory=list)  # tags with a style= or on*= attribute

    def one(self, key: str) -> str:
        """The single value of a meta name/property; fails when absent or repeated."""
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def canonical(self) -> str:
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) == 1, found
        return found[0]

    def hreflangs(self) -> dict[str, str]:
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link and "type" not in link
        }


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.head = Head()
        self._in = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if "style" in attrs or any(name.startswith("on") for name in attrs):
            self.head.styled.append(tag)
        if tag == "html":
            self.head.lang = attrs.get("lang", "")
        elif tag == "link":
            self.head.links.append(attrs)
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.head.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag in ("title", "script"):
            self._in, self._text = (tag, attrs), []
            if tag == "script":
                self.head.scripts.append(attrs)

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._in and tag == self._in[0]:
            text = "".join(self._text)
            if tag == "title":
                self.head.title = text
            elif self._in[1].get("type") == "application/ld+json":
                self.head.json_ld.append(json.loads(text))
            self._in = None


def read_head(html: str) -> Head:
    """Parse a whole page; only the head's elements and the attributes are collected."""
    parser = HeadParser()
    parser.feed(html)
    return parser.head
