"""Catalogs at run time: one translations cache per app, and saved .po files reloaded in debug.

Flask-Babel keeps loaded catalogs in a cache on its (process-wide) extension object. Keeping
that cache per app lets apps that read different translation folders live side by side, and
lets the debug-mode reload drop exactly this app's catalogs after recompiling one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from babel import support
from flask import Flask, current_app
from flask_babel import Babel, Domain, get_locale
from werkzeug.utils import cached_property

from . import catalogs

TRANSLATIONS_CACHE = "eurobrew.translations_cache"
_compile_lock = threading.Lock()


class AppDomain(Domain):
    """Flask-Babel's message domain with its cache kept in the current app."""

    def get_translations_cache(self, ctx):
        """The loaded catalogs of the current app, by (locale, domain)."""
        return current_app.extensions.setdefault(TRANSLATIONS_CACHE, {})

    def get_translations(self):
        """The current locale's catalog; a damaged .mo gives the source texts, not a crash.

        The visitor then reads the English interface rather than an error page, and the
        server's log says which catalog to rebuild (make translations).
        """
        try:
            return super().get_translations()
        except Exception as error:  # noqa: BLE001 - any parse failure of a damaged file
            locale = str(get_locale())
            current_app.logger.error("Catalog for %s could not be loaded: %r", locale, error)
            fallback = support.NullTranslations()
            self.get_translations_cache(None)[locale, self.domain[0]] = fallback
            return fallback


class SiteBabel(Babel):
    """Flask-Babel whose default domain caches catalogs per app."""

    @cached_property
    def domain_instance(self):
        """The default message domain (see AppDomain)."""
        return AppDomain(domain=self.domain)


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
