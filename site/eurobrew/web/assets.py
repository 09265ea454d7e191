"""Static files under content-hashed names, cached by browsers for a year.

``url_for('static', filename='css/site.css')`` gives ``/static/css/site.<hash>.css``; the
hash changes whenever the file does, so the old name can be cached forever. The plain name
keeps working (with a short cache) for anything that links it directly.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, abort, current_app, send_from_directory

ONE_YEAR = 365 * 24 * 3600
HASH_LENGTH = 12
HASHED_NAME = re.compile(
    rf"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})(?P<suffix>\.[A-Za-z0-9]+)$"
)


@lru_cache(maxsize=256)
def _file_hash(path: str, mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return digest[:HASH_LENGTH]


def content_hash(folder: Path, filename: str) -> str | None:
    """The short content hash of a static file, or None when it does not exist."""
    path = (folder / filename).resolve()
    if not path.is_relative_to(folder.resolve()):
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return _file_hash(str(path), stat.st_mtime_ns, stat.st_size)


def hashed_filename(folder: Path, filename: str) -> str:
    """``css/site.css`` -> ``css/site.<hash>.css``; unknown files keep their name."""
    digest = content_hash(folder, filename)
    if digest is None:
        return filename
    base, dot, suffix = filename.rpartition(".")
    return f"{base}.{digest}.{suffix}" if dot else f"{filename}.{digest}"


def add_hash_to_static_urls(endpoint: str, values: dict) -> None:
    """url_defaults hook: put the content hash into every static URL the app builds.

    Outside debug mode the static files do not change while the app runs, so each name is
    looked up once; in debug mode every URL checks the file again.
    """
    if endpoint != "static" or "filename" not in values:
        return
    filename = values["filename"]
    if current_app.debug:
        values["filename"] = hashed_filename(Path(current_app.static_folder), filename)
        return
    names = current_app.extensions.setdefault("hashed_static_names", {})
    if filename not in names:
        names[filename] = hashed_filename(Path(current_app.static_folder), filename)
    values["filename"] = names[filename]


def serve_static(filename: str):
    """Serve a static file; hashed names get a year's immutable cache, plain ones an hour."""
    folder = Path(current_app.static_folder)
    match = HASHED_NAME.match(filename)
    if match:
        plain = match["stem"] + match["suffix"]
        if content_hash(folder, plain) != match["hash"]:
            abort(404)  # an old hash: the content it names no longer exists
        response = send_from_directory(folder, plain, max_age=ONE_YEAR)
        response.cache_control.public = True
        response.cache_control.immutable = True
        return response
    return send_from_directory(folder, filename, max_age=3600)


def init_app(app: Flask) -> None:
    """Hash static URLs and serve hashed names."""
    app.url_defaults(add_hash_to_static_urls)
    app.view_functions["static"] = serve_static
