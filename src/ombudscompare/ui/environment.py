"""Where Qt draws without a screen (the command line's charts and reports, the self-test): set before Qt starts."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def use_offscreen() -> None:
    """Qt's offscreen platform, unless the environment chose another. On Windows its font database looks for fonts
    only where QT_QPA_FONTDIR points, so without it every letter of a chart or report comes out as a box: point it
    at the system's fonts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.platform == "win32" and not os.environ.get("QT_QPA_FONTDIR"):
        fonts = Path(os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows") / "Fonts"
        if fonts.is_dir():
            os.environ["QT_QPA_FONTDIR"] = str(fonts)
