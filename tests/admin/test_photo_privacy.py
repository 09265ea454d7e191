"""Stored photos hold pixels only, whatever the upload carried, and storing the largest
upload accepted stays within a worker's memory."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from eurobrew.config import PROJECT_ROOT
from eurobrew.media.pixels import (
    DECODE_BUDGET,
    MAX_PIXELS,
    TooManyPixels,
    UnsupportedImage,
    open_upload,
)
from eurobrew.media.renditions import FORMATS, rendition_name, rendition_widths, share_name
from eurobrew.media.storage import StoredPhoto, store_picture

SITE = PROJECT_ROOT / "site"
COMMENT = b"<html><script>alert(1)</script> secret comment"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description>secret xmp</rdf:Description></rdf:RDF></x:xmpmeta>'
)
# What must not reach a stored file, in any of its widths.
LEAKS = (b"secret", b"script", b"SpyCam", b"Exif", b"ICC_PROFILE", b"adobe", b"acsp")
# SOI, APP0, DQT, SOF0, SOF2, DHT, DRI, SOS and EOI: a JPEG's pixels and nothing else.
PIXEL_MARKERS = {0xD8, 0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA, 0xD9}
RED, GREY, GREEN = (255, 0, 0), (128, 128, 128), (60, 200, 80)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def wide_gamut_profile() -> bytes:
    """An ICC matrix profile with Adobe RGB (1998) primaries and gamma, built by hand."""
    gamma = b"curv\0\0\0\0" + struct.pack(">IH", 1, 563) + b"\0\0"  # 563/256 = 2.2
    tags = [
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(0.60974, 0.31111, 0.01947)),
        (b"gXYZ", _xyz(0.20528, 0.62567, 0.06087)),
        (b"bXYZ", _xyz(0.14919, 0.06322, 0.74457)),
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
    ]
    start = 128 + 4 + 12 * len(tags)
    table, body = struct.pack(">I", len(tags)), b""
    for signature, data in tags:
        table += signature + struct.pack(">II", start + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    header = struct.pack(">I", start + len(body)) + b"none\x02\x10\0\0mntrRGB XYZ "
    header += bytes(12) + b"acsp" + bytes(28) + _xyz(0.9642, 1.0, 0.8249)[8:] + bytes(48)
    return header + table + body


def spy_exif(orientation: int = 1) -> Image.Exif:
    """EXIF with a camera make, a GPS position and an orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 8.0, 30.0)
    return exif


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def store(data: bytes, folder: Path) -> tuple[StoredPhoto, list[Path]]:
    """Store upload ``data``; the picture and its JPEG files: the stored one, each width
    (narrowest first) and the share crop. Its AVIF and WebP files are checked here."""
    photo = store_picture(open_upload(io.BytesIO(data)), folder)
    stem, widths = photo.name.removesuffix(".jpg"), rendition_widths(photo.width)
    for width in widths:
        for extension in set(FORMATS) - {"jpg"}:
            with Image.open(folder / rendition_name(stem, width, extension)) as other:
                assert not {"exif", "icc_profile", "xmp", "comment"} & set(other.info)
                assert len(other.getexif()) == 0
    jpegs = [folder / rendition_name(stem, w, "jpg") for w in widths]
    return photo, [folder / photo.name, *jpegs, folder / share_name(stem)]


def jpeg_markers(data: bytes) -> list[tuple[int, bytes]]:
    """Every marker of a JPEG file and its segment, entropy-coded data skipped."""
    assert data[:2] == b"\xff\xd8"
    found, pos = [(0xD8, b"")], 2
    while True:
        assert data[pos] == 0xFF, f"no marker at byte {pos}"
        while data[pos] == 0xFF:  # fill bytes
            pos += 1
        marker, pos = data[pos], pos + 1
        if marker == 0xD9:
            return [*found, (marker, b"")]
        length = int.from_bytes(data[pos : pos + 2], "big")
        found.append((marker, data[pos + 2 : pos + length]))
        pos += length
        if marker == 0xDA:  # scan data runs to the next marker that is no stuffing or RSTn
            pos = data.index(b"\xff", pos)
            while data[pos + 1] == 0 or 0xD0 <= data[pos + 1] <= 0xD7:
                pos = data.index(b"\xff", pos + 2)


