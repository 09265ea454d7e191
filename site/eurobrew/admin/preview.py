"""Previews: an article or page as its public page, in one language, shown to admins only.

Two kinds: the saved item (``/admin/articles/<id>/preview/<lang>``: what a draft or a
scheduled article will look like) and the form as typed (its Preview buttons, which open
the page in a tab of its own so that the form stays as it was). Both render the public
templates with a bar saying what is shown; the admin blueprint marks them ``no-store`` and
``noindex``, and nothing here is saved except a newly chosen photo, which a later save of
the same form reuses (``flask media gc`` removes it if never saved).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from flask import abort, current_app, g, render_template, request, url_for
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES
from ..i18n.switch import set_counterparts
from ..media.library import library_image
from ..models import Article
from ..models.base import utcnow
from ..news.listing import latest_translations
from . import bp
from .article_photo import chosen_image_id
from .article_service import TEXT_FIELDS, new_photo_of
from .templating import article_state
from .uploads import PictureNotStored


@dataclass(frozen=True)
class PreviewBar:
    """The bar across the top of a preview: what is shown, and the way back."""

    message: str  # a lazy string: said in the preview's language
    back_url: str | None = None


def requested_language() -> str:
    """The language whose Preview button was pressed (the site's first for any other value)."""
    asked = request.form.get("preview")
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Render in ``lang`` as its public page would; the admin's own language comes back after,
    and the visitor's language cookie is left alone."""
    previous = g.get("lang")
    g.lang = lang
    try:
        with force_locale(lang):
            yield
    finally:
        g.lang = previous


def render_in(lang: str, template: str, bar: PreviewBar, **context) -> str:
    """``template`` rendered as the public page in ``lang``, with the preview bar."""
    with speaking(lang):
        return render_template(template, preview_bar=bar, **context)


def unsaved_bar() -> PreviewBar:
    """The bar of a preview of what was typed (its tab is closed to go back)."""
    return PreviewBar(
        _l(
            "Preview of what you typed: not saved, not published. Close this tab to go back "
            "to the form."
        )
    )


def preview_photo(form, article: Article | None, lang: str) -> SimpleNamespace | None:
    """The photo the article would show if the form were saved now, described as typed."""
    chosen = None
    with suppress(PictureNotStored):
        chosen = new_photo_of(form)  # stored once; the form's next sending reuses it
    if chosen is not None:
        stem, size, captions = chosen.name.removesuffix(".jpg"), (chosen.width, chosen.height), {}
    else:
        image = library_image(chosen_image_id(article, form, None))
        if image is None:
            return None
        stem, size, captions = image.stem, (image.width, image.height), image.captions
    alt = form.translations()[lang].photo_alt.data or ""
    return SimpleNamespace(
        stem=stem,
        width=size[0],
        height=size[1],
        credit=form.photo_credit.data,
        decorative=False,
        alts={lang: alt},
        captions=captions,
    )


def typed_article(form, article: Article | None, lang: str):
    """The article and its ``lang`` translation as the form would save them (not stored)."""
    now = utcnow()
    shared = SimpleNamespace(
        id=article.id if article else None,
        published_on=form.published_on.data or date.today(),
        source_url=form.source_url.data,
        updated_at=now,
        translations=[],
    )
    section = form.translations()[lang]
    texts = {name: getattr(section, name).data or "" for name in TEXT_FIELDS}
    translation = SimpleNamespace(lang=lang, article=shared, updated_at=now, **texts)
    return shared, translation


def article_preview(form, article: Article | None):
    """The news page of the article as typed in the form, in the language asked for."""
    lang = requested_language()
    if form.translations()[lang].is_empty():
        form.form_errors.append(gettext("There is no text to preview in this language."))
        return None
    shared, translation = typed_article(form, article, lang)
    set_counterparts({}, fallback_endpoint="news.index")
    html = render_in(
        lang,
        "news/detail.html",
        unsaved_bar(),
        article=shared,
        translation=translation,
        photo=preview_photo(form, article, lang),
        back_page=1,
    )
    return html


def page_preview(form, page, is_home: bool):
    """The content page (or home) as typed in the form, in the language asked for."""
    lang = requested_language()
    section = form.translations()[lang]
    if section.is_empty():
        form.form_errors.append(gettext("There is no text to preview in this language."))
        return None
    typed = SimpleNamespace(lang=lang, title=section.title.data or "", body=section.body.data or "")
    set_counterparts({})
    if is_home:
        count = current_app.config["HOME_NEWS_COUNT"]
        latest = latest_translations(lang, count)
        return render_in(lang, "pages/home.html", unsaved_bar(), page=typed, latest=latest)
    return render_in(lang, "pages/page.html", unsaved_bar(), page=typed)


def saved_bar(article: Article, lang: str) -> PreviewBar:
    """What the saved preview says: not published, scheduled, or public already."""
    state = article_state(article)
    if state == "published":
        message = _l("Preview: this article is published; visitors see this page.")
    elif state == "scheduled":
        message = _l("Preview: this article is scheduled and not published yet.")
    else:
        message = _l("Preview: this article is a draft and not published.")
    return PreviewBar(message, url_for("admin.edit_article", article_id=article.id))


# ``language``, not ``lang``: the page around the preview stays the admin's, in the admin's
# language, and the visitor's remembered language is not touched.
@bp.get("/articles/<id:article_id>/preview/<lang:language>")
def preview_article(article_id: int, language: str):
    """The saved article's news page in ``language``, whether published or not."""
    lang = language
    article = db.get_or_404(Article, article_id)
    translation = article.translation(lang)
    if translation is None or article.in_trash:
        abort(404)
    set_counterparts(
        {
            t.lang: url_for("admin.preview_article", article_id=article.id, language=t.lang)
            for t in article.translations
        },
        fallback_endpoint="news.index",
    )
    return render_in(
        lang,
        "news/detail.html",
        saved_bar(article, lang),
        article=article,
        translation=translation,
        photo=library_image(article.image_id),
        back_page=1,
    )
