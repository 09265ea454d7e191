"""Random and hostile input to every public URL part: never a 500, never a live payload."""

from urllib.parse import quote

from hypothesis import example, given
from hypothesis import strategies as st

from support.hostile import SETTINGS, assert_handled, hostile


@SETTINGS
@given(segment=hostile, section=st.sampled_from(["", "sk/", "en/", "sk/novinky/", "en/news/"]))
def test_any_path_segment(client, segment, section):
    response = client.get("/" + section + quote(segment, safe=""))
    assert_handled(response, segment)


@SETTINGS
@given(page=hostile, other=hostile)
@example(page="²", other="x")  # a digit to str.isdigit(), not to int()
@example(page="٣", other="x")  # an Arabic-Indic three
def test_any_query_string(client, page, other):
    for path in (
        "/sk/novinky/",
        "/en/",
        "/en/about-us",
        "/en/news/japan-proposes-us-purchase-of-semiconductor-products",
    ):
        response = client.get(path, query_string={"page": page, other[:50] or "x": other})
        assert_handled(response, page, other)


@SETTINGS
@given(language=hostile, cookie=hostile)
def test_any_language_headers(client, language, cookie):
    # HTTP itself cannot carry line breaks inside a header; everything else goes.
    header = language.encode("latin-1", "replace").decode("latin-1")
    header = header.replace("\r", " ").replace("\n", " ")
    response = client.get(
        "/", headers={"Accept-Language": header, "Cookie": f"lang={quote(cookie, safe='')}"}
    )
    assert response.status_code == 302
    assert response.headers["Location"].rstrip("/").rsplit("/", 1)[-1] in {"sk", "en"}
