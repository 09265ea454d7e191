"""/sitemap.xml (split under an index when large) and /robots.txt."""

from flask import Response, abort, current_app, send_file, stream_with_context, url_for

from . import bp
from .sitemap_entries import fixed_entries, part_count, part_entries
from .sitemap_files import finished_file, version_folder
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


def xml_response(name: str, produce) -> Response:
    """The finished file ``name`` of this content version, written the first time; in debug
    mode, or when the file cannot be written, the XML is streamed as it is produced (a
    large sitemap never sits in memory)."""
    folder = version_folder()
    if folder is not None:
        try:
            path = finished_file(folder, name, produce)
        except OSError as error:  # a full or read-only disk: the sitemap is still answered
            current_app.logger.warning("sitemap file %s not written: %s", name, error)
        else:
            # The page's own validators (after_request) replace the file's.
            return send_file(path, mimetype="application/xml", etag=False, conditional=False)
    return Response(stream_with_context(produce()), mimetype="application/xml")


def urlset(fixed, start: int, limit: int):
    """The ``<urlset>`` of entries ``start`` to ``start + limit``."""
    return render_urlset(part_entries(fixed, start, limit))


@bp.route("/sitemap.xml")
def sitemap_xml():
    """Every public URL, or, past the per-file limit, an index of the numbered parts."""
    limit = current_app.config["SITEMAP_MAX_URLS"]
    fixed = fixed_entries()
    parts = part_count(fixed, limit)
    if parts == 1:
        return xml_response("sitemap.xml", lambda: urlset(fixed, 0, limit))
    return xml_response("sitemap.xml", lambda: render_index(parts))


@bp.route("/sitemap-<int:number>.xml")
def sitemap_part(number: int):
    """Part ``number`` (from 1) of a sitemap too large for one file."""
    limit = current_app.config["SITEMAP_MAX_URLS"]
    fixed = fixed_entries()
    parts = part_count(fixed, limit)
    if parts == 1 or not 1 <= number <= parts:
        abort(404)
    return xml_response(f"sitemap-{number}.xml", lambda: urlset(fixed, (number - 1) * limit, limit))
