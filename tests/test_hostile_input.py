"""Random and hostile input to every public URL part: never a 500, never a live payload."""

from urllib.parse import quote

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "javascript:alert(1)",
    "{{7*7}}",
    "${7*7}",
    "\r\nSet-Cookie: evil=1",
    "ä" * 500,
    "9" * 40,
    "-1",
    "0x10",
]
hostile = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=300))
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def assert_handled(response, *payloads):
    assert response.status_code < 500, response.status_code
    body = response.get_data(as_text=True)
    for payload in payloads:
        if "<script>" in payload or "onerror" in payload:
            assert payload not in body


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
