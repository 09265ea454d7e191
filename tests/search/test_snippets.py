"""Snippets on a results page: the words around the first match, matches marked."""

from eurobrew.search.query import parse
from eurobrew.search.snippets import (
    CONTEXT_BEFORE,
    KEPT_VERDICTS,
    SNIPPET_WORDS,
    marked,
    wanted_words,
)


def snippet(text: str, query: str, lang: str = "en", limit: int | None = SNIPPET_WORDS) -> str:
    return str(marked(text, wanted_words(parse(query), lang), limit))


def filler(count: int, word: str = "word") -> list[str]:
    return [f"{word}{n}" for n in range(count)]


def test_a_late_match_shows_with_a_few_words_before_it_and_the_cuts_marked():
    words = [*filler(100), "semiconductor", *filler(100, "more")]
    shown = snippet(" ".join(words), "semiconductor")
    assert shown.startswith("… word92 ")  # CONTEXT_BEFORE words before the match
    assert shown.endswith(" more22 …")  # SNIPPET_WORDS words in all
    assert "<mark>semiconductor</mark>" in shown
    assert len(shown.split()) == SNIPPET_WORDS + 2 and CONTEXT_BEFORE == 8


def test_a_short_text_shows_whole_with_every_match_marked_and_the_rest_escaped():
    text = 'Japan & <Slovakia>: "trade" with Japan\'s brewers'
    shown = snippet(text, "japan")
    assert shown == (
        "<mark>Japan</mark> &amp; &lt;Slovakia&gt;: &#34;trade&#34; with "
        "<mark>Japan</mark>&#39;s brewers"
    )


def test_without_a_match_the_text_starts_the_snippet():
    shown = snippet(" ".join(filler(50)), "semiconductor")
    assert shown.startswith("word0 ") and shown.endswith(" word31 …")
    assert "<mark>" not in shown


def test_a_match_near_the_end_shows_the_end_without_a_cut():
    words = [*filler(60), "semiconductor", "end."]
    shown = snippet(" ".join(words), "semiconductor")
    assert shown.startswith("… word52 ") and shown.endswith("</mark> end.")


def test_word_forms_of_the_query_are_marked_in_slovak():
    text = "Rast zahraničného obchodu a obchody s Japonskom; obchodník."
    shown = snippet(text, "obchod", "sk", limit=None)
    assert "<mark>obchodu</mark>" in shown and "<mark>obchody</mark>" in shown
    assert "<mark>Rast</mark>" not in shown


def test_a_text_holding_control_characters_is_marked_and_escaped_all_the_same():
    text = "Japan\x01 & <chips>\x02 Japan"
    shown = snippet(text, "japan")
    assert shown == "<mark>Japan</mark>\x01 &amp; &lt;chips&gt;\x02 <mark>Japan</mark>"


def test_a_stored_parted_text_gives_the_snippet_of_its_plain_text():
    from eurobrew.search.snippets import PART, marked_parted, parted

    texts = [
        " ".join([*filler(100), "semiconductor", *filler(100, "more")]),
        'Japan & <Slovakia>: "trade" with Japan\'s brewers',
        " ".join(filler(50)),
        " ".join([*filler(60), "semiconductor", "end."]),
        "Japan\x01 & <chips>\x02 Japan",
        "",
        "...",
        "semiconductor",
        # as many words as a snippet shows, and one more: whole, then cut
        " ".join([*filler(SNIPPET_WORDS - 1), "semiconductor"]),
        " ".join([*filler(SNIPPET_WORDS), "semiconductor"]),
        "one two three four semiconductor",
        "one two three four five semiconductor.",
        # a few words, but too long a text to be counted: whole all the same
        " ".join(["Semiconductor", *filler(20, "x" * 40)]),
    ]
    for text in texts:
        for limit in (SNIPPET_WORDS, 5, 1, None):
            wanted = wanted_words(parse("semiconductor japan"), "en")
            expected = marked(text, wanted, limit)
            assert marked_parted(parted(text), wanted, limit) == expected, (text, limit)
    assert parted("Pivo, prosím.") == PART.join(["", "Pivo", ", ", "prosím", "."])


def test_each_query_marks_its_own_words_though_a_worker_keeps_their_verdicts():
    text = "Japan buys semiconductors from Slovakia"
    japan = "<mark>Japan</mark> buys semiconductors from Slovakia"
    for _ in range(2):  # asked again, from what the worker kept
        assert snippet(text, "japan") == japan
        assert (
            snippet(text, "semiconductor") == "Japan buys <mark>semiconductors</mark> from Slovakia"
        )
        assert snippet(text, "japan", "sk") == japan


def test_the_verdicts_a_worker_keeps_for_a_query_stay_bounded():
    wanted = wanted_words(parse("semiconductor"), "en")
    wanted.judge(filler(KEPT_VERDICTS + 1))
    assert len(wanted_words(parse("semiconductor"), "en")) == 0  # started again
    assert snippet("semiconductors", "semiconductor") == "<mark>semiconductors</mark>"


def test_a_title_kept_prepared_by_the_worker_is_marked_afresh_for_each_query():
    from eurobrew.search.snippets import marked_parted, parted

    title = "Japan & Slovakia: semiconductors for Japan"
    for _ in range(2):  # the second time from the worker's prepared texts
        for query, expected in (
            ("japan", "<mark>Japan</mark> &amp; Slovakia: semiconductors for <mark>Japan</mark>"),
            ("semiconductor", "Japan &amp; Slovakia: <mark>semiconductors</mark> for Japan"),
            ("brewery", "Japan &amp; Slovakia: semiconductors for Japan"),
        ):
            wanted = wanted_words(parse(query), "en")
            assert snippet(title, query, limit=None) == expected
            assert marked_parted(parted(title), wanted, SNIPPET_WORDS) == expected
