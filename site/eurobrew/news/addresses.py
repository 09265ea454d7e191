"""Articles' addresses from their slugs, for pages that link to many articles.

An article's URL is the list's address followed by its slug; building each one through the
routing map cost a feed of twenty entries a tenth of its time. So the part before the slug
is built once, and a well-formed slug (all of them: the URL rule accepts nothing else) is
put after it; anything else goes through ``url_for`` as always. A page of the news list is
the list's address and its number (``page_address``): each article's back link points to
its own page, so a crawl of articles asks for thousands of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import url_for

from ..web.pagination import page_address
from ..web.routing import SLUG_PATTERN
from . import bp

_WELL_FORMED = re.compile(SLUG_PATTERN)
_SAMPLE = "a"  # a slug, to build the address around


def article_urls(lang: str, external: bool = False) -> Callable[[str], str]:
    """A function giving the address of the article with a slug, in ``lang``."""
    sample = url_for("news.detail", lang=lang, slug=_SAMPLE, _external=external)
    prefix = sample.removesuffix(_SAMPLE)

    def article_url(slug: str) -> str:
        if _WELL_FORMED.fullmatch(slug):
            return prefix + slug
        return url_for("news.detail", lang=lang, slug=slug, _external=external)

    return article_url


@bp.app_template_global()
def news_page_url(lang: str, page: int) -> str:
    """The address of page ``page`` of the news list in ``lang`` (the list's own for 1)."""
    return page_address(url_for("news.index", lang=lang), page)
