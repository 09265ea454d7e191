"""/sitemap.xml (split under an index when large) and /robots.txt."""

from flask import Response, abort, current_app, stream_with_context, url_for

from . import bp
from .sitemap_entries import fixed_entries, part_count, part_entries
from .sitemap_xml import render_index, render_urlset


@bp.route("/robots.txt")
def robots():
    """Crawlers may read everything public; the admin area is not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {url_for('seo.sitemap_xml', _external=True)}",
        "",
    ]
    return Response("\n".join(lines), mimetype="text/plain")


def xml_response(chunks) -> Response:
    """Stream XML as it is produced, so a large sitemap never sits in memory whole."""
    return Response(stream_with_context(chunks), mimetype="application/xml")


@bp.route("/sitemap.xml")
def sitemap_xml():
    """Every public URL, or, past the per-file limit, an index of the numbered parts."""
    limit = current_app.config["SITEMAP_MAX_URLS"]
    fixed = fixed_entries()
    parts = part_count(fixed, limit)
    if parts == 1:
        return xml_response(render_urlset(part_entries(fixed, 0, limit)))
    return xml_response(render_index(parts))


@bp.route("/sitemap-<int:number>.xml")
def sitemap_part(number: int):
    """Part ``number`` (from 1) of a sitemap too large for one file."""
    limit = current_app.config["SITEMAP_MAX_URLS"]
    fixed = fixed_entries()
    parts = part_count(fixed, limit)
    if parts == 1 or not 1 <= number <= parts:
        abort(404)
    return xml_response(render_urlset(part_entries(fixed, (number - 1) * limit, limit)))
