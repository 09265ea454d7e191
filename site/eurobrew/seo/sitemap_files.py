"""Finished sitemap files: written once per content version, shared by every worker.

A part of 50,000 URLs takes a quarter of a second to produce; a crawler asks for it again
and again, and every worker would make it again after each edit. So the first request
after a change writes the finished file under the instance's ``cache/sitemaps/<version>/``
(whole or not at all) and every worker sends that file until the content, the code or the
site's settings change. nginx compresses it for clients that accept gzip.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from flask import current_app, request

from ..files import atomic_write
from ..web.stamp import CODE_KEY, validators_for

# A folder of an older version goes this long after it was made: a worker that picked one
# of its files a moment before the content changed can still open it.
OLD_VERSION_GRACE_SECONDS = 300


def version_folder() -> Path | None:
    """This content version's folder, or None where pages are not validated (debug mode)."""
    app = current_app
    if CODE_KEY not in app.extensions:
        return None
    stamp = validators_for(app, request.environ).stamp
    latest = stamp.latest_visible.isoformat() if stamp.latest_visible else "-"
    parts = (
        app.extensions[CODE_KEY],
        str(stamp.version),
        latest,
        app.config["SITE_URL"],
        str(app.config["SITEMAP_MAX_URLS"]),
    )
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]
    return Path(app.instance_path) / "cache" / "sitemaps" / key


def finished_file(folder: Path, name: str, produce: Callable[[], Iterable[str]]) -> Path:
    """``folder``/``name``, written from ``produce()``'s text the first time it is asked for."""
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda handle: _write_text(handle, produce()), 0o644)
        remove_other_versions(folder)
    return path


def _write_text(handle, chunks: Iterable[str]) -> None:
    for chunk in chunks:
        handle.write(chunk.encode())


def remove_other_versions(current: Path) -> None:
    """Delete the folders of earlier versions, once no request can still be sending them."""
    cutoff = time.time() - OLD_VERSION_GRACE_SECONDS
    for folder in current.parent.iterdir():
        if folder != current and folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
