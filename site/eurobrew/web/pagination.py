"""Page numbers in the query string: anything but a sane positive number is a 404, and a
list page's address is its list's and its number (page 1 without one)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from flask import abort, request

MAX_PAGE_DIGITS = 7
KEPT_QUERY_STRINGS = 1024  # per worker: a few hundred searches' links


def requested_page() -> int:
    """The ``page`` query parameter as a number from 1, or 404 for anything else."""
    raw = request.args.get("page")
    if raw is None:
        return 1
    if not raw.isascii() or not raw.isdigit() or len(raw) > MAX_PAGE_DIGITS:
        abort(404)
    number = int(raw)
    if number < 1:
        abort(404)
    return number


def page_address(path: str, page: int, **query: str) -> str:
    """The address of page ``page`` of the list at ``path`` with the other arguments
    ``query`` (a search's words): page 1 has no number.

    Built here rather than by ``url_for``: its walk of the routing map cost a tenth of a
    page that links to a page or a query of its own (an article's way back, a search).
    """
    arguments = (*query.items(), ("page", page)) if page > 1 else tuple(query.items())
    return f"{path}?{_query_string(arguments)}" if arguments else path


@lru_cache(maxsize=KEPT_QUERY_STRINGS)
def _query_string(arguments: tuple) -> str:
    """``arguments`` (name, value pairs) encoded; a page repeats its own a few times."""
    return urlencode(arguments)


@dataclass(frozen=True)
class Pagination:
    """Where a list page stands among its pages."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages there are; an empty list still has its first page."""
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def offset(self) -> int:
        """Rows to skip before this page."""
        return (self.page - 1) * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(total: int, per_page: int) -> Pagination:
    """The requested page of ``total`` items, or 404 when it lies past the last page."""
    pagination = Pagination(requested_page(), per_page, total)
    if pagination.page > pagination.pages:
        abort(404)
    return pagination
