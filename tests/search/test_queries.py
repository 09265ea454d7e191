"""The shared list of searches (data/queries.tsv), on whichever database the suite runs on."""

import csv
import re
from pathlib import Path

import pytest

LIST = Path(__file__).with_name("data") / "queries.tsv"


def cases() -> list[tuple[str, str, str]]:
    lines = [line for line in LIST.read_text().splitlines() if line and not line.startswith("#")]
    rows = list(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(lang, query, expected) for lang, query, expected in rows]


def hit_paths(html: str) -> list[str]:
    """The result links of a search page, in order."""
    return re.findall(r'<article class="card result">\s*<h2><a href="([^"]+)"', html)


@pytest.mark.parametrize(("lang", "query", "expected"), cases())
def test_the_query_finds_what_the_list_says(client, lang, query, expected):
    path = "/sk/hladat" if lang == "sk" else "/en/search"
    response = client.get(path, query_string={"q": query})
    assert response.status_code == 200
    found = hit_paths(response.text)
    if expected == "-":
        assert found == [], f"{query!r} in {lang} found {found}"
    else:
        assert expected in found, f"{query!r} in {lang} found {found}"
