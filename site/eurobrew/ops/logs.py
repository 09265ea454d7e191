"""Where the site's log lines go, and from which level on.

Flask gives its logger a handler but no level, so the root logger's WARNING applies and the
admin audit lines (logins, failed logins, logouts) and "contact message stored" would never
reach a production log. The level set here lets them through to Flask's handler, which
writes to the server's error log (gunicorn's, under gunicorn) or else to standard error.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Set the site's log level (``LOG_LEVEL``)."""
    if not app.debug:  # debug mode keeps Flask's DEBUG level
        app.logger.setLevel(app.config["LOG_LEVEL"])
