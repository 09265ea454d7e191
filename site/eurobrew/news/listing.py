"""The public news list: a page of it, and an article's place in it.

A deep page or an old article's place is read from the keys of every stride-th article,
kept per content version (one pass over the listing index), so page 5,000 and an article
among 100,000 cost what the first page does. The statements are built once with bound
parameters and run through the plain reader.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import and_, bindparam, func, select, tuple_

from ..extensions import db
from ..models import Article
from ..models.base import utcnow
from ..models.plain_reads import plain_reader
from ..web.memo import memoize_per_content
from .queries import (
    LIST_COUNT,
    LIST_PAGE,
    NEWEST_FIRST,
    count_visible,
    public_article,
    public_select,
    visible_in,
)

# A page's first rows are skipped by OFFSET up to this many; a deeper page starts at a mark.
OFFSET_LIMIT = 256
# The list keys kept per language (see _marks): every article's on a list of up to this
# many, so a small site's article page counts nothing; else every stride-th article's, so
# that an article's place is counted over fewer than a stride of rows (49 at 100,000).
MARKS_KEPT = 2048
_PAGE_NEWEST = LIST_PAGE.order_by(*NEWEST_FIRST).limit(bindparam("limit")).offset(bindparam("skip"))


def latest_translations(lang: str, limit: int, offset: int = 0) -> list[SimpleNamespace]:
    """Public articles in ``lang``, newest first, each with its ``article``'s fields.

    Deep in the list, the read starts at the kept key of the stride-th article nearest
    before ``offset`` (see position_in_list): the database skips fewer than a stride of
    entries, so page 5,000 costs what the first does.
    """
    params = {"lang": lang, "now": utcnow(), "limit": limit, "skip": offset}
    statement = _PAGE_NEWEST
    if offset >= OFFSET_LIMIT:
        marks, stride = _marks(lang)
        index = min(offset // stride, len(marks.newest_first) - 1)
        if index > 0:
            statement = _PAGE_FROM_MARK
            mark = marks.newest_first[index]
            params.update(mark_day=mark[0], mark_id=mark[1], skip=offset - index * stride)
    return [public_article(row) for row in plain_reader().rows(statement, params)]


def _newer_than(published_on, article_id):
    """Articles before the one with this list key in the newest-first list.

    A row-value comparison, which both databases read as one range of the listing index
    (an OR of the two columns' conditions made SQLite scan it whole); the date alone again
    lets PostgreSQL estimate the range from its statistics (without it, it guessed a
    seventh of the table and hashed every translation).
    """
    key, other = tuple_(Article.published_on, Article.id), tuple_(published_on, article_id)
    return and_(Article.published_on >= published_on, key > other)


def _older_than(published_on, article_id, inclusive: bool = False):
    """Articles after the one with this list key in the newest-first list."""
    key, other = tuple_(Article.published_on, Article.id), tuple_(published_on, article_id)
    return and_(Article.published_on <= published_on, key <= other if inclusive else key < other)


def _key_params(day: str, article_id: str) -> tuple:
    """Bound parameters for a list key, typed like its columns."""
    return (
        bindparam(day, type_=Article.published_on.type),
        bindparam(article_id, type_=Article.id.type),
    )


_RANKED = public_select(
    Article.published_on,
    Article.id,
    func.row_number().over(order_by=NEWEST_FIRST).label("place"),
).where(visible_in(bindparam("lang")))
_RANKED = _RANKED.subquery()
_MARKS = select(_RANKED.c.published_on, _RANKED.c.id).where(
    (_RANKED.c.place - 1) % bindparam("stride") == 0
)
_NEWER = LIST_COUNT.where(
    visible_in(bindparam("lang")), _newer_than(*_key_params("day", "article_id"))
)
_PAGE_FROM_MARK = (
    LIST_PAGE.where(_older_than(*_key_params("mark_day", "mark_id"), inclusive=True))
    .order_by(*NEWEST_FIRST)
    .limit(bindparam("limit"))
    .offset(bindparam("skip"))
)
_BETWEEN = _NEWER.where(_older_than(*_key_params("mark_day", "mark_id")))


@dataclass(frozen=True)
class Marks:
    """List keys (published_on, id) of every stride-th article, newest first and oldest
    first (for bisect)."""

    newest_first: list[tuple]
    oldest_first: list[tuple]


def _marks(lang: str) -> tuple[Marks, int]:
    """The list keys of the articles at places 0, stride, 2*stride ..., and the stride:
    the articles over MARKS_KEPT, rounded up (1 on a list of up to MARKS_KEPT)."""
    stride = max(1, -(-count_visible(lang) // MARKS_KEPT))
    params = {"lang": lang, "now": utcnow(), "stride": stride}

    def read() -> Marks:
        keys = [tuple(row) for row in db.session.execute(_MARKS, params)]
        return Marks(keys, keys[::-1])

    return memoize_per_content(("list_marks", lang, stride), read), stride


def position_in_list(article, lang: str) -> int:
    """How many public articles in ``lang`` come before ``article`` in the newest-first list.

    Counting every newer article reads their index entries (tens of milliseconds for an old
    article among 100 000). Instead, the keys of every stride-th article are kept per
    content version (one pass over the index), and only the articles between the nearest
    kept one and this one are counted.
    """
    key = (article.published_on, article.id)
    marks, stride = _marks(lang)
    # marks at or before the article in the newest-first list
    nearer = len(marks.oldest_first) - bisect_left(marks.oldest_first, key)
    params = {"lang": lang, "now": utcnow(), "day": key[0], "article_id": key[1]}
    if nearer == 0:
        return plain_reader().scalar(_NEWER, params) or 0
    mark = marks.newest_first[nearer - 1]
    place = (nearer - 1) * stride
    if mark == key:
        return place
    params.update(mark_day=mark[0], mark_id=mark[1])
    return place + 1 + (plain_reader().scalar(_BETWEEN, params) or 0)
