"""Showing why a text matched: its words that match the query wrapped in <mark>."""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import compress

from markupsafe import escape

from .query import KEPT_QUERIES, Query, alternatives
from .terms import WORD, terms_of

CONTEXT_BEFORE = 8  # words shown before the first match
SNIPPET_WORDS = 32
_WORD_OR_GAP = re.compile(f"({WORD.pattern})")  # split: gap, word, gap ... gap
_START, _END = "\x01", "\x02"  # where <mark> and </mark> go, until the text is escaped
PART = "\x1f"  # between the words and gaps of a stored text (see ``parted``)
KEPT_VERDICTS = 2048  # per query and worker, see ``wanted_words``
KEPT_TEXTS = 512  # short texts prepared per worker, at most about 2 MB (``_prepared``)
SHORT_TEXT = 512  # characters: a longer body is never shown whole without the window


def query_terms(query: Query, lang: str) -> set[str]:
    """Every term a word of the query matches."""
    return {t for word in query.typed_words for t in alternatives(word, (lang,))}


def parted(text: str) -> str:
    """``text`` as the index stores it for snippets: its gaps and words, in turn, parted by
    ``PART`` (gap, word, gap ... gap), so that a results page splits it without a regular
    expression. A text holding ``PART`` (a plain text never does) has it as a space."""
    return PART.join(_WORD_OR_GAP.split(text.replace(PART, " ")))


def marked(text: str, is_wanted: WantedWords, limit: int | None = None) -> str:
    """``text`` (plain) as escaped HTML with its matching words marked; cut to about
    ``limit`` words around the first match when a limit is given. A string, not Markup: a
    results page joins its ten into one piece of Markup.

    A text shown whole (a title) is split into its words and gaps and escaped once per
    worker (``_prepared``). A text to cut is split by one regular expression only as far
    as the snippet needs (up to the first match and the ``limit`` words around it), and
    escaped in one piece. ``is_wanted``: from ``wanted_words``, one for a page of results,
    so that each distinct word is looked up once.
    """
    if limit is None:  # a title: whole, without the window's search for a first match
        return _whole(_prepared(text, False), is_wanted)
    return _marked(partial(_WORD_OR_GAP.split, text), _no_word_in, is_wanted, limit)


def marked_parted(stored: str, is_wanted: WantedWords, limit: int | None = None) -> str:
    """``marked`` for a text stored ``parted``: split at its parts' marks, in C, which cost a
    seventh of the regular expression's split (the most of a results page's snippets)."""
    if limit is None or _at_most(stored, limit):
        return _whole(_prepared(stored, True), is_wanted)
    return _marked(partial(_split_parted, stored), _no_part_in, is_wanted, limit)


def _at_most(stored: str, words: int) -> bool:
    """Whether a parted text of at most ``SHORT_TEXT`` characters has at most ``words`` words.

    A longer text is not counted (a body of thousands of words cost more to count than to
    mark): its snippet comes from the window, which shows a text of few words whole too.
    """
    return len(stored) <= SHORT_TEXT and stored.count(PART) <= 2 * words


class Prepared:
    """A short text ready to mark: its words, and its parts [gap, word ... gap] escaped."""

    __slots__ = ("words", "escaped", "html")

    def __init__(self, parts: list[str]):
        self.words = parts[1::2]  # escaped[1::2] too, sliced once rather than per search
        # A word ([^\W_]+) holds nothing to escape: the gaps are escaped one by one.
        self.escaped = [
            str(escape(part)) if index % 2 == 0 else part for index, part in enumerate(parts)
        ]
        self.html = "".join(self.escaped)  # as shown when no word is wanted


@lru_cache(maxsize=KEPT_TEXTS)
def _prepared(text: str, is_parted: bool) -> Prepared:
    """A title or a short text, split and escaped once per worker: a results page shows
    the same few dozen again and again, whatever was searched for."""
    return Prepared(text.split(PART) if is_parted else _WORD_OR_GAP.split(text))


def _whole(text: Prepared, is_wanted: WantedWords) -> str:
    """A prepared text, whole, its wanted words marked."""
    verdicts = is_wanted.judge(text.words)
    if True not in verdicts:
        return text.html
    shown = text.escaped.copy()
    for index in compress(range(1, 2 * len(verdicts), 2), verdicts):
        shown[index] = f"<mark>{shown[index]}</mark>"
    return "".join(shown)


