"""Storing photos under random names in the upload folder."""

from __future__ import annotations

import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

# The widest a photo is ever shown; larger originals are scaled down once, on save.
MAX_WIDTH = 1200


@dataclass(frozen=True)
class StoredPhoto:
    """A saved photo: its file name in the upload folder and its pixel size."""

    name: str
    width: int
    height: int


def store_image(image: Image.Image, folder: Path) -> StoredPhoto:
    """Re-encode ``image`` as JPEG under a new random name; the file appears whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    image = image.convert("RGB")
    if image.width > MAX_WIDTH:
        image.thumbnail((MAX_WIDTH, MAX_WIDTH * 4), Image.Resampling.LANCZOS)
    name = secrets.token_hex(12) + ".jpg"
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            image.save(handle, "JPEG", quality=82, optimize=True, progressive=True)
        os.chmod(tmp, 0o644)  # the front server's workers read it as another user
        os.replace(tmp, folder / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return StoredPhoto(name, image.width, image.height)
