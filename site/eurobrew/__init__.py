"""Euro-Brew s.r.o.'s website: the application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import config as config_module
from .web.site_flask import SiteFlask


def create_app(config: type | dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error pages and CLI commands."""
    instance = config_module.instance_path()
    app = SiteFlask(__name__, instance_path=str(instance), instance_relative_config=False)
    app.config.from_object(config_module.Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    register_defaults(app)
    register_proxy(app)
    register_sessions(app)
    register_extensions(app)
    register_blueprints(app)
    register_template_helpers(app)
    register_errorhandlers(app)
    register_cli(app)
    register_host_guard(app)
    return app


def register_defaults(app: Flask) -> None:
    """Fill in what depends on the instance folder: the secret key and the database."""
    instance = config_module.ensure_instance_folder(Path(app.instance_path))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.load_or_create_secret_key(instance)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = config_module.database_url(instance)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A database server may drop idle connections (restart, failover): test each one
        # as it leaves the pool. A SQLite file has no connection to lose.
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        options.setdefault("pool_pre_ping", True)
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    # Room for one photo of MAX_UPLOAD_MB plus the form's text; larger requests get a 413.
    app.config["MAX_CONTENT_LENGTH"] = (app.config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024


def register_proxy(app: Flask) -> None:
    """Trust X-Forwarded-For/-Proto from ``TRUSTED_PROXIES`` proxies in front, and no more.

    Off by default: without a proxy in front, those headers come from the visitor and
    would let anyone choose the address the rate limits and logs see.
    """
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def register_host_guard(app: Flask) -> None:
    """The Host check, outermost, so no cache or view ever sees a stranger's host name."""
    from .web import hosts

    hosts.init_app(app)


def register_sessions(app: Flask) -> None:
    """Signed-cookie sessions that cost nothing for visitors without one."""
    from .web.sessions import LazyCookieSessionInterface

    app.session_interface = LazyCookieSessionInterface()


def register_extensions(app: Flask) -> None:
    """Bind the extension objects to this app."""
    from . import i18n
    from .admin import access
    from .extensions import babel, csrf, db, login_manager, migrate
    from .i18n.locale import babel_locale
    from .ops import database, logs
    from .web import limits, routing, sessions, trimmed_hooks

    logs.init_app(app)
    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(config_module.PROJECT_ROOT / "migrations"))
    babel.init_app(app, locale_selector=babel_locale)
    i18n.init_app(app)
    routing.init_app(app)
    limits.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    sessions.remember_cookie_only_with_a_session(app, login_manager)
    trimmed_hooks.check_csrf_only_on_unsafe_methods(app)
    access.init_app(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per package."""
    from .admin import bp as admin_bp
    from .contact import bp as contact_bp
    from .health import bp as health_bp
    from .media import bp as media_bp
    from .news import bp as news_bp
    from .pages import bp as pages_bp
    from .search import bp as search_bp
    from .search.session_hooks import init_hooks
    from .seo import bp as seo_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(news_bp)
    app.register_blueprint(contact_bp)
    app.register_blueprint(media_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(seo_bp)
    app.register_blueprint(search_bp)
    init_hooks()  # the search index follows every commit of content
    app.register_blueprint(admin_bp)


def register_template_helpers(app: Flask) -> None:
    """Filters for bodies and dates, and the page frame's context."""
    from .i18n.locale import format_day
    from .markup import excerpt, render_markdown
    from .web import assets, conditional, front_cache, layout, trimmed_hooks

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["excerpt"] = excerpt
    app.jinja_env.filters["date"] = format_day
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    layout.init_app(app)
    assets.init_app(app)
    trimmed_hooks.one_context_processor_pass(app)  # every blueprint and processor is in
    if not app.debug:  # in development every change must show at once
        conditional.init_app(app)
        front_cache.init_app(app)


def register_errorhandlers(app: Flask) -> None:
    """Error pages in the visitor's language, and the security headers every response gets."""
    from .web import errors, headers

    errors.init_app(app)
    headers.init_app(app)


def register_cli(app: Flask) -> None:
    """The ``flask`` commands: demo content, catalogs, admin accounts, messages, backups."""
    from .admin.cli import users_cli
    from .admin.trash import trash_cli
    from .contact.cli import messages_cli
    from .content_po.cli import content_cli
    from .demo.cli import demo_cli
    from .i18n.cli import translations_cli
    from .media.cli import media_cli
    from .ops.backup import backup_cli
    from .ops.bodies import bodies_cli
    from .search.cli import search_cli

    app.cli.add_command(demo_cli)
    for command in content_cli.commands.values():  # flask translations export-content ...
        translations_cli.add_command(command)
    app.cli.add_command(translations_cli)
    for command in backup_cli.commands.values():
        app.cli.add_command(command)
    app.cli.add_command(users_cli)
    app.cli.add_command(messages_cli)
    app.cli.add_command(trash_cli)
    app.cli.add_command(media_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(bodies_cli)
