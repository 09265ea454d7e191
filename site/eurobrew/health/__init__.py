"""/healthz: 200 when the database answers, 503 when it does not."""

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """For load balancers and monitors; never cached."""
    try:
        db.session.execute(text("SELECT 1"))
        status, code = "ok", 200
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.exception("health check: the database does not answer")
        status, code = "database unavailable", 503
    response = jsonify(status=status)
    response.status_code = code
    response.cache_control.no_store = True
    return response
