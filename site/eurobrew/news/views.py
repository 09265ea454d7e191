"""News list and article pages, one URL per language (/sk/novinky/, /en/news/)."""

from flask import abort, current_app, redirect, render_template, url_for

from ..i18n.locale import add_language_rules, current_language
from ..i18n.switch import same_page_everywhere, set_counterparts
from ..media.library import library_image
from ..web.layout import set_menu_key
from ..web.pagination import paginate
from . import bp, listing, queries
from .addresses import article_urls


def news_index():
    """The news list: newest first, a page at a time."""
    lang = current_language()
    per_page = current_app.config["NEWS_PER_PAGE"]
    pagination = paginate(queries.count_visible(lang), per_page)
    items = listing.latest_translations(lang, per_page, pagination.offset)
    same_page_everywhere("news.index")
    set_menu_key("news")
    return render_template("news/list.html", items=items, pagination=pagination)


def article_detail(slug: str):
    """One article, with a back link to the list page it appears on."""
    lang = current_language()
    translation = queries.visible_translation(lang, slug)
    if translation is None:
        # A renamed article keeps its old address working for links and search engines, and
        # an address with the other language's slug leads to the article in this language.
        moved_to = queries.current_slug(lang, slug) or queries.counterpart_slug(lang, slug)
        if moved_to is None:
            abort(404)
        return redirect(url_for("news.detail", slug=moved_to), code=301)
    article = translation.article
    set_counterparts(
        {code: article_urls(code)(s) for code, s in article.slugs.items()},
        fallback_endpoint="news.index",
    )
    set_menu_key("news")
    per_page = current_app.config["NEWS_PER_PAGE"]
    back_page = listing.position_in_list(article, lang) // per_page + 1
    return render_template(
        "news/detail.html",
        article=article,
        translation=translation,
        photo=library_image(article.image_id),
        back_page=back_page,
    )


add_language_rules(bp, "news", "index", news_index, "/")
add_language_rules(bp, "news", "detail", article_detail, "/<slug:slug>")