def _split_parted(stored: str, words: int = 0) -> list[str]:
    """Like ``_WORD_OR_GAP.split(text, words)``: the first ``words`` words (all for 0) with
    their gaps, then the rest."""
    return stored.split(PART, 2 * words if words else -1)


def _no_word_in(rest: str) -> bool:
    return WORD.search(rest) is None


def _no_part_in(rest: str) -> bool:
    return PART not in rest


def _marked(split, is_last, is_wanted: WantedWords, limit: int) -> str:
    """The snippet of a text given as ``split(n)`` (its first n words and gaps, then the
    rest in one piece; n=0: all) and ``is_last(rest)`` (no word follows)."""
    parts, verdicts, first, last, more = _window(split, is_last, is_wanted, limit)
    begin = 2 * first + 1 if first else 0  # from the first word shown, or the very start
    shown = parts[begin : 2 * last + 2] if more else parts[begin:]
    wanted = compress(range(first, last + 1), verdicts[first : last + 1])
    html = _escaped_with_marks(shown, [2 * index + 1 - begin for index in wanted])
    return ("… " if first else "") + html + (" …" if more else "")


def _window(split, is_last, is_wanted: WantedWords, limit: int) -> tuple:
    """The text split as [gap, word, gap, word ... gap] as far as it was read, whether
    each word read is wanted, the indexes of the first and last word shown, and whether
    words follow the last."""
    read = limit + CONTEXT_BEFORE + 1
    while True:
        parts = split(read)
        verdicts = is_wanted.judge(parts[1::2])
        whole = len(verdicts) < read or is_last(parts[-1])
        hit = verdicts.index(True) if True in verdicts else None
        first = 0 if hit is None else max(0, hit - CONTEXT_BEFORE)
        needed = first + limit + 1  # the words shown, and one to tell that the text goes on
        if whole or (hit is not None and len(verdicts) >= needed):
            if whole and len(verdicts) <= limit:
                first = 0  # a short text shows whole
            last = min(len(verdicts), first + limit) - 1
            return parts, verdicts, first, last, last < len(verdicts) - 1 or not whole
        read = needed if hit is not None else 0  # 0: split the whole text


def _escaped_with_marks(parts: list[str], marked_at: list[int]) -> str:
    """``parts`` joined and escaped, those at ``marked_at`` (words) in <mark>.

    The marks go in as two control characters and the whole is escaped at once: one
    escape per gap cost more than the rest of a snippet. A text holding those characters
    is escaped piece by piece instead.
    """
    joined = "".join(parts)
    if _START in joined or _END in joined:
        pieces = [str(escape(part)) for part in parts]
        for index in marked_at:
            pieces[index] = f"<mark>{pieces[index]}</mark>"
        return "".join(pieces)
    for index in marked_at:
        parts[index] = f"{_START}{parts[index]}{_END}"
    joined = "".join(parts) if marked_at else joined
    return str(escape(joined)).replace(_START, "<mark>").replace(_END, "</mark>")


class WantedWords(dict):
    """Whether a word of a text has a term the query wants, by the word as written: each
    distinct word is looked up once, and one of these serves the query's pages of results
    (``wanted_words``)."""

    def __init__(self, wanted: frozenset[str], lang: str):
        super().__init__()
        self.wanted = wanted
        self.lang = lang

    def __missing__(self, word: str) -> bool:
        known = self[word] = not self.wanted.isdisjoint(terms_of(word.lower(), self.lang))
        return known

    def judge(self, words: list[str]) -> list[bool]:
        """Whether each of ``words`` has a wanted term (known words looked up in C)."""
        return list(map(self.__getitem__, words))


def wanted_words(query: Query, lang: str) -> WantedWords:
    """The test of words for the results of ``query`` in ``lang``.

    A worker keeps the tests of its last ``KEPT_QUERIES`` queries (by the terms they want):
    a verdict depends on the word and the query only, never on the content, and judging a
    page's sixty-odd distinct words afresh cost a tenth of its time. The words judged per
    query are bounded too (``KEPT_VERDICTS``), so the memory stays small.
    """
    test = _kept_test(frozenset(query_terms(query, lang)), lang)
    if len(test) > KEPT_VERDICTS:
        test.clear()
    return test


@lru_cache(maxsize=KEPT_QUERIES)
def _kept_test(wanted: frozenset[str], lang: str) -> WantedWords:
    return WantedWords(wanted, lang)