def assert_pixels_only(path: Path) -> None:
    data = path.read_bytes()
    with Image.open(path) as image:
        image.load()
        assert image.format == "JPEG" and image.mode == "RGB"
        assert not {"exif", "icc_profile", "comment", "xmp", "XML:com.adobe.xmp"} & set(image.info)
        assert len(image.getexif()) == 0
    markers = jpeg_markers(data)
    assert {marker for marker, _ in markers} <= PIXEL_MARKERS, [hex(m) for m, _ in markers]
    assert [segment[:5] for marker, segment in markers if marker == 0xE0] == [b"JFIF\0"]
    for leak in LEAKS:
        assert leak not in data


def hostile_jpeg() -> bytes:
    """A camera photo lying on its side, with every kind of metadata a JPEG can carry."""
    image = Image.new("RGB", (4800, 3200), GREY)
    image.paste(RED, (0, 0, 800, 500))  # the top left corner as the sensor saw it
    return encode(
        image,
        "JPEG",
        exif=spy_exif(orientation=6),
        comment=COMMENT,
        xmp=XMP,
        icc_profile=wide_gamut_profile(),
    )


def test_a_jpeg_is_stored_upright_with_pixels_only(tmp_path):
    data = hostile_jpeg()
    with Image.open(io.BytesIO(data)) as upload:  # the upload does carry it all
        assert upload.info["comment"] == COMMENT and b"secret xmp" in upload.info["xmp"]
        assert upload.info["icc_profile"] == wide_gamut_profile()
        exif = upload.getexif()
        assert exif[ExifTags.Base.Make] == "SpyCam" and exif[ExifTags.Base.Orientation] == 6
        assert exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"
    photo, files = store(data, tmp_path)
    assert (photo.width, photo.height) == (1600, 2400)  # turned a quarter clockwise
    assert len(files) == 6
    for path in files:
        assert_pixels_only(path)
    with Image.open(files[0]) as stored:
        assert stored.size == (1600, 2400)
        red, green, blue = stored.getpixel((1550, 50))  # the corner is now top right
        assert red > 200 and green < 60 and blue < 60
        assert stored.getpixel((50, 50))[0] < 180
    for path, width in zip(files[1:-1], rendition_widths(1600), strict=True):
        with Image.open(path) as copy:
            assert copy.size == (width, width * 3 // 2)


def test_a_png_loses_its_text_chunks(tmp_path):
    chunks = PngImagePlugin.PngInfo()
    chunks.add_text("Comment", COMMENT.decode())
    chunks.add_text("Software", "SpyCam secret", zip=True)
    chunks.add_itxt("XML:com.adobe.xmp", XMP.decode())
    image = Image.new("RGBA", (1000, 700), (*GREEN, 200))
    data = encode(image, "PNG", pnginfo=chunks, exif=spy_exif(), icc_profile=wide_gamut_profile())
    with Image.open(io.BytesIO(data)) as upload:
        upload.load()
        assert upload.info["Comment"] == COMMENT.decode() and "XML:com.adobe.xmp" in upload.info
        assert upload.getexif()[ExifTags.Base.Make] == "SpyCam"
    photo, files = store(data, tmp_path)
    assert (photo.width, photo.height) == (1000, 700) and len(files) == 5  # 480, 800, 1000, share
    for path in files:
        assert_pixels_only(path)


def test_a_webp_loses_its_exif_and_xmp(tmp_path):
    image = Image.new("RGB", (1000, 700), GREEN)
    data = encode(image, "WEBP", exif=spy_exif(orientation=3), xmp=XMP)
    with Image.open(io.BytesIO(data)) as upload:
        assert "exif" in upload.info and "xmp" in upload.info
    photo, files = store(data, tmp_path)
    assert (photo.width, photo.height) == (1000, 700) and len(files) == 5  # 480, 800, 1000, share
    for path in files:
        assert_pixels_only(path)


def stored_colour(data: bytes, folder: Path) -> tuple[int, ...]:
    _, files = store(data, folder)
    for path in files:
        assert_pixels_only(path)
    with Image.open(files[0]) as stored:
        return stored.getpixel((stored.width // 2, stored.height // 2))


def close(colour: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 3) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_colours_of_a_wide_gamut_profile_are_converted_to_srgb(tmp_path):
    profile = wide_gamut_profile()
    pixel = Image.new("RGB", (1, 1), GREEN)
    source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
    srgb = ImageCms.createProfile("sRGB")
    expected = ImageCms.profileToProfile(pixel, source, srgb, outputMode="RGB").getpixel((0, 0))
    assert not close(expected, GREEN, tolerance=30)  # the same numbers are another colour
    data = encode(Image.new("RGB", (900, 600), GREEN), "PNG", icc_profile=profile)
    assert close(stored_colour(data, tmp_path), expected)


def test_an_srgb_profile_is_dropped_and_the_colours_kept(tmp_path):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(Image.new("RGB", (900, 600), GREEN), "JPEG", quality=95, icc_profile=profile)
    assert close(stored_colour(data, tmp_path), GREEN)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_broken_profile_counts_as_srgb(tmp_path, fmt):
    image = Image.new("RGB", (900, 600), GREEN)
    data = encode(image, fmt, icc_profile=b"no colour profile at all " * 8)
    with Image.open(io.BytesIO(data)) as upload:
        upload.load()
        assert upload.info["icc_profile"].startswith(b"no colour profile")
    assert close(stored_colour(data, tmp_path), GREEN)


@pytest.mark.parametrize("progressive", [False, True])
def test_a_truncated_large_jpeg_is_refused(progressive):
    # Large enough to be decoded at a reduced scale, which must still read every block.
    noise = Image.effect_noise((4800, 3200), 40).convert("RGB")
    data = encode(noise, "JPEG", quality=60, progressive=progressive)
    with pytest.raises(UnsupportedImage):
        open_upload(io.BytesIO(data[: len(data) * 2 // 3]))


# Written by a separate process, so that making them does not count as storing them.
MAKE = """
import sys
from PIL import Image
folder = sys.argv[1]
def solid(mode, size):
    return Image.new(mode, size, (200, 120, 40, 128)[: len(mode)] if mode != "L" else 90)
solid("RGBA", (7740, 5167)).save(folder + "/largest.png")
solid("RGB", (7740, 5167)).save(
    folder + "/largest.jpg", quality=5, progressive=True, subsampling=0
)
solid("CMYK", (6920, 4624)).save(
    folder + "/largest.cmyk.jpg", quality=5, progressive=True, subsampling=0
)
solid("RGB", (4000, 3999)).save(folder + "/largest.webp", quality=5)
solid("L", (8000, 5001)).save(folder + "/too-large.png")
solid("L", (8000, 5001)).save(folder + "/too-large.jpg", quality=5)
solid("CMYK", (6000, 5334)).save(folder + "/too-large.cmyk.jpg", quality=5)
solid("RGB", (4000, 4001)).save(folder + "/too-large.webp", quality=5)
"""

# Storing one upload in a fresh interpreter, the decoders loaded beforehand. The peak is
# VmHWM, this process's own: ru_maxrss keeps the peak of the process that started it.
MEASURE = """
import io, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PIL import Image
from eurobrew.media.pixels import open_upload
from eurobrew.media.storage import store_picture
def peak_kb():
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0])
data, folder = Path(sys.argv[2]).read_bytes(), Path(sys.argv[3])
fmt = Image.open(io.BytesIO(data)).format
warm_up = io.BytesIO()
Image.new("RGB", (64, 64)).save(warm_up, fmt)
store_picture(open_upload(warm_up), folder)
before = peak_kb()
photo = store_picture(open_upload(io.BytesIO(data)), folder)
print(json.dumps({"growth_mb": (peak_kb() - before) / 1024, "width": photo.width}))
"""


@pytest.fixture(scope="module")
def large_uploads(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("large")
    subprocess.run([sys.executable, "-c", MAKE, str(folder)], check=True, timeout=120)
    return folder


# The largest upload of each kind: the pixels its decoder may hold within DECODE_BUDGET.
CAPS = {
    "png": MAX_PIXELS,
    "jpg": MAX_PIXELS,  # progressive, full-resolution colour: the costliest JPEG
    "cmyk.jpg": DECODE_BUDGET // 8,
    "webp": DECODE_BUDGET // 16,
}


def pixels(path: Path) -> int:
    with Image.open(path) as image:
        return image.width * image.height


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
@pytest.mark.parametrize(("kind", "cap"), CAPS.items())
def test_storing_the_largest_upload_grows_a_worker_by_under_300_mb(
    large_uploads, tmp_path, kind, cap
):
    upload = large_uploads / f"largest.{kind}"
    assert 0.999 * cap < pixels(upload) <= cap
    command = [sys.executable, "-c", MEASURE, str(SITE), str(upload), str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(done.stdout)
    print(upload.name, f"{result['growth_mb']:.0f} MB")
    assert result["width"] == 1600
    assert result["growth_mb"] < 300


@pytest.mark.parametrize(("kind", "cap"), CAPS.items())
def test_an_upload_just_over_its_cap_is_refused(large_uploads, kind, cap):
    upload = large_uploads / f"too-large.{kind}"
    assert cap < pixels(upload) < 1.001 * cap
    with pytest.raises(TooManyPixels):
        open_upload(io.BytesIO(upload.read_bytes()))
