"""The demo's product pictures, drawn with Pillow: clean technical views with no writing.

Each function returns a WIDTH x HEIGHT RGB picture; ``PICTURES`` names them for the
products module.
"""

from __future__ import annotations

from PIL import Image

from .drawing import COPPER, DARK, GREEN, PAINT, STEEL, Canvas, shadow
from .equipment import keg, panel, pipe, pump, railing, valve, vessel

FLOOR = 800


def brewhouse() -> Image.Image:
    """A three-vessel brewhouse: mash-lauter tun, copper-clad kettle with its vapour stack,
    whirlpool; the wort line with a pump and valves; the control cabinet."""
    c = Canvas()
    pipe(
        c, [(810, 0), (810, 140)], 44, (False, True)
    )  # the kettle's vapour stack, out through the roof
    tun = vessel(c, 170, 190, 340, 300, floor=FLOOR, bottom="dish")
    kettle = vessel(c, 620, 120, 380, 330, floor=FLOOR, bottom="dish", base=COPPER)
    pool = vessel(c, 1100, 240, 290, 260, floor=FLOOR, bottom="dish")
    pipe(c, [(340, tun), (340, 730), (560, 730)])
    pump(c, 560, FLOOR, 0.8)
    pipe(c, [(660, 745), (760, 745), (760, 700), (810, 700), (810, kettle)])
    pipe(c, [(840, kettle), (840, 720), (1245, 720), (1245, pool)])
    pipe(c, [(1390, 420), (1470, 420), (1470, 200), (60, 200), (60, 380), (170, 380)], 10)
    for x, y in ((440, 730), (1000, 720), (1170, 720)):
        valve(c, x, y)
    valve(c, 760, 745, GREEN)
    panel(c, (1440, 470, 1590, 0), FLOOR)
    return c.finished()


def tanks() -> Image.Image:
    """Cylindro-conical fermentation tanks with cooling jackets in two rows, and the
    manifold their cones empty into."""
    c = Canvas()
    for x in (300, 650, 1000):  # the back row, smaller, further away
        vessel(c, x, 90, 200, 300, floor=700, bands=3, base=(226, 232, 238))
    tips = [vessel(c, x, 60, 250, 400, floor=FLOOR, bands=3) for x in (110, 460, 810, 1160)]
    pipe(c, [(40, 760), (1560, 760)], 16)
    for x, tip in zip((235, 585, 935, 1285), tips, strict=True):
        pipe(c, [(x, tip), (x, 760)], 10)
        valve(c, x, 700)
        pipe(c, [(x + 125, 470), (x + 175, 470), (x + 175, 560)], 8)  # the racking arm
        valve(c, x + 175, 560, PAINT)
    pipe(c, [(0, 30), (1600, 30)], 10, (False, False))  # the cooling main under the ceiling
    for x in (235, 585, 935, 1285):
        pipe(c, [(x + 60, 30), (x + 60, 120)], 8)
    return c.finished()


def cip() -> Image.Image:
    """A CIP cleaning station: lye, acid and water tanks on a skid, the supply pump, a plate
    heat exchanger, the return line and the control cabinet."""
    c = Canvas()
    c.rect((110, 760, 960, 780), PAINT)  # the skid frame the station is built on
    outlets = [vessel(c, x, 220, 220, 290, floor=760, bottom="dish") for x in (130, 410, 690)]
    pipe(c, [(240, outlets[0]), (240, 730), (980, 730)], 12)
    for x, out in zip((520, 800), outlets[1:], strict=True):
        pipe(c, [(x, out), (x, 730)], 12)
        valve(c, x, 690, GREEN)
    valve(c, 240, 690, GREEN)
    pump(c, 960, FLOOR, 0.9)
    pipe(c, [(1090, 740), (1150, 740), (1150, 640)], 12)
    shadow(c, 1120, 1260, FLOOR)
    c.rect((1120, 420, 1260, FLOOR), DARK)  # the heat exchanger's frame, its plates inside
    for plate in range(14):
        x = 1132 + plate * 8.6
        c.shaded((x, 440, x + 7, 760), STEEL, light=0.5)
    pipe(c, [(1190, 420), (1190, 160), (240, 160), (240, 220)], 12)  # the return line
    for x in (520, 800):
        pipe(c, [(x, 160), (x, 220)], 10)
    panel(c, (1320, 380, 1520, 0), FLOOR)
    return c.finished()


def keg_line() -> Image.Image:
    """A keg washing and filling line: kegs on a roller conveyor through the machine's
    guarded frame, the filling heads, and full kegs on a pallet."""
    c = Canvas()
    c.rect((0, 640, 1160, 670), (120, 130, 142))  # the conveyor and its rollers
    for x in range(0, 1140, 36):
        c.shaded((x + 4, 642, x + 30, 668), STEEL, "ellipse")
    for x in range(60, 1160, 240):
        shadow(c, x - 10, x + 30, FLOOR)
        c.rect((x, 670, x + 20, FLOOR), DARK)
    c.rect((520, 230, 1080, 640), (228, 236, 244), outline=(150, 160, 172), width=6)
    c.rect((520, 230, 1080, 300), (200, 210, 220))  # the machine's top with the valve block
    for x in (610, 800, 990):
        pipe(c, [(x, 300), (x, 470)], 14)  # a filling head coming down onto a keg
    for x in (60, 300, 570, 760, 950):
        keg(c, x, 640, 80)
    pipe(c, [(700, 230), (700, 60), (1600, 60)], 14, (True, False))
    pipe(c, [(900, 230), (900, 110), (1600, 110)], 10, (True, False))
    valve(c, 1300, 60)
    panel(c, (1190, 400, 1330, 0), FLOOR)
    shadow(c, 1360, 1590, 800)
    c.rect((1360, 770, 1590, 800), (176, 132, 84))  # a pallet of full kegs, two high
    for bottom in (768, 666):
        for x in (1370, 1445, 1520):
            keg(c, x, bottom, 64)
    return c.finished()


def brewery() -> Image.Image:
    """The whole brewery in one hall: brewhouse, a platform, fermentation tanks, kegs."""
    c = Canvas(horizon=720)
    pipe(c, [(330, 0), (330, 170)], 36, (False, True))
    vessel(c, 60, 220, 240, 220, floor=820, bottom="dish")
    vessel(c, 330 - 140, 150, 280, 250, floor=820, bottom="dish", base=COPPER)
    railing(c, 40, 520, 520)
    for x in (640, 880, 1120, 1360):
        vessel(c, x, 80, 200, 360, floor=820, bands=3)
    pipe(c, [(600, 780), (1580, 780)], 14)
    for x in (120, 220, 320):
        keg(c, x, 860, 70)
    return c.finished()


PICTURES = {
    "brewery": brewery,
    "brewhouse": brewhouse,
    "tanks": tanks,
    "cip": cip,
    "kegs": keg_line,
}
