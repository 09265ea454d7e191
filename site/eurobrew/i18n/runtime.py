"""Catalogs at run time: saved .po files recompiled and reloaded in debug mode.

The loaded catalogs live in a cache per app (extensions.AppDomain), so the reload drops
exactly this app's catalogs after recompiling one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask, current_app

from ..extensions import TRANSLATIONS_CACHE
from . import catalogs

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

    A catalog that does not compile is reported once in the server's log; the site keeps
    showing the last version that did.
    """
    app = current_app._get_current_object()
    failed = app.extensions.setdefault("eurobrew.failed_catalogs", {})
    changed = False
    with _compile_lock:
        for directory in translation_directories(app):
            for lang in stale_catalogs(directory):
                po = catalogs.po_path(lang, directory)
                saved_at = po.stat().st_mtime_ns
                if failed.get(po) == saved_at:
                    continue
                try:
                    catalogs.compile_catalog(po, catalogs.mo_path(lang, directory), lang)
                except catalogs.CatalogError as error:
                    failed[po] = saved_at
                    app.logger.error("Catalog not reloaded, fix it and save again: %s", error)
                    continue
                failed.pop(po, None)
                app.logger.info("Reloaded the %s catalog %s", lang, po)
                changed = True
        if changed:
            clear_translations_cache(app)


def init_app(app: Flask) -> None:
    """In debug mode (or with CATALOG_AUTO_RELOAD), reload saved catalogs on each request."""
    auto_reload = app.config.get("CATALOG_AUTO_RELOAD")
    if auto_reload is None:
        auto_reload = app.debug
    if auto_reload:
        app.before_request(reload_changed_catalogs)
