"""A library image's files: the stored pixels and the renditions pages ask for.

Each image is stored once as ``<stem>.jpg`` (pixels only, at most MASTER_WIDTH wide) and
rendered at upload, never on a visitor's request, into every width of WIDTHS it is wider
than (plus its own width when that is not one of them), each as AVIF, WebP and JPEG; and one
Open Graph crop (1200 x 630 around the focal point) for link previews.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from ..files import atomic_write
from .pixels import MAX_HEIGHT, MAX_WIDTH

MASTER_WIDTH = MAX_WIDTH
WIDTHS = (480, 800, 1200, MASTER_WIDTH)
# What each format is saved with. AVIF at speed 8 took 0.05-0.1 s per width on a drawn
# 1600 px picture (the default speed 0.2-0.45 s) for files of the same size up to 1200 px
# and half as large again at 1600 (24 KB against 16): an upload answers in about a second.
FORMATS = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg"}
SHARE_SIZE = (1200, 630)  # the Open Graph image size social networks show whole
FILE_MODE = 0o640


def master_name(stem: str) -> str:
    """The stored pixels of an image, from which every rendition is made."""
    return f"{stem}.jpg"


def rendition_name(stem: str, width: int, extension: str) -> str:
    """The file of one width and format."""
    return f"{stem}-{width}.{extension}"


def share_name(stem: str) -> str:
    """The Open Graph crop of an image."""
    return f"{stem}-share.jpg"


def rendition_widths(width: int) -> list[int]:
    """The widths an image ``width`` pixels wide is offered in: never wider than itself."""
    widths = [w for w in WIDTHS if w < width]
    return [*widths, min(width, MASTER_WIDTH)]


def all_names(stem: str, width: int) -> list[str]:
    """Every file of an image: the stored pixels, each rendition and the share crop."""
    names = [master_name(stem), share_name(stem)]
    for size in rendition_widths(width):
        names += [rendition_name(stem, size, ext) for ext in FORMATS]
    return names


def _save(image: Image.Image, path: Path, extension: str) -> None:
    kind, options = FORMATS[extension]

    def encode(handle) -> None:
        # No comment, EXIF or profile: Pillow would otherwise copy them from image.info.
        image.save(handle, kind, **options)

    atomic_write(path, encode, FILE_MODE)


def crop_box(width: int, height: int, size: tuple[int, int]) -> tuple[int, int]:
    """The largest part of a ``width`` x ``height`` image with the proportions of ``size``."""
    target = size[0] / size[1]
    if width / height < target:
        return width, min(height, max(1, round(width / target)))
    return min(width, max(1, round(height * target))), height


def share_size(width: int, height: int) -> tuple[int, int]:
    """The size of an image's share crop: SHARE_SIZE, or its crop box when that is smaller."""
    crop_w, crop_h = crop_box(width, height, SHARE_SIZE)
    return (crop_w, crop_h) if crop_w <= SHARE_SIZE[0] else SHARE_SIZE


def focal_crop(image: Image.Image, size: tuple[int, int], focal: tuple[int, int]) -> Image.Image:
    """``image`` cut to the proportions of ``size`` around the focal point (per cent), then
    scaled to ``size`` (or less, never enlarged)."""
    width, height = image.size
    crop_w, crop_h = crop_box(width, height, size)
    left = min(max(0, round(width * focal[0] / 100 - crop_w / 2)), width - crop_w)
    top = min(max(0, round(height * focal[1] / 100 - crop_h / 2)), height - crop_h)
    cropped = image.crop((left, top, left + crop_w, top + crop_h))
    if crop_w > size[0]:
        cropped = cropped.resize(size, Image.Resampling.LANCZOS)
    return cropped


def write_master(image: Image.Image, folder: Path, stem: str) -> Image.Image:
    """Store ``image`` (already pixels only) as the stem's master, reduced to MASTER_WIDTH
    (and MAX_HEIGHT, so that a long strip of a picture stays a small file)."""
    if image.width > MASTER_WIDTH or image.height > MAX_HEIGHT:
        image = image.copy()
        image.thumbnail((MASTER_WIDTH, MAX_HEIGHT), Image.Resampling.LANCZOS)
    _save(image, folder / master_name(stem), "jpg")
    return image


def build_renditions(folder: Path, stem: str, focal: tuple[int, int] = (50, 50)) -> list[Path]:
    """Make every rendition of a stored image from its master; return the files written.

    On failure the renditions begun are removed and the error goes on.
    """
    written: list[Path] = []
    try:
        with Image.open(folder / master_name(stem)) as opened:
            master = opened.convert("RGB")
        for width in rendition_widths(master.width):
            size = (width, max(1, round(master.height * width / master.width)))
            copy = master if size == master.size else master.resize(size, Image.Resampling.LANCZOS)
            for extension in FORMATS:
                written.append(folder / rendition_name(stem, width, extension))
                _save(copy, written[-1], extension)
        written.append(folder / share_name(stem))
        _save(focal_crop(master, SHARE_SIZE, focal), written[-1], "jpg")
    except BaseException:
        remove_files(written)
        raise
    return written


def remove_files(paths: Iterable[Path]) -> None:
    """Delete files; one already gone is no error."""
    for path in paths:
        path.unlink(missing_ok=True)
