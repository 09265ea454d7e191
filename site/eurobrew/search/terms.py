"""Words into search terms: the same steps for the text indexed and for what visitors type.

Every word is lower-cased and its diacritics removed ("Čipy" -> "cipy"), so that typing
with or without them finds the same texts. Its lemma is taken too: Slovak (and the other
languages LemmaGen knows) through LemmaGen's rules, English through the Snowball stemmer,
so that "pivovar" finds "pivovarov" and "chip" finds "chips". A word typed without its
diacritics is lemmatised as typed too ("cipov" -> "cip"), so each word gives up to three
terms: its folded form, the folded lemma of the word, and the lemma of the folded word.

The choice of LemmaGen is measured on ``tests/search/data/slovak_word_forms.tsv`` (see the
README's search section).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer
from lemmagen3 import Lemmatizer

# Letters and digits: the same split as SQLite FTS5's unicode61 tokenizer, which also
# treats "_" as a separator.
WORD = re.compile(r"[^\W_]+")
# LemmaGen's languages the site might speak; others get their folded words only.
LEMMAGEN_LANGUAGES = frozenset(Lemmatizer.list_supported_languages()) - {"en"}
LONGEST_WORD = 64  # longer "words" (hashes, pasted junk) are kept whole, not lemmatised


def folded_text(text: str) -> str:
    """``text`` lower-case and without diacritics, punctuation kept (for substring search)."""
    return strip_diacritics(text.lower())


def words(text: str) -> list[str]:
    """The words of ``text``, lower-case, with their diacritics, in order."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def strip_diacritics(text: str) -> str:
    """``text`` without diacritics: "čipy" -> "cipy", "ľ" -> "l"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Words recur: each is folded once per process (bounded).
fold = lru_cache(maxsize=100_000)(strip_diacritics)


@lru_cache(maxsize=8)
def _lemmatiser(lang: str):
    if lang == "en":
        return Stemmer.Stemmer("english").stemWord
    if lang in LEMMAGEN_LANGUAGES:
        return Lemmatizer(lang).lemmatize
    return None


@lru_cache(maxsize=200_000)
def lemma_pair(word: str, lang: str) -> tuple[str, str] | None:
    """The folded lemma of ``word`` (lower-case) as written, and of ``word`` without its
    diacritics; None when the language has no lemmas (or the word is too long for one)."""
    lemmatise = _lemmatiser(lang)
    if lemmatise is None or len(word) > LONGEST_WORD:
        return None
    return _as_term(lemmatise(word), word), _as_term(lemmatise(fold(word)), word)


def _as_term(lemma: str, word: str) -> str:
    """A lemma as a term: folded, and only if it is one word (else the folded word)."""
    folded = fold(lemma.lower())
    return folded if WORD.fullmatch(folded) else fold(word)


@lru_cache(maxsize=8192)  # a results page looks up a few hundred words, most of them again
def terms_of(word: str, lang: str) -> tuple[str, ...]:
    """Every term ``word`` matches: its folded form first, then its folded lemmas."""
    return tuple(dict.fromkeys((fold(word), *(lemma_pair(word, lang) or ()))))


def lemma_streams(text_words: list[str], lang: str) -> str:
    """The words' folded lemmas as written, then as written without diacritics, one term per
    word in each run, so that a phrase matches by position in either."""
    pairs = [lemma_pair(w, lang) or (fold(w), fold(w)) for w in text_words]
    return " ".join([p[0] for p in pairs] + [p[1] for p in pairs])


def folded_stream(text_words: list[str]) -> str:
    """The words without diacritics, in order."""
    return " ".join(fold(w) for w in text_words)
