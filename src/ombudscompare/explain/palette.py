"""Series colours and hatches shared by every chart the program makes (window, image files, workbook).

Okabe & Ito (2008): safe for the common colour-vision deficiencies; a hatch per series as well, so
no series is told apart by colour alone, also in a black-and-white print.
"""

from __future__ import annotations

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("none", "up", "horizontal", "down", "grid", "vertical", "cross", "dots")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "solid", "dash", "dot")


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def hatch(index: int) -> str:
    """A different hatch for every colour cycle, so neighbours differ in colour and every 8th also in hatch."""
    return HATCHES[(index + index // len(PALETTE)) % len(HATCHES)]


def is_light(hex_colour: str) -> bool:
    """Light colours get dark hatch lines, dark ones light lines."""
    red, green, blue = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return (max(red, green, blue) + min(red, green, blue)) / 2 > 0.6
