"""The search page: /sk/hladat?q=..., /en/search?q=... (GET, no script)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import render_template, request, url_for
from markupsafe import Markup
from sqlalchemy import func, select

from ..extensions import db
from ..i18n.locale import add_language_rules, current_language
from ..i18n.switch import same_page_everywhere
from ..markup import plain_text
from ..models import ArticleTranslation, PageTranslation
from ..models.pages import HOME_KEY
from ..web.pagination import paginate, requested_page
from . import bp
from .matching import public_results
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


def count(query: Query, lang: str) -> int:
    """How many public texts in ``lang`` match."""
    found = public_results(query, lang).order_by(None).subquery()
    return db.session.scalar(select(func.count()).select_from(found)) or 0


def result_rows(query: Query, lang: str, limit: int, offset: int) -> tuple[int, list]:
    """(how many match, the rows of one page): one pass over the matches, counted by a
    window function on the same query."""
    counted = public_results(query, lang).add_columns(func.count().over().label("total"))
    rows = db.session.execute(counted.limit(limit).offset(offset)).all()
    if rows:
        return rows[0].total, rows
    return (count(query, lang) if offset else 0), []


def hits(query: Query, lang: str, rows: list) -> list[Hit]:
    """The hits of a page of result rows, in order."""
    article_ids = [r.article_id for r in rows if r.article_id]
    page_ids = [r.page_id for r in rows if r.page_id]
    articles = {
        t.article_id: t
        for t in db.session.scalars(
            select(ArticleTranslation).where(
                ArticleTranslation.article_id.in_(article_ids), ArticleTranslation.lang == lang
            )
        )
    }
    pages = {
        t.page_id: t
        for t in db.session.scalars(
            select(PageTranslation).where(
                PageTranslation.page_id.in_(page_ids), PageTranslation.lang == lang
            )
        )
    }
    wanted = query_terms(query, lang)
    found = []
    for row in rows:
        if row.article_id:
            t = articles[row.article_id]
            url = url_for("news.detail", lang=lang, slug=t.slug)
            published_on = t.article.published_on
        else:
            t = pages[row.page_id]
            home = t.page.key == HOME_KEY
            url = url_for("pages.home", lang=lang) if home else url_for("pages.page", slug=t.slug)
            published_on = None
        snippet = marked(plain_text(t.body), wanted, lang, SNIPPET_WORDS)
        found.append(Hit(url, marked(t.title, wanted, lang), snippet, published_on))
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
        total, rows = result_rows(query, lang, PER_PAGE, offset)
        pagination = paginate(total, PER_PAGE)
        context.update(pagination=pagination, total=total, hits=hits(query, lang, rows))
        if not total:
            suggested = suggestion(query, lang)
            if suggested and count(parse(suggested), lang):
                context["suggested"] = suggested
    response = render_template("search/results.html", **context)
    return response, 200, {"X-Robots-Tag": "noindex"}


add_language_rules(bp, "search", "results", search_page)
