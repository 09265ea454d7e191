"""Uploaded pictures decoded safely and reduced to upright sRGB pixels, nothing else.

An upload is decoded in full (whatever its name says) within a memory budget, rotated as the
camera says, converted to sRGB from its own colour profile, and comes out as a new image
with no EXIF, XMP, comment, profile or other text it carried.
"""

from __future__ import annotations

import io
import warnings
from typing import BinaryIO

from PIL import ExifTags, Image, ImageCms

# The largest a photo is ever stored; larger originals are reduced on upload.
MAX_WIDTH = 1600
MAX_HEIGHT = MAX_WIDTH * 4  # so that a long strip of a picture stays a small file
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# More than most cameras make. Storing a 40-megapixel upload grows a worker by at most about
# 270 MB (a progressive JPEG; a PNG 175 MB), as tests/admin/test_photo_privacy.py measures; at 50
# megapixels that JPEG reached 300 MB.
MAX_PIXELS = 40_000_000
# The memory a decoder may hold at full size. Bytes a pixel, measured with Pillow 13: a PNG
# decodes into 4; a JPEG may keep 2 of coefficients for each colour component (6, or 8 for
# CMYK); libwebp decodes into two canvases that Pillow copies twice (16). So a CMYK JPEG may
# have 32 megapixels and a WebP 16.
DECODE_BUDGET = 256_000_000
BYTES_A_PIXEL = {"PNG": 4, "WEBP": 16}
# Reducing to twice the stored size first keeps resampling as sharp as thumbnail() does,
# unless that copy would be larger than this many pixels.
WORK_PIXELS = 8_000_000
STRIP_PIXELS = 1 << 20  # converted a strip at a time: never a second full-size copy

SRGB = ImageCms.createProfile("sRGB")
DECODE_ERRORS = (Image.DecompressionBombError, Image.DecompressionBombWarning)
# The transposition that makes a picture upright, by its EXIF orientation.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class UnsupportedImage(ValueError):
    """The upload is not a JPEG, PNG or WebP image that decodes in full."""


class TooManyPixels(UnsupportedImage):
    """The upload is an image, but larger than MAX_PIXELS (or its format's share of the budget)."""


def megapixel_caps() -> tuple[int, int]:
    """The largest photo accepted, in megapixels: any format, and WebP (for the help text)."""
    webp = DECODE_BUDGET // BYTES_A_PIXEL["WEBP"]
    return MAX_PIXELS // 1_000_000, webp // 1_000_000


def open_upload(stream: BinaryIO) -> Image.Image:
    """Decode an upload completely, whatever its name says; raise UnsupportedImage if bad.

    It comes back as pixels only, no larger than ``store_image`` needs: the full-size
    decode is freed before the request goes on.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(stream)
            if probe.format not in ACCEPTED_FORMATS:
                raise UnsupportedImage(f"format {probe.format}")
            pixels = probe.width * probe.height
            per_pixel = BYTES_A_PIXEL.get(probe.format) or 2 * len(probe.getbands())
            if pixels > MAX_PIXELS or pixels * per_pixel > DECODE_BUDGET:
                raise TooManyPixels(f"{pixels} pixels")
            probe.verify()
            stream.seek(0)  # verify() leaves the image unusable; decode it again in full
            image = Image.open(stream)
            if image.format == "JPEG":
                # Decoding at 1/2 to 1/8 scale still reads every block, so truncation shows.
                factor = _reduction(image)
                image.draft(None, (-(-image.width // factor), -(-image.height // factor)))
            image.load()
            return pixels_only(image)
        except UnsupportedImage:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, *DECODE_ERRORS) as err:
            raise UnsupportedImage(str(err)) from err


def _reduction(image: Image.Image) -> int:
    """How many times ``image`` can shrink and still be sharp at the size it is stored."""
    width, height = image.size
    if image.getexif().get(ExifTags.Base.Orientation) in (5, 6, 7, 8):
        width, height = height, width  # stored sideways
    ratio = max(width / MAX_WIDTH, height / MAX_HEIGHT)
    factor = max(1, int(ratio / 2))
    if width * height > WORK_PIXELS * factor**2:
        factor = max(1, int(ratio))
    return factor


def _opaque(image: Image.Image) -> Image.Image:
    """``image`` in a mode colour profiles apply to, transparency laid over white."""
    if image.mode in ("RGB", "L", "CMYK") and "transparency" not in image.info:
        return image
    if image.mode.startswith("I"):
        # 16-bit greyscale: 0-65535 scaled to 0-255 (a plain conversion would clip to white).
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if not image.has_transparency_data:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _shrink(image: Image.Image, factor: int) -> Image.Image:
    """``image`` made opaque and reduced ``factor`` times, a strip of rows at a time."""
    rows = factor * max(1, STRIP_PIXELS // (image.width * factor))
    size = (-(-image.width // factor), -(-image.height // factor))
    result = None
    for top in range(0, image.height, rows):
        strip = image.crop((0, top, image.width, min(image.height, top + rows)))
        strip = _opaque(strip).reduce(factor)
        if result is None:
            result = Image.new(strip.mode, size)
        result.paste(strip, (0, top // factor))
    return result


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """``image`` as RGB, its colours converted from profile ``icc`` to sRGB."""
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken profile, or one for other colours: the pixels count as sRGB
    return image.convert("RGB")


def pixels_only(image: Image.Image) -> Image.Image:
    """Upright sRGB pixels of ``image``, reduced towards its stored size, and nothing else.

    No EXIF, XMP, comment, colour profile or other text the image carried is kept.
    """
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    result = _to_srgb(_shrink(image, _reduction(image)), image.info.get("icc_profile"))
    if orientation in UPRIGHT:
        result = result.transpose(UPRIGHT[orientation])
    result.info = {}
    return result
