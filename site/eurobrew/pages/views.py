"""/ negotiates the language; /<lang>/ is home; /<lang>/<slug> a content page."""

from flask import abort, current_app, redirect, render_template, url_for

from ..i18n.locale import current_language, negotiated_language
from ..i18n.switch import same_page_everywhere, set_counterparts
from ..models.pages import HOME_KEY
from ..news import queries as news_queries
from ..web.layout import set_menu_key
from . import bp, queries


@bp.route("/")
def root():
    """Send the visitor to their remembered language, else the browser's, else Slovak."""
    response = redirect(url_for("pages.home", lang=negotiated_language()), code=302)
    response.vary.update(("Cookie", "Accept-Language"))
    return response


@bp.route("/<lang:lang>/")
def home():
    """The home page's text and the latest news."""
    lang = current_language()
    translation = queries.page_text_by_key(HOME_KEY, lang)
    latest = news_queries.latest_translations(lang, current_app.config["HOME_NEWS_COUNT"])
    same_page_everywhere("pages.home")
    set_menu_key(HOME_KEY)
    return render_template("pages/home.html", page=translation, latest=latest)


@bp.route("/<lang:lang>/<slug:slug>")
def page(slug: str):
    """A content page by its slug in the requested language."""
    lang = current_language()
    translation = queries.visible_page_translation(lang, slug)
    if translation is None:
        # A renamed page keeps its old address working for links and search engines.
        moved_to = queries.current_page_slug(lang, slug)
        if moved_to:
            return redirect(url_for("pages.page", slug=moved_to), code=301)
        abort(404)
    if translation.page.key == HOME_KEY:
        abort(404)
    set_counterparts(
        {
            code: url_for("pages.page", lang=code, slug=s)
            for code, s in translation.page.slugs.items()
        }
    )
    set_menu_key(translation.page.key)
    return render_template("pages/page.html", page=translation)
