"""Storing photos under random names in the upload folder, in the widths the pages use."""

from __future__ import annotations

import os
import secrets
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps

# The widest a photo is ever shown; larger originals are scaled down once, on save.
MAX_WIDTH = 1200
# Smaller copies for phones and narrow columns, offered to browsers through srcset.
VARIANT_WIDTHS = (480, 800)
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Far more than any camera makes; a larger image is a decompression bomb, not a photo.
MAX_PIXELS = 50_000_000
# The front server reads photos as a member of the folder's group (README: Deploying): the
# folder passes its group on to new files (setgid) and nobody else may list or read them.
FOLDER_MODE = 0o2750
FILE_MODE = 0o640


class UnsupportedImage(ValueError):
    """The upload is not a JPEG, PNG or WebP image that decodes in full."""


@dataclass(frozen=True)
class StoredPhoto:
    """A saved photo: its file name in the upload folder and its pixel size."""

    name: str
    width: int
    height: int


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


def open_upload(stream: BinaryIO) -> Image.Image:
    """Decode an upload completely, whatever its name says; raise UnsupportedImage if bad."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(stream)
            if probe.format not in ACCEPTED_FORMATS:
                raise UnsupportedImage(f"format {probe.format}")
            if probe.width * probe.height > MAX_PIXELS:
                raise UnsupportedImage("too many pixels")
            probe.verify()
            stream.seek(0)  # verify() leaves the image unusable; decode it again in full
            image = Image.open(stream)
            image.load()
        except UnsupportedImage:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as err:
            raise UnsupportedImage(str(err)) from err
        except Image.DecompressionBombWarning as err:
            raise UnsupportedImage(str(err)) from err
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """Upright RGB: camera rotation applied, transparency laid over white."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _write_jpeg(image: Image.Image, path: Path) -> None:
    """Write ``image`` to ``path`` whole or not at all."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            image.save(handle, "JPEG", quality=82, optimize=True, progressive=True)
        os.chmod(tmp, FILE_MODE)  # the front server reads it through the folder's group
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_image(image: Image.Image, folder: Path) -> StoredPhoto:
    """Re-encode ``image`` as JPEG under a new random name, with its smaller copies.

    Only pixels are kept (no metadata, no original bytes), so nothing uploaded is ever
    served as it came. On failure no file of the new photo remains.
    """
    ensure_folder(folder)
    image = _flatten(image)
    if image.width > MAX_WIDTH:
        image.thumbnail((MAX_WIDTH, MAX_WIDTH * 4), Image.Resampling.LANCZOS)
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
