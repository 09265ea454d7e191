"""The pieces of brewery equipment the demo's pictures are made of, drawn on a Canvas."""

from __future__ import annotations

from .drawing import DARK, GREEN, PAINT, RED, STEEL, Canvas, metal, shadow


def vessel(
    canvas: Canvas,
    x: float,
    top: float,
    width: float,
    height: float,
    *,
    floor: float,
    bottom: str = "cone",
    base=STEEL,
    bands: int = 0,
) -> float:
    """A round vessel standing on legs down to ``floor``: domed top, a body ``height`` high,
    a cone (fermenters) or a dished bottom. Returns the y of its outlet."""
    right = x + width
    dome = width * 0.22
    canvas.shaded((x, top, right, top + 2 * dome), base, "ellipse")
    body_top = top + dome
    canvas.shaded((x, body_top, right, body_top + height), base)
    end = body_top + height
    if bottom == "cone":
        tip = end + width * 0.55
        points = [(x, end), (right, end), (x + width * 0.56, tip), (x + width * 0.44, tip)]
        canvas.shaded((x, end, right, tip), base, "polygon", points)
    else:
        tip = end + width * 0.18
        canvas.shaded((x, end - width * 0.18, right, tip), base, "ellipse")
        canvas.shaded((x, end - width * 0.2, right, end), base)
    for band in range(bands):  # cooling jackets: slightly darker rings on the body
        y = body_top + height * (0.12 + 0.78 * band / max(1, bands - 1)) - 14
        canvas.shaded((x, y, right, y + 28), tuple(round(c * 0.9) for c in base))
    legs(canvas, x, right, end - 20, floor)
    manway(canvas, x + width * 0.62, body_top + height * 0.55, width * 0.16)
    return tip


def legs(canvas: Canvas, left: float, right: float, top: float, floor: float) -> None:
    """Three visible legs with feet, and the shadow they stand in."""
    shadow(canvas, left, right, floor)
    span = right - left
    for fraction in (0.08, 0.5, 0.92):
        x = left + span * fraction
        canvas.shaded((x - 9, top, x + 9, floor), STEEL)
        canvas.rect((x - 16, floor - 6, x + 16, floor), DARK)


def manway(canvas: Canvas, x: float, y: float, size: float) -> None:
    """A round manway door with its hinge, on a vessel's side."""
    canvas.ellipse((x - size / 2, y - size / 2, x + size / 2, y + size / 2), (150, 160, 172))
    inner = size * 0.4
    canvas.shaded((x - inner, y - inner, x + inner, y + inner), STEEL, "ellipse", light=0.65)
    canvas.rect((x - size / 2 - 10, y - 6, x - size / 2 + 4, y + 6), DARK)


def pipe(canvas: Canvas, points, width: float = 12, ends=(True, True)) -> None:
    """A stainless pipe along ``points``, with a highlight and a flange at each end ``ends``
    asks for (none where it leaves the picture)."""
    canvas.line(points, width, metal(STEEL, 0.7))
    canvas.line(
        [(x - width * 0.15, y - width * 0.15) for x, y in points], width * 0.3, (246, 248, 250)
    )
    for (x, y), flanged in zip((points[0], points[-1]), ends, strict=True):
        if not flanged:
            continue
        r = width * 0.85
        canvas.ellipse((x - r, y - r, x + r, y + r), metal(STEEL, 0.75))


def valve(canvas: Canvas, x: float, y: float, colour=RED) -> None:
    """A butterfly valve on a pipe, its handle painted ``colour``."""
    canvas.shaded((x - 14, y - 16, x + 14, y + 16), STEEL, light=0.4)
    canvas.rect((x - 3, y - 36, x + 3, y - 16), DARK)
    canvas.rect((x - 4, y - 42, x + 34, y - 32), colour)


def pump(canvas: Canvas, x: float, floor: float, scale: float = 1.0) -> None:
    """A centrifugal pump with its blue motor on a base plate, standing at ``floor``."""
    s = scale
    shadow(canvas, x - 10 * s, x + 150 * s, floor)
    canvas.rect((x - 10 * s, floor - 14 * s, x + 150 * s, floor), DARK)
    body = (x + 60 * s, floor - 74 * s, x + 150 * s, floor - 14 * s)
    canvas.shaded((body[0], body[1], body[2], body[3]), PAINT, light=0.35)
    for rib in range(4):
        rx = x + (72 + rib * 20) * s
        canvas.rect((rx, floor - 74 * s, rx + 4 * s, floor - 14 * s), (40, 72, 112))
    canvas.shaded((x, floor - 84 * s, x + 64 * s, floor - 14 * s), STEEL, "ellipse", light=0.4)


def panel(canvas: Canvas, box, floor: float) -> None:
    """A control cabinet with a touch screen and signal lamps (no writing on it)."""
    x0, y0, x1, _ = box
    shadow(canvas, x0, x1, floor)
    canvas.rect((x0, y0, x1, floor), (236, 239, 242), outline=(150, 158, 168), width=2)
    canvas.rect((x0 + 4, floor - 18, x1 - 4, floor), DARK)
    screen = (x0 + 24, y0 + 30, x1 - 24, y0 + 30 + (x1 - x0) * 0.5)
    canvas.rect(screen, (28, 46, 72))
    sx0, sy0, sx1, sy1 = screen
    for row in range(3):  # the screen shows a process diagram: tanks as bars
        bar = (sx0 + 18 + row * (sx1 - sx0 - 36) / 3, sy0 + 20, 0, sy1 - 16)
        canvas.rect((bar[0], bar[1] + 12 * row, bar[0] + 30, bar[3]), (90, 170, 220))
    for index, colour in enumerate((GREEN, (230, 180, 40), RED)):
        cx = x0 + 36 + index * 40
        canvas.ellipse((cx - 11, sy1 + 30, cx + 11, sy1 + 52), colour)


def keg(canvas: Canvas, x: float, bottom: float, width: float = 80) -> None:
    """A stainless keg standing at ``bottom``: two rolling rings and a top chime."""
    height = width * 1.3
    top = bottom - height
    canvas.shaded((x, top, x + width, bottom), STEEL)
    for y in (top + height * 0.3, top + height * 0.7):
        canvas.shaded((x - 3, y - 5, x + width + 3, y + 5), (190, 198, 208))
    canvas.shaded((x + 4, top - 12, x + width - 4, top + 4), (200, 208, 216), light=0.5)
    canvas.rect((x + width * 0.4, top - 18, x + width * 0.6, top - 8), DARK)


def railing(canvas: Canvas, x0: float, x1: float, deck: float) -> None:
    """A platform's deck with its railing, posts and toe board."""
    canvas.rect((x0, deck, x1, deck + 16), (120, 130, 142))
    canvas.rect((x0, deck - 8, x1, deck), (150, 160, 172))
    for y in (deck - 90, deck - 48):
        canvas.rect((x0, y, x1, y + 6), (236, 180, 40))
    post = x0
    while post <= x1:
        canvas.rect((post, deck - 90, post + 7, deck), (236, 180, 40))
        post += 110
