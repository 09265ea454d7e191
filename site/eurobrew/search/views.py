"""The search page: /sk/hladat?q=..., /en/search?q=... (GET, no script)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import render_template, request, url_for
from markupsafe import Markup

from ..i18n.locale import add_language_rules, current_language
from ..i18n.switch import same_page_everywhere
from ..models.pages import HOME_KEY
from ..news.addresses import article_urls
from ..web.pagination import paginate, requested_page
from . import bp
from .matching import count_results, result_page
from .query import Query, QueryTooLong, parse
from .snippets import SNIPPET_WORDS, marked, marked_parted, wanted_words
from .suggest import suggestion

PER_PAGE = 10


@dataclass(frozen=True)
class Hit:
    """One result: where it leads, its title and snippet with the matches marked."""

    url: str
    title: Markup
    snippet: Markup
    published_on: date | None


def hits(query: Query, lang: str, rows: list[dict]) -> list[Hit]:
    """The hits of a page of result rows, in order."""
    is_wanted, article_url = wanted_words(query, lang), article_urls(lang)
    found = []
    for row in rows:
        if row["article_id"]:
            url = article_url(row["slug"])
        elif row["page_key"] == HOME_KEY:
            url = url_for("pages.home", lang=lang)
        else:
            url = url_for("pages.page", slug=row["slug"])
        snippet = marked_parted(row["body_text"], is_wanted, SNIPPET_WORDS)
        title = marked(row["title"], is_wanted)
        found.append(Hit(url, title, snippet, row["published_on"]))
    return found


def search_page():
    """The results for ``q`` in the page's language, ten at a time."""
    lang = current_language()
    raw = request.args.get("q", "")
    same_page_everywhere("search.results", **({"q": raw} if raw else {}))
    try:
        query = parse(raw)
    except QueryTooLong:
        page = render_template("search/results.html", q=raw[:100], too_long=True)
        return page, 400, {"X-Robots-Tag": "noindex"}
    context = {"q": query.text, "query": query}
    if query.groups:
        offset = (requested_page() - 1) * PER_PAGE
        total, rows = result_page(query, lang, PER_PAGE, offset)
        pagination = paginate(total, PER_PAGE)
        context.update(pagination=pagination, total=total, hits=hits(query, lang, rows))
        if not total:
            suggested = suggestion(query, lang)
            if suggested and count_results(parse(suggested), lang):
                context["suggested"] = suggested
    response = render_template("search/results.html", **context)
    return response, 200, {"X-Robots-Tag": "noindex"}


add_language_rules(bp, "search", "results", search_page)
