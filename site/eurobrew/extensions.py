"""Extension objects, created unbound; the application factory binds them."""

from babel import support
from flask import current_app
from flask_babel import Babel, Domain, get_locale
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase
from werkzeug.utils import cached_property

from .contexts import app_context

# Named constraints let Alembic alter them the same way on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base for every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Flask-Babel keeps loaded catalogs on its (process-wide) extension object; kept per app
# instead, apps that read different translation folders live side by side, and the debug
# reload (i18n/runtime.py) drops exactly one app's catalogs.
TRANSLATIONS_CACHE = "eurobrew.translations_cache"


class AppDomain(Domain):
    """Flask-Babel's message domain with its cache kept in the current app."""

    def get_translations_cache(self, ctx):
        """The loaded catalogs of the current app, by (locale, domain)."""
        return current_app.extensions.setdefault(TRANSLATIONS_CACHE, {})

    def get_translations(self):
        """The current locale's catalog; a damaged .mo gives the source texts, not a crash.

        A loaded catalog is found by the locale Flask-Babel would pick (one forced by
        ``force_locale``, else the selector's), without its three lookups of ``g`` per
        step: every page asks for it. The visitor of a damaged catalog reads the English
        interface rather than an error page, and the server's log says which catalog to
        rebuild (make translations).
        """
        context = app_context()
        if context is not None:
            babel_state = context.g.__dict__.get("_flask_babel")
            locale = getattr(babel_state, "babel_locale", None)
            extensions = context.app.extensions
            if locale is None:
                selector = extensions["babel"].locale_selector
                locale = selector() if selector is not None else None
            if locale is not None:
                key = (str(locale), self.domain[0])
                loaded = extensions.get(TRANSLATIONS_CACHE, {}).get(key)
                if loaded is not None:
                    return loaded
        return self._load_translations()

    def _load_translations(self):
        try:
            return super().get_translations()
        except Exception as error:  # noqa: BLE001 - any parse failure of a damaged file
            locale = str(get_locale())
            current_app.logger.error("Catalog for %s could not be loaded: %r", locale, error)
            fallback = support.NullTranslations()
            self.get_translations_cache(None)[locale, self.domain[0]] = fallback
            return fallback


def page_translations():
    """The catalog of the page being built (the default domain's, for its locale)."""
    return babel.domain_instance.get_translations()


class SiteBabel(Babel):
    """Flask-Babel whose default domain caches catalogs per app."""

    @cached_property
    def domain_instance(self):
        """The default message domain (see AppDomain)."""
        return AppDomain(domain=self.domain)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
babel = SiteBabel()  # Flask-Babel, caching catalogs per app
csrf = CSRFProtect()
login_manager = LoginManager()
