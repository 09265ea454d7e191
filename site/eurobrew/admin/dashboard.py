"""The dashboard: the articles changed last, with their status and languages."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_login import login_required

from . import bp, queries

DASHBOARD_ARTICLES = 10


@bp.get("/")
@login_required
def dashboard():
    """Latest articles and the way to every editor."""
    return render_template(
        "admin/dashboard.html", articles=queries.recently_changed(DASHBOARD_ARTICLES)
    )


@bp.get("", strict_slashes=False)
def bare_prefix():
    """/admin without the slash leads to the dashboard."""
    return redirect(url_for("admin.dashboard"))
