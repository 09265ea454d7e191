"""Settings classes. Every value comes from the environment, with safe embedded defaults."""

import os
import secrets
from pathlib import Path

# site/eurobrew/config.py -> the project root holds translations/, migrations/, instance/.
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def env_flag(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def instance_path() -> Path:
    """The folder for local state: the SQLite file, the generated secret key, uploads."""
    return Path(os.environ.get("INSTANCE_PATH") or PROJECT_ROOT / "instance").resolve()


def ensure_instance_folder(folder: Path) -> Path:
    """The instance folder, created 0711: others (the front server) may pass through it to
    the uploads, but may not list it; its secret key and database are the site's alone."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o711)
    return folder


def load_or_create_secret_key(folder: Path) -> str:
    """Return the instance folder's secret key, generating it (mode 0600) on first use.

    A fixed key in the code would be public; a key made anew at every start would log
    everybody out at every restart. So one random key is kept beside the database.
    """
    ensure_instance_folder(folder)
    key_file = folder / "secret_key"
    try:
        return key_file.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def database_url(folder: Path) -> str:
    """``DATABASE_URL`` when set (PostgreSQL via psycopg 3), else SQLite in the instance folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{folder / 'eurobrew.sqlite3'}"


class Config:
    """Production-safe defaults; ``create_app`` fills in what depends on the instance folder."""

    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    # The site's own log lines from this level on (audit lines and notices are INFO).
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
    SQLALCHEMY_DATABASE_URI = None  # from database_url() unless given
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}  # create_app adds pool_pre_ping for servers
    BABEL_DEFAULT_LOCALE = "sk"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("SITE_TIMEZONE", "Europe/Bratislava")
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    NEWS_PER_PAGE = int(os.environ.get("NEWS_PER_PAGE", "10"))
    HOME_NEWS_COUNT = int(os.environ.get("HOME_NEWS_COUNT", "5"))
    # Search engines take up to 50,000 URLs a file; 5,000 keep each part's build short
    # (about 0.15 s at 100,000 articles) for a site that renders them on request.
    SITEMAP_MAX_URLS = int(os.environ.get("SITEMAP_MAX_URLS", "5000"))
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER") or None  # default: <instance>/uploads
    # The one origin every absolute URL starts with (hosts.py); make run's address by default.
    SITE_URL = os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
    # More host names the site answers to besides SITE_URL's and loopback (comma-separated).
    ALLOWED_HOSTS = [n.strip() for n in os.environ.get("ALLOWED_HOSTS", "").split(",") if n.strip()]
    SEND_FILE_MAX_AGE_DEFAULT = 3600
    # Rendered public pages kept in memory per worker, keyed by ETag; 0 turns it off.
    PAGE_CACHE_MB = float(os.environ.get("PAGE_CACHE_MB", "32"))
    # Seconds nginx may serve a public page from its micro-cache (X-Accel-Expires).
    MICROCACHE_SECONDS = int(os.environ.get("MICROCACHE_SECONDS", "5"))
    # How many reverse proxies (nginx ...) in front may set X-Forwarded-For/-Proto.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
    TESTING = False

    # Admin sessions: signed cookies that scripts cannot read, sent on top-level navigation
    # only, and over HTTPS only whenever SITE_URL is https:// (web/hosts.py) or this says so.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = env_flag("SESSION_COOKIE_SECURE")
    ADMIN_IDLE_MINUTES = int(os.environ.get("ADMIN_IDLE_MINUTES", "30"))
    ADMIN_SESSION_HOURS = int(os.environ.get("ADMIN_SESSION_HOURS", "12"))
    # werkzeug's scrypt with its own work factor (N=2**15): slow on purpose.
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 - a method name, not a password
    # Failed logins per username and per client address, counted in the database that every
    # worker and host shares (web/limits.py).
    LOGIN_FAILURE_LIMIT = os.environ.get("LOGIN_FAILURE_LIMIT", "5 per 15 minutes")
    # Every admin account must add a second factor (an authenticator app or a passkey) at
    # its next login before it can open anything else.
    REQUIRE_2FA = env_flag("REQUIRE_2FA")
    # The name authenticator apps show beside the account.
    TOTP_ISSUER = os.environ.get("TOTP_ISSUER", "Euro-Brew")
    # Photos: the largest upload accepted (MAX_CONTENT_LENGTH is derived from it).
    MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "8"))
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session, which expires itself

    # The contact form. Messages are stored first; with MAIL_SERVER set each one is also
    # sent to the contact record's e-mail address (MAIL_PORT 0: 465 with SSL, 587 with
    # TLS, else 25).
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT") or 0)
    MAIL_USE_TLS = env_flag("MAIL_USE_TLS")
    MAIL_USE_SSL = env_flag("MAIL_USE_SSL")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "")  # empty: the contact record's address
    MAIL_TIMEOUT = float(os.environ.get("MAIL_TIMEOUT", "10"))
    # Seconds a person needs at least between seeing the form and sending it (bots are faster).
    CONTACT_MIN_SECONDS = float(os.environ.get("CONTACT_MIN_SECONDS", "3"))
    CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5 per hour")
    # Days a message is kept: the privacy notice says so, and `messages purge` defaults to it.
    CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "365"))
    # Days a deleted article or page waits in the trash before `flask trash purge` removes it.
    TRASH_DAYS = int(os.environ.get("TRASH_DAYS", "30"))
    # Hours a photo file no record names is kept before `flask media gc` removes it: a form
    # being filled in may hold it (a conflict, an error shown again).
    MEDIA_GRACE_HOURS = float(os.environ.get("MEDIA_GRACE_HOURS", "24"))


class TestConfig(Config):
    """For the test suite: a throwaway database given by the fixture."""

    TESTING = True
    SECRET_KEY = "test-only-" + secrets.token_hex(8)
    # A cheap work factor keeps the suite fast; tests check that Config keeps the slow one.
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"  # noqa: S105 - a method name
