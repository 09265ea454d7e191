"""The search page: /sk/hladat?q=..., /en/search?q=... (GET, no script)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import render_template, request, url_for
from markupsafe import Markup
from sqlalchemy import select

from ..extensions import db
from ..i18n.locale import add_language_rules, current_language
from ..i18n.switch import same_page_everywhere
from ..markup import plain_text
from ..models import ArticleTranslation, PageTranslation
from ..models.pages import HOME_KEY
from ..web.pagination import paginate, requested_page
from . import bp
from .matching import count_results, result_page
from .query import Query, QueryTooLong, parse
from .snippets import SNIPPET_WORDS, marked, query_terms
from .suggest import suggestion

PER_PAGE = 10


@dataclass(frozen=True)
class Hit:
    """One result: where it leads, its title and snippet with the matches marked."""

    url: str
    title: Markup
    snippet: Markup
    published_on: date | None


def hits(query: Query, lang: str, rows: list) -> list[Hit]:
    """The hits of a page of result rows, in order (plain rows: two statements a page)."""
    articles = _texts(ArticleTranslation, ArticleTranslation.article_id, rows, lang)
    pages = _texts(PageTranslation, PageTranslation.page_id, rows, lang)
    wanted = query_terms(query, lang)
    found = []
    for row in rows:
        if row.article_id:
            text = articles[row.article_id]
            url = url_for("news.detail", lang=lang, slug=text.slug)
        elif row.page_key == HOME_KEY:
            text, url = pages[row.page_id], url_for("pages.home", lang=lang)
        else:
            text = pages[row.page_id]
            url = url_for("pages.page", slug=text.slug)
        snippet = marked(plain_text(text.body), wanted, lang, SNIPPET_WORDS)
        found.append(Hit(url, marked(text.title, wanted, lang), snippet, row.published_on))
    return found


def _texts(model, owner, rows: list, lang: str) -> dict:
    """Slug, title and body in ``lang`` of the result rows' articles (or pages), by id."""
    ids = [getattr(row, owner.key) for row in rows if getattr(row, owner.key)]
    if not ids:
        return {}
    found = select(owner, model.slug, model.title, model.body).where(
        owner.in_(ids), model.lang == lang
    )
    return {row[0]: row for row in db.session.execute(found)}


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
