"""The search page: /sk/hladat?q=..., /en/search?q=... (GET, no script)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from flask import render_template, request, url_for
from markupsafe import Markup, escape

from ..i18n import LANGUAGES
from ..i18n.locale import add_language_rules, current_language, day_in
from ..i18n.switch import set_counterparts
from ..news.addresses import article_urls
from ..web.pagination import page_address, paginate, requested_page
from . import bp, matching
from .matching import count_results, result_page
from .query import Query, QueryTooLong, parse
from .snippets import SNIPPET_WORDS, marked, marked_parted, wanted_words
from .suggest import suggestion

PER_PAGE = 10


@bp.app_template_global()
def search_address(lang: str, q: str, page: int = 1) -> str:
    """The address of page ``page`` of the results for ``q`` in ``lang`` (the search page
    itself for an empty ``q``): each query has addresses of its own, none kept for long."""
    return page_address(url_for("search.results", lang=lang), page, **({"q": q} if q else {}))


def result_card(url: str, title: str, snippet: str, published_on: date | None, lang: str) -> str:
    """One result as HTML in ``lang``: its title linked, its date, its snippet (``title``
    and ``snippet`` are HTML, escaped with their matches marked).

    Written here rather than as a template loop: a page shows ten, and the loop's escaping
    and attribute lookups cost more than marking the texts.
    """
    meta = _date_line(published_on, lang) if published_on else ""
    return (
        f'<article class="card result">\n  <h2><a href="{escape(url)}">{title}</a></h2>\n'
        f"{meta}  <p>{snippet}</p>\n</article>"
    )


@lru_cache(maxsize=1024)
def _date_line(day: date, lang: str) -> str:
    """A result's date line in ``lang`` (the page's): the same for every result that day."""
    shown = escape(day_in(lang, day))
    return f'  <p class="meta"><time datetime="{day.isoformat()}">{shown}</time></p>\n'


def result_cards(query: Query, lang: str, rows: list[dict]) -> Markup:
    """The results of a page of result rows, in order, as one piece of HTML (one Markup,
    not ten: the template escapes each value it shows, Markup or not)."""
    is_wanted, article_url = wanted_words(query, lang), article_urls(lang)
    found = []
    for row in rows:
        if row["article_id"]:
            url = article_url(row["slug"])
        elif not row["slug"]:  # the home page's slugs stay empty (admin/page_forms.py)
            url = url_for("pages.home", lang=lang)
        else:
            url = url_for("pages.page", slug=row["slug"])
        snippet = marked_parted(row["body_text"], is_wanted, SNIPPET_WORDS)
        title = marked(row["title"], is_wanted)
        found.append(result_card(url, title, snippet, row["published_on"], lang))
    return Markup("\n".join(found))  # noqa: S704 - every card is escaped


def search_page():
    """The results for ``q`` in the page's language, ten at a time."""
    lang = current_language()
    raw = request.args.get("q", "")
    set_counterparts({code: search_address(code, raw) for code in LANGUAGES})
    try:
        query = parse(raw)
    except QueryTooLong:
        page = render_template("search/results.html", q=raw[:100], too_long=True)
        return page, 400, {"X-Robots-Tag": "noindex"}
    context = {"q": query.text, "query": query}
    if query.groups:
        offset = (requested_page() - 1) * PER_PAGE
        total, rows = result_page(query, lang, PER_PAGE, offset)
        # Past MOST_RESULTS the page says "more than" and pages through those.
        more = total > matching.MOST_RESULTS
        total = min(total, matching.MOST_RESULTS)
        pagination = paginate(total, PER_PAGE)
        cards = result_cards(query, lang, rows)
        context.update(pagination=pagination, total=total, more=more, cards=cards)
        if not total:
            suggested = suggestion(query, lang)
            if suggested and count_results(parse(suggested), lang):
                context["suggested"] = suggested
    response = render_template("search/results.html", **context)
    return response, 200, {"X-Robots-Tag": "noindex"}


add_language_rules(bp, "search", "results", search_page)
