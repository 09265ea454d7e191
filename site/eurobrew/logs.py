"""Where the site's log lines go, and from which level on.

Flask gives its logger a handler but no level, so the root logger's WARNING applies and the
admin audit lines (logins, failed logins, logouts) and "contact message stored" would never
reach a production log. Flask-Limiter's warnings (its storage unreachable) go to a logger
with no handler at all. Both now use Flask's handler, which writes to the server's error log
(gunicorn's, under gunicorn) or else to standard error.
"""

from __future__ import annotations

import logging

from flask import Flask
from flask.logging import default_handler

# Libraries whose messages an operator needs next to the site's own.
LIBRARY_LOGGERS = ("flask-limiter",)


def init_app(app: Flask) -> None:
    """Set the site's log level (``LOG_LEVEL``) and give library loggers the same handler."""
    if not app.debug:  # debug mode keeps Flask's DEBUG level
        app.logger.setLevel(app.config["LOG_LEVEL"])
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if default_handler not in logger.handlers:
            logger.addHandler(default_handler)
