"""Storing photos under random names in the upload folder, in the widths the pages use."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..files import atomic_write
from .pixels import MAX_HEIGHT, MAX_WIDTH, pixels_only
from .renditions import build_renditions, master_name, write_master

# Smaller copies for phones and narrow columns, offered to browsers through srcset.
VARIANT_WIDTHS = (480, 800)
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


def variant_name(name: str, width: int) -> str:
    """The file name of the ``width`` pixels wide copy of photo ``name``."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-{width}{dot}{suffix}"


def variant_widths(width: int) -> list[int]:
    """The smaller copies a photo ``width`` pixels wide has."""
    return [w for w in VARIANT_WIDTHS if w < width]


def _write_jpeg(image: Image.Image, path: Path) -> None:
    """Write ``image`` to ``path`` whole or not at all, readable through the folder's group."""

    def encode(handle) -> None:
        # An empty comment: Pillow would otherwise copy one from ``image.info``.
        image.save(handle, "JPEG", quality=82, optimize=True, progressive=True, comment=b"")

    atomic_write(path, encode, FILE_MODE)


def store_image(image: Image.Image, folder: Path) -> StoredPhoto:
    """Re-encode ``image`` as JPEG under a new random name, with its smaller copies.

    Only pixels are kept (no metadata, no original bytes), so nothing uploaded is ever
    served as it came. On failure no file of the new photo remains.
    """
    ensure_folder(folder)
    image = pixels_only(image)
    image.thumbnail((MAX_WIDTH, MAX_HEIGHT), Image.Resampling.LANCZOS)
    name = secrets.token_hex(12) + ".jpg"
    written: list[Path] = []
    try:
        for width in variant_widths(image.width):
            copy = image.resize(
                (width, max(1, round(image.height * width / image.width))),
                Image.Resampling.LANCZOS,
            )
            written.append(folder / variant_name(name, width))
            _write_jpeg(copy, written[-1])
        written.append(folder / name)
        _write_jpeg(image, written[-1])
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return StoredPhoto(name, image.width, image.height)


def delete_photo(name: str | None, folder: Path) -> None:
    """Remove a stored photo and its smaller copies; a missing file is no error."""
    if not name or "/" in name or "\\" in name:
        return
    (folder / name).unlink(missing_ok=True)
    for width in VARIANT_WIDTHS:
        (folder / variant_name(name, width)).unlink(missing_ok=True)


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
