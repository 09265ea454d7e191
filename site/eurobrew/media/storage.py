"""Storing pictures under random names in the upload folder, with their renditions."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .pixels import pixels_only
from .renditions import build_renditions, master_name, write_master

# The front server reads photos as a member of the folder's group (README: Deploying): the
# folder passes its group on to new files (setgid) and nobody else may list or read them.
FOLDER_MODE = 0o2750
FILE_MODE = 0o640


@dataclass(frozen=True)
class StoredPhoto:
    """A saved photo: its file name in the upload folder and its pixel size."""

    name: str
    width: int
    height: int


# What store_image names a photo: 24 hex digits. Anything else is not one of ours.
PHOTO_NAME = re.compile(r"^[0-9a-f]{24}\.jpg$")


def stored_photo(name: str | None, folder: Path) -> StoredPhoto | None:
    """A photo stored earlier (by its name), with its size; None if there is no such photo."""
    if not name or not PHOTO_NAME.match(name) or not (folder / name).is_file():
        return None
    with Image.open(folder / name) as image:
        return StoredPhoto(name, image.width, image.height)


def ensure_folder(folder: Path) -> Path:
    """The upload folder, created with FOLDER_MODE when it does not exist yet."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)
    return folder


def store_picture(image: Image.Image, folder: Path, focal: tuple[int, int] = (50, 50)):
    """Store an uploaded picture for the library under a new random stem, with every
    rendition; on failure nothing of it remains. Returns its stem and size (StoredPhoto)."""
    ensure_folder(folder)
    stem = secrets.token_hex(12)
    try:
        master = write_master(pixels_only(image), folder, stem)
        build_renditions(folder, stem, focal)
    except BaseException:
        (folder / master_name(stem)).unlink(missing_ok=True)
        raise
    return StoredPhoto(master_name(stem), master.width, master.height)
