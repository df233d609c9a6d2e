"""An exported SVG looks the same outside Qt: rendered by an independent renderer (CairoSVG, or librsvg's
rsvg-convert), every series colour covers the same places as in the PNG export."""

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from ombudscompare.explain import palette
from ombudscompare.explain.kinds import chart_data
from ombudscompare.ui.export.charts import chart_widget, png_bytes, svg_bytes

SIZE = QSize(1920, 1080)


def render_elsewhere(svg: bytes) -> np.ndarray | None:
    """RGB pixels of the SVG drawn at 1920 × 1080 on white, by a renderer that is not Qt."""
    try:
        import cairosvg

        png = cairosvg.svg2png(bytestring=svg, output_width=1920, output_height=1080, background_color="white")
    except (ImportError, OSError):  # no CairoSVG, or no cairo library under it
        if not shutil.which("rsvg-convert"):
            return None
        png = subprocess.run(["rsvg-convert", "-w", "1920", "-h", "1080", "-b", "white"], input=svg,
                             capture_output=True, check=True, timeout=60).stdout
    image = QImage.fromData(png)
    return qimage_rgb(image)


def qimage_rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(bytes(image.constBits()), np.uint8)
    return raw.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3)


def blocks(rgb: np.ndarray, colour: str, block: int = 20) -> np.ndarray:
    """Which 20 × 20 blocks hold this colour (a few per cent of their pixels: a thin line counts too)."""
    target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    near = np.abs(rgb.astype(int) - target).sum(axis=2) < 60
    h, w = near.shape
    grid = near[: h - h % block, : w - w % block].reshape(h // block, block, w // block, block)
    return grid.mean(axis=(1, 3)) > 0.03


def grown(mask: np.ndarray) -> np.ndarray:
    """The mask and its eight neighbours of every block."""
    padded = np.pad(mask, 1)
    h, w = mask.shape
    return np.any([padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)


@pytest.mark.parametrize("kind", ["ranking", "costs-complaints", "sensitivity"])
def test_svg_renders_outside_qt_like_the_png(qapp, haarlem, kind):
    widget = chart_widget(kind, haarlem, "nl")
    png = qimage_rgb(QImage.fromData(png_bytes(widget, SIZE)))
    svg = svg_bytes(chart_widget(kind, haarlem, "nl"), SIZE, kind)
    elsewhere = render_elsewhere(svg)
    if elsewhere is None:
        pytest.skip("neither CairoSVG nor rsvg-convert is installed")
    data = chart_data(kind, haarlem, "nl")
    series = len(data.legend) if hasattr(data, "legend") else len(data.series)
    compared = 0
    for index in range(min(series, len(palette.PALETTE) - 1)):  # black is text too; leave it out
        ours, theirs = blocks(png, palette.colour(index)), blocks(elsewhere, palette.colour(index))
        compared += 1
        # every block of the colour in one picture has one in the other at most a block away (a dashed line's
        # dashes may start a little differently); misplaced or smeared bars fail this by far
        found = (ours & grown(theirs)).sum() / ours.sum()
        shown = (theirs & grown(ours)).sum() / max(1, theirs.sum())
        assert min(found, shown) > 0.95, f"{palette.colour(index)}: {found:.2f} / {shown:.2f}"
    assert compared >= 2


def test_svg_has_no_stretched_groups_and_a_slide_size(qapp, haarlem):
    svg = svg_bytes(chart_widget("ranking", haarlem, "nl"), SIZE, "ranking")
    root = ET.parse(io.BytesIO(svg)).getroot()
    assert root.get("width") == "338.67mm" and root.get("height") == "190.50mm"
    assert b"non-scaling-stroke" not in svg
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        transform = group.get("transform", "")
        if transform.startswith("matrix(") and any(child.tag.endswith(("rect", "path")) for child in group):
            a, b, c, d = (float(v) for v in transform[7:-1].split(",")[:4])
            assert (a, b, c, d) == (1, 0, 0, 1), transform
