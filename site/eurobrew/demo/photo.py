"""A picture for the seed article, drawn rather than shipped: a wafer of chips."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from ..media.storage import store_picture
from ..models import Image as Image_
from ..models import ImageText

WIDTH, HEIGHT = 1200, 675


def draw_wafer() -> Image.Image:
    """A silicon wafer with a grid of dies on a dark background."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (24, 32, 48))
    draw = ImageDraw.Draw(image)
    cx, cy, radius = WIDTH // 2, HEIGHT // 2, 300
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(150, 160, 175))
    die = 38
    for x in range(cx - radius, cx + radius, die):
        for y in range(cy - radius, cy + radius, die):
            corners = [(x, y), (x + die, y), (x, y + die), (x + die, y + die)]
            if all((px - cx) ** 2 + (py - cy) ** 2 < (radius - 6) ** 2 for px, py in corners):
                shade = 90 + ((x * 7 + y * 13) % 60)
                draw.rectangle((x + 2, y + 2, x + die - 2, y + die - 2), fill=(60, shade, 140))
    return image


def seed_photo(folder: Path, credit: str, alts: dict[str, str]) -> Image_:
    """Draw the wafer and store it in the library like an uploaded picture."""
    stored = store_picture(draw_wafer(), folder)
    image = Image_(stem=stored.name.removesuffix(".jpg"), width=stored.width, height=stored.height)
    image.credit = credit
    image.texts = [ImageText(lang=lang, alt=alt) for lang, alt in alts.items()]
    return image
