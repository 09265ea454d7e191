"""/ negotiates the language; /<lang>/ is home; /<lang>/<slug> a content page."""

from flask import abort, current_app, redirect, render_template, url_for

from ..i18n.locale import current_language, negotiated_language
from ..i18n.switch import same_page_everywhere, set_counterparts
from ..models.pages import HOME_KEY
from ..news.listing import latest_translations
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
    latest = latest_translations(lang, current_app.config["HOME_NEWS_COUNT"])
    same_page_everywhere("pages.home")
    set_menu_key(HOME_KEY)
    return render_template("pages/home.html", page=translation, latest=latest)


@bp.route("/<lang:lang>/<slug:slug>")
def page(slug: str):
    """A content page by its slug in the requested language; a sub-page shows the way up to
    its parent, a parent its sub-pages."""
    lang = current_language()
    translation = queries.visible_page_translation(lang, slug)
    if translation is None:
        return moved_page(lang, slug)
    if translation.page.key == HOME_KEY:
        abort(404)
    set_counterparts(
        {
            code: url_for("pages.page", lang=code, slug=s)
            for code, s in translation.page.slugs.items()
        }
    )
    parent = queries.parent_text(translation)
    # A sub-page's section stays marked in the menu, which lists only the top level.
    set_menu_key(parent.page.key if parent else translation.page.key, section=bool(parent))
    return render_template(
        "pages/page.html",
        page=translation,
        parent=parent,
        home=queries.page_text_by_key(HOME_KEY, lang) if parent else None,
        subpages=queries.subpage_texts(translation),
    )


def moved_page(lang: str, slug: str):
    """A 301 to where an old slug, or the other language's slug, leads now; else a 404."""
    # A renamed page keeps its old address working for links and search engines, and an
    # address with the other language's slug leads to the page in the language asked for.
    moved_to = queries.current_page_slug(lang, slug) or queries.counterpart_slug(lang, slug)
    if moved_to:
        return redirect(url_for("pages.page", slug=moved_to), code=301)
    abort(404)
