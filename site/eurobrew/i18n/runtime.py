"""Catalogs at run time: templates' strings, and saved .po files reloaded in debug mode.

The loaded catalogs live in a cache per app (extensions.AppDomain), so the reload drops
exactly this app's catalogs after recompiling one. A template's ``_()`` reads the catalog
its render looked up once, rather than finding the request's locale and catalog again
for each string as Flask-Babel's own template callables do.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask, current_app
from jinja2 import pass_context
from markupsafe import Markup

from ..extensions import TRANSLATIONS_CACHE, page_translations
from . import catalogs, checks, compiling

# The problems follow on lines of their own, so that each starts with its file:line.
NOT_RELOADED = "Catalog not reloaded, fix it and save again; the site shows %s:\n%s"
RELOADED_WITH_FUZZY = "Reloaded the %s catalog %s; its fuzzy entries show the English text:\n%s"

_compile_lock = threading.Lock()


def clear_translations_cache(app: Flask) -> None:
    """Forget the loaded catalogs, so the next request reads the .mo files again."""
    app.extensions.get(TRANSLATIONS_CACHE, {}).clear()


def translation_directories(app: Flask) -> list[Path]:
    """The folders Flask-Babel loads catalogs from, as configured for ``app``."""
    return [Path(folder) for folder in app.extensions["babel"].translation_directories]


def stale_catalogs(directory: Path) -> list[str]:
    """Languages whose .mo is missing or older than the .po a translator saved."""
    stale = []
    for lang in catalogs.catalog_languages(directory):
        po, mo = catalogs.po_path(lang, directory), catalogs.mo_path(lang, directory)
        if not mo.exists() or po.stat().st_mtime_ns > mo.stat().st_mtime_ns:
            stale.append(lang)
    return stale


def reload_changed_catalogs() -> None:
    """Before a request in debug mode: recompile saved catalogs and drop the cached ones.

    A catalog that does not compile is reported once in the server's log, each problem as
    ``file:line: problem``; the site keeps showing the last version that did.
    """
    app = current_app._get_current_object()
    failed = app.extensions.setdefault("eurobrew.failed_catalogs", {})
    with _compile_lock:
        reloaded = [
            lang
            for directory in translation_directories(app)
            for lang in stale_catalogs(directory)
            if reload_catalog(app, lang, directory, failed)
        ]
        if reloaded:
            clear_translations_cache(app)


def reload_catalog(app: Flask, lang: str, directory: Path, failed: dict) -> bool:
    """Recompile one saved catalog; True when its new .mo is written.

    ``failed`` holds the save time of each catalog that did not compile, so that the same
    save is reported once and not on every request.
    """
    po, mo = catalogs.po_path(lang, directory), catalogs.mo_path(lang, directory)
    saved_at = po.stat().st_mtime_ns
    if failed.get(po) == saved_at:
        return False
    try:
        compiled = compiling.compile_catalog(po, mo, lang)
    except catalogs.CatalogError as error:
        failed[po] = saved_at
        meanwhile = f"the last good {lang} catalog" if mo.exists() else "the English source texts"
        app.logger.error(NOT_RELOADED, meanwhile, error)
        return False
    failed.pop(po, None)
    if compiled.notes:
        notes = "\n".join(map(str, compiled.notes))
        app.logger.warning(RELOADED_WITH_FUZZY, lang, checks.relative(po), notes)
    else:
        app.logger.info("Reloaded the %s catalog %s", lang, checks.relative(po))
    return True


def page_catalog(context):
    """The catalog of the render ``context``: the one looked up for the page, else the
    request's (a macro imported without the page's context, a template rendered directly)."""
    catalog = context.get("page_catalog")
    return catalog if catalog is not None else page_translations()


def _formatted(context, text: str, variables: dict) -> str:
    """A translation with its ``%(name)s`` values: escaped ones in an autoescaped template.

    Jinja's "newstyle" rule: always a format string, so "%%" is a percent sign.
    """
    if context.eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704 - a catalog's text; the values are escaped by %
    return text % variables


@pass_context
def template_gettext(context, string: str, **variables) -> str:
    """``_()`` and ``gettext()`` in templates."""
    return _formatted(context, page_catalog(context).ugettext(string), variables)


@pass_context
def template_ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
    """``ngettext()`` in templates; ``%(num)d`` is the number."""
    variables.setdefault("num", num)
    text = page_catalog(context).ungettext(singular, plural, num)
    return _formatted(context, text, variables)


@pass_context
def template_pgettext(context, message_context: str, string: str, **variables) -> str:
    """``pgettext()`` in templates."""
    variables.setdefault("context", message_context)
    text = page_catalog(context).upgettext(message_context, string)
    return _formatted(context, text, variables)


@pass_context
def template_npgettext(context, message_context, singular, plural, num, **variables) -> str:
    """``npgettext()`` in templates."""
    variables.setdefault("context", message_context)
    variables.setdefault("num", num)
    text = page_catalog(context).unpgettext(message_context, singular, plural, num)
    return _formatted(context, text, variables)


def install_template_gettext(app: Flask) -> None:
    """Templates translate through the catalog each render looks up once.

    The functions follow Jinja's "newstyle" gettext themselves and are installed as they
    are, ``_`` included: Jinja's own wrappers called each through two more context calls,
    most of what a translated string cost a page.
    """
    env = app.jinja_env
    env.install_gettext_callables(
        gettext=template_gettext,
        ngettext=template_ngettext,
        newstyle=True,
        pgettext=template_pgettext,
        npgettext=template_npgettext,
    )
    env.globals.update(
        _=template_gettext,
        gettext=template_gettext,
        ngettext=template_ngettext,
        pgettext=template_pgettext,
        npgettext=template_npgettext,
    )
    app.context_processor(lambda: {"page_catalog": page_translations()})


def init_app(app: Flask) -> None:
    """Template translation; in debug mode (or with CATALOG_AUTO_RELOAD), reload saved
    catalogs on each request."""
    install_template_gettext(app)
    auto_reload = app.config.get("CATALOG_AUTO_RELOAD")
    if auto_reload is None:
        auto_reload = app.debug
    if auto_reload:
        app.before_request(reload_changed_catalogs)
