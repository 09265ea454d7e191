"""A Slovak page shows no English interface text, and an English page no Slovak."""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from eurobrew.config import PROJECT_ROOT

PAGES = {
    "sk": [
        "/sk/",
        "/sk/novinky/",
        "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
        "/sk/o-nas",
        "/sk/neexistuje",
    ],
    "en": [
        "/en/",
        "/en/news/",
        "/en/news/japan-proposes-us-purchase-of-semiconductor-products",
        "/en/about-us",
        "/en/missing",
    ],
}


def catalog_strings(lang: str) -> dict[str, list[str]]:
    """msgid -> the translations of a catalog, one per plural form."""
    path = PROJECT_ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    result = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        result[key] = list(strings)
    return result


class VisibleText(HTMLParser):
    """Text a person meets on a page: text nodes and the attributes read aloud or shown."""

    SPOKEN = {"aria-label", "alt", "title", "content", "placeholder", "value"}
    # Meta values that are protocol keywords (og:type "article"), not words for people.
    KEYWORD_META = ("og:type", "og:locale", "twitter:card", "article:")

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"  # JSON-LD data is read by machines only
        key = dict(attrs).get("property") or dict(attrs).get("name") or ""
        if tag == "meta" and key.startswith(self.KEYWORD_META):
            return
        self.parts.extend(value for name, value in attrs if name in self.SPOKEN and value)

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if not self.in_script:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def fragments(text: str) -> list[str]:
    """The literal pieces of a message around its placeholders, long enough to be telling."""
    return [p.strip() for p in re.split(r"%\(\w+\)\w", text) if len(p.strip()) >= 5]


def foreign_fragments(lang: str) -> set[str]:
    """Interface text of the other language that differs from this language's."""
    own, other = catalog_strings(lang), catalog_strings("en" if lang == "sk" else "sk")
    own_pieces = {piece for strings in own.values() for s in strings for piece in fragments(s)}
    return {
        piece
        for strings in other.values()
        for s in strings
        for piece in fragments(s)
        if piece not in own_pieces
    }


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_no_interface_text_of_the_other_language(client, lang):
    foreign = foreign_fragments(lang)
    assert len(foreign) > 20  # the catalogs really differ
    for path in PAGES[lang]:
        text = visible_text(client.get(path).get_data(as_text=True))
        leaked = sorted(piece for piece in foreign if piece in text)
        assert not leaked, f"{path} shows {leaked}"


@pytest.mark.parametrize("lang", ["sk", "en"])
def test_every_catalog_entry_is_translated(lang):
    untranslated = [key for key, strings in catalog_strings(lang).items() if not all(strings)]
    assert untranslated == []


def test_known_slovak_strings_reach_the_page(client):
    html = client.get("/sk/novinky/").get_data(as_text=True)
    assert "Preskočiť na obsah" in html
    assert ">Aktuality</a>" in html
    assert "1 článok" in html
