"""Make every icon file from resources/icons/ombudscompare.svg: `python packaging/make_icons.py`.

Writes the PNG sizes (resources/icons/png/), a Windows .ico and a macOS .icns (both hold PNG images,
which every Windows since Vista and macOS since 10.7 read), and the PNGs the running app uses for its
window (src/ombudscompare/resources/icons/). Qt renders the SVG, so no other image library is needed.
Run it after changing the SVG and commit what it writes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "ombudscompare.svg"
PNG_FOLDER = ROOT / "resources" / "icons" / "png"
ICO = ROOT / "resources" / "icons" / "ombudscompare.ico"
ICNS = ROOT / "resources" / "icons" / "ombudscompare.icns"
RUNTIME = ROOT / "src" / "ombudscompare" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RUNTIME_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types reuse the larger images)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))


def render(size: int) -> bytes:
    """The SVG drawn at size × size on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon: a directory of PNG images (a size of 256 is written as 0, as the format asks)."""
    sizes = [s for s in ICO_SIZES if s in images]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = images[size]
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon family: 'icns', its length, then typed elements of PNG data."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {size: render(size) for size in SIZES}
    PNG_FOLDER.mkdir(parents=True, exist_ok=True)
    RUNTIME.mkdir(parents=True, exist_ok=True)
    for size, data in images.items():
        (PNG_FOLDER / f"ombudscompare-{size}.png").write_bytes(data)
        if size in RUNTIME_SIZES:
            (RUNTIME / f"ombudscompare-{size}.png").write_bytes(data)
    ICO.write_bytes(ico(images))
    ICNS.write_bytes(icns(images))
    print(f"wrote {len(images)} PNG sizes, {ICO.name} and {ICNS.name} from {SOURCE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
