"""Picture files that nothing names any more, removed after a grace period (``flask media gc``).

A picture's files stay while the library has its image (in the trash too) or any revision
names it, so history can bring it back and a backup's database copy never names a file its
archive lacks. A file no row names is kept for MEDIA_GRACE_HOURS more: a form being filled
in may hold it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from flask import current_app
from sqlalchemy import select, union

from ..extensions import db
from ..models import Image
from ..models.revisions import Revision
from . import upload_folder

# A stored picture's files: <stem>.jpg, <stem>-<width>.<format>, <stem>-share.jpg.
PICTURE_FILE = re.compile(r"^([0-9a-f]{24})(?:-(?:\d+|share))?\.(?:jpg|webp|avif)$")


def named_stems() -> set[str]:
    """The stem of every picture the library or a revision names."""
    old_names = select(Revision.photo).where(Revision.photo.is_not(None))
    query = union(select(Image.stem), old_names)
    return {name.removesuffix(".jpg") for name in db.session.scalars(query)}


def collect_unused(grace_hours: float | None = None, now: float | None = None) -> list[str]:
    """Remove the files of pictures no row names, older than the grace period.

    Returns the names removed.
    """
    if grace_hours is None:
        grace_hours = current_app.config["MEDIA_GRACE_HOURS"]
    folder = upload_folder()
    if not folder.is_dir():
        return []
    keep = named_stems()
    cutoff = (time.time() if now is None else now) - grace_hours * 3600
    removed = []
    for path in sorted(folder.iterdir()):
        match = PICTURE_FILE.match(path.name)
        if match and match[1] not in keep and _older(path, cutoff):
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except FileNotFoundError:
        return False
