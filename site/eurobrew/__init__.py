"""Euro-Brew s.r.o.'s website: the application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import config as config_module


def create_app(config: type | dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error pages and CLI commands."""
    instance = config_module.instance_path()
    app = Flask(__name__, instance_path=str(instance), instance_relative_config=False)
    app.config.from_object(config_module.Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    register_defaults(app)
    register_extensions(app)
    register_blueprints(app)
    register_template_helpers(app)
    register_errorhandlers(app)
    register_cli(app)
    return app


def register_defaults(app: Flask) -> None:
    """Fill in what depends on the instance folder: the secret key and the database."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.load_or_create_secret_key(instance)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = config_module.database_url(instance)
    # Room for one photo of MAX_UPLOAD_MB plus the form's text; larger requests get a 413.
    app.config["MAX_CONTENT_LENGTH"] = (app.config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024


def register_extensions(app: Flask) -> None:
    """Bind the extension objects to this app."""
    from . import i18n
    from .admin import security
    from .extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(config_module.PROJECT_ROOT / "migrations"))
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    security.init_app(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per package."""
    from .admin import bp as admin_bp
    from .media import bp as media_bp
    from .news import bp as news_bp
    from .pages import bp as pages_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(news_bp)
    app.register_blueprint(media_bp)
    app.register_blueprint(admin_bp)


def register_template_helpers(app: Flask) -> None:
    """Filters for bodies and dates, and the page frame's context."""
    from flask_babel import format_date

    from . import layout
    from .markup import excerpt, render_markdown

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["excerpt"] = excerpt
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    layout.init_app(app)


def register_errorhandlers(app: Flask) -> None:
    """Error pages in the visitor's language."""
    from . import errors

    errors.init_app(app)


def register_cli(app: Flask) -> None:
    """The ``flask`` commands: demo content, catalogs and admin accounts."""
    from .cli import demo_cli
    from .users_cli import users_cli

    app.cli.add_command(demo_cli)
    app.cli.add_command(users_cli)
