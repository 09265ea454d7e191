"""What was typed into a search, and the matching it asks of each database.

A query is words and "quoted phrases". Every word must match (AND): any of its terms
(search/terms.py) in any field. A phrase matches its words' lemmas, or their folded forms,
next to each other. The same groups become an FTS5 query on SQLite and a tsquery on
PostgreSQL, over the same terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .terms import fold, lemma_pair, terms_of, words

MAX_LENGTH = 500  # characters; longer queries are refused (400)
MAX_GROUPS = 12  # words and phrases beyond these are dropped
KEPT_QUERIES = 32  # per worker: the last queries' terms (``bound_terms``) and tests of words
PHRASE = re.compile(r'"([^"]*)"')


class QueryTooLong(ValueError):
    """The query is longer than MAX_LENGTH characters."""


@dataclass
class Group:
    """One word, or one phrase (several words in order), of a query."""

    words: list[str]  # lower-case, as typed

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass
class Query:
    """The parsed query: its groups, all of which must match."""

    text: str  # as typed, cleaned
    groups: list[Group] = field(default_factory=list)

    @property
    def typed_words(self) -> list[str]:
        """Every word of the query, lower-case, as typed."""
        return [w for g in self.groups for w in g.words]


def clean(text: str) -> str:
    """The query without control characters or lone surrogates, spaces collapsed."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return " ".join("".join(c for c in text if c.isprintable() or c == " ").split())


def parse(raw: str) -> Query:
    """The groups of a query; raises QueryTooLong past MAX_LENGTH characters."""
    if len(raw) > MAX_LENGTH:
        raise QueryTooLong(raw[:40])
    text = clean(raw)
    groups: list[Group] = []
    for phrase in PHRASE.findall(text):
        found = words(phrase)
        if found:
            groups.append(Group(found))
    for word in words(PHRASE.sub(" ", text)):
        if [word] not in [g.words for g in groups]:
            groups.append(Group([word]))
    return Query(text, groups[:MAX_GROUPS])


def alternatives(word: str, langs: tuple[str, ...]) -> list[str]:
    """Every term a typed word matches, in any of ``langs``."""
    return list(dict.fromkeys(t for lang in langs for t in terms_of(word, lang)))


def phrase_runs(group: Group, langs: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """(field kind, terms in order) a phrase may match: its lemmas per language, or its
    folded words."""
    runs = []
    for lang in langs:
        pairs = [lemma_pair(w, lang) for w in group.words]
        if all(pairs):
            runs.append(("lemmas", [p[0] for p in pairs]))
            runs.append(("lemmas", [p[1] for p in pairs]))
    runs.append(("words", [fold(w) for w in group.words]))
    return list({(kind, tuple(terms)): (kind, terms) for kind, terms in runs}.values())


# The fields each search looks in: every field, or the title alone.
FIELDS = {"all": ("title", "body"), "title": ("title",)}


def fts_columns(where: str, *kinds: str) -> str:
    """An FTS5 column filter: the ``kinds`` ("lemmas", "words") of the fields ``where``."""
    return "{" + " ".join(f"{name}_{kind}" for name in FIELDS[where] for kind in kinds) + "}"


def fts_query(query: Query, langs: tuple[str, ...], where: str = "all") -> str:
    """The FTS5 MATCH expression for ``query`` in the fields ``where`` ("all", "title")."""
    parts = []
    for group in query.groups:
        if group.is_phrase:
            runs = [
                f'{fts_columns(where, kind)} : "{" ".join(terms)}"'
                for kind, terms in phrase_runs(group, langs)
            ]
            parts.append("(" + " OR ".join(runs) + ")")
        else:
            either = " OR ".join(f'"{t}"' for t in alternatives(group.words[0], langs))
            parts.append(f"({fts_columns(where, 'lemmas', 'words')} : ({either}))")
    return " AND ".join(parts)


def fts_exact(query: Query) -> str:
    """FTS5: every typed word, with its diacritics, among the words as written."""
    return " AND ".join(f'{{exact}} : "{w}"' for w in query.typed_words)


# PostgreSQL: weights A title lemmas, B title words, C body lemmas, D body words.
TS_WEIGHTS = {
    ("all", "lemmas"): "AC",
    ("all", "words"): "BD",
    ("title", "lemmas"): "A",
    ("title", "words"): "B",
}


def ts_query(query: Query, langs: tuple[str, ...], where: str = "all") -> str:
    """The tsquery (its text form) for ``query`` in the fields ``where``."""
    parts = []
    for group in query.groups:
        if group.is_phrase:
            runs = [
                " <-> ".join(f"'{t}':{TS_WEIGHTS[where, kind]}" for t in terms)
                for kind, terms in phrase_runs(group, langs)
            ]
        else:
            weights = TS_WEIGHTS[where, "lemmas"] + TS_WEIGHTS[where, "words"]
            runs = [f"'{t}':{weights}" for t in alternatives(group.words[0], langs)]
        parts.append("(" + " | ".join(f"({r})" for r in runs) + ")")
    return " & ".join(parts)


def ts_exact(query: Query) -> str:
    """tsquery: every typed word, with its diacritics, among the words as written."""
    return " & ".join(f"'{w}'" for w in query.typed_words)


def bound_terms(query: Query, lang: str, sqlite: bool) -> dict[str, str]:
    """What a search binds for ``query`` in ``lang``: ``all``, ``title`` and ``exact``, as
    FTS5 queries (``sqlite``) or tsqueries. Made once per worker for each of its last
    KEPT_QUERIES queries: finding the words' terms cost each search 13 us."""
    return _bound_terms(tuple(tuple(group.words) for group in query.groups), lang, sqlite)


@lru_cache(maxsize=KEPT_QUERIES)
def _bound_terms(groups: tuple[tuple[str, ...], ...], lang: str, sqlite: bool) -> dict:
    query = Query("", [Group(list(words)) for words in groups])
    words, exact = (fts_query, fts_exact) if sqlite else (ts_query, ts_exact)
    return {
        "all": words(query, (lang,)),
        "title": words(query, (lang,), "title"),
        "exact": exact(query),
    }
