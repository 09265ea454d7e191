"""Drawing blocks for the demo's product pictures: stainless vessels, pipes, valves, a hall.

Everything is drawn at SCALE times the final size and reduced at the end, which smooths the
edges (Pillow's shapes have none of their own). Coordinates are given in final pixels.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900  # the stored size: the library's widest rendition, 16:9
SCALE = 2

STEEL = (214, 222, 230)
COPPER = (214, 140, 88)
PAINT = (52, 92, 140)  # motors, frames and panels
DARK = (58, 66, 78)
RED, GREEN = (196, 64, 52), (64, 150, 92)


class Canvas:
    """A picture being drawn, in final-pixel coordinates."""

    def __init__(self, wall=(232, 237, 242), floor=(188, 196, 204), horizon: int = 700):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), wall)
        self.draw = ImageDraw.Draw(self.image)
        self.horizon = horizon
        self._hall(wall, floor)

    def _hall(self, wall, floor) -> None:
        """A light wall fading to the top, a floor with joints, a skirting line."""
        for y in range(self.horizon):
            shade = 0.9 + 0.1 * y / self.horizon
            self.rect((0, y, WIDTH, y + 1), tuple(round(c * shade) for c in wall))
        self.rect((0, self.horizon, WIDTH, HEIGHT), floor)
        self.rect((0, self.horizon - 6, WIDTH, self.horizon), (160, 168, 178))
        for x in range(-800, WIDTH + 800, 160):  # floor joints running towards the viewer
            self.line(
                [(x, self.horizon), (WIDTH / 2 + (x - WIDTH / 2) * 1.8, HEIGHT)], 2, (174, 182, 190)
            )
        for y in (self.horizon + 60, self.horizon + 140):
            self.line([(0, y), (WIDTH, y)], 2, (174, 182, 190))

    def _xy(self, points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def rect(self, box, fill, outline=None, width: int = 0) -> None:
        """A plain rectangle (x0, y0, x1, y1)."""
        x0, y0, x1, y1 = (v * SCALE for v in box)
        self.draw.rectangle(
            (x0, y0, x1 - 1, y1 - 1), fill=fill, outline=outline, width=width * SCALE
        )

    def ellipse(self, box, fill, outline=None, width: int = 0) -> None:
        """A plain ellipse in the box (x0, y0, x1, y1)."""
        self.draw.ellipse([v * SCALE for v in box], fill=fill, outline=outline, width=width * SCALE)

    def polygon(self, points, fill, outline=None) -> None:
        """A plain polygon."""
        self.draw.polygon(self._xy(points), fill=fill, outline=outline)

    def line(self, points, width: float, fill) -> None:
        """A line through ``points``, ``width`` pixels thick, with round joints."""
        self.draw.line(self._xy(points), fill=fill, width=round(width * SCALE), joint="curve")

    def shaded(self, box, base, shape: str = "rect", points=None, light: float = 0.3) -> None:
        """A rounded metal surface: ``base`` lit from the left (highlight at ``light``)."""
        x0, y0, x1, y1 = (round(v * SCALE) for v in box)
        width, height = max(1, x1 - x0), max(1, y1 - y0)
        row = Image.new("RGB", (width, 1))
        row.putdata([metal(base, i / width, light) for i in range(width)])
        fill = row.resize((width, height), Image.Resampling.NEAREST)
        mask = Image.new("L", (width, height), 0)
        pen = ImageDraw.Draw(mask)
        if shape == "ellipse":
            pen.ellipse((0, 0, width - 1, height - 1), fill=255)
        elif shape == "polygon":
            pen.polygon([(x * SCALE - x0, y * SCALE - y0) for x, y in points], fill=255)
        else:
            pen.rectangle((0, 0, width - 1, height - 1), fill=255)
        self.image.paste(fill, (x0, y0), mask)

    def finished(self) -> Image.Image:
        """The picture at its final size."""
        return self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def metal(base, t: float, light: float = 0.3) -> tuple[int, int, int]:
    """The colour of a cylinder of ``base`` at ``t`` (0-1) across it: dark edges, one shine."""
    shine = math.exp(-(((t - light) / 0.16) ** 2))
    edge = math.sin(math.pi * min(max(t, 0.0), 1.0)) ** 0.6
    level = 0.55 + 0.3 * edge + 0.25 * shine
    return tuple(min(255, round(c * level)) for c in base)


def shadow(canvas: Canvas, x0: float, x1: float, y: float) -> None:
    """A soft floor shadow under something standing between ``x0`` and ``x1``."""
    for step in range(6):  # from the wide pale edge in to the dark core
        grow = 6 * (5 - step)
        tone = (182 - 5 * step, 189 - 5 * step, 197 - 5 * step)
        canvas.ellipse((x0 - grow, y - 8 - step, x1 + grow, y + 12 + step // 2), tone)
