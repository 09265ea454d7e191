"""'Did you mean': the nearest indexed words to a query that found nothing."""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select

from ..extensions import db
from ..models.search import SearchTerm
from ..web.memo import memoize_per_content
from .query import Query
from .terms import fold

MAX_EDITS = 2


def vocabulary(lang: str) -> dict[str, str]:
    """The words of ``lang``'s indexed texts: folded form -> as written (kept per content),
    in the folded forms' order: of two words as near to a typo, the first is offered, the
    same on either database whatever order it keeps its rows in."""

    def load():
        rows = db.session.execute(
            select(SearchTerm.folded, SearchTerm.word).where(SearchTerm.lang == lang)
        )
        return dict(sorted(rows.all()))

    return memoize_per_content(("search_vocabulary", lang), load)


def suggestion(query: Query, lang: str) -> str | None:
    """The query with each unknown word replaced by the nearest known one (at most two
    edits away), or None when no word could be replaced."""
    known = vocabulary(lang)
    words, changed = [], False
    for word in query.typed_words:
        folded = fold(word)
        if folded in known or len(folded) < 3:
            words.append(word)
            continue
        nearest = process.extractOne(
            folded, known.keys(), scorer=Levenshtein.distance, score_cutoff=MAX_EDITS
        )
        if nearest is None:
            words.append(word)
            continue
        words.append(known[nearest[0]])
        changed = True
    return " ".join(words) if changed else None
