"""Page numbers from the query string: anything but a sane positive number is a 404."""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask import abort, request

MAX_PAGE_DIGITS = 7


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
