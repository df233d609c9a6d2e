"""`ombudscompare [FILE]` without a command: the window, opened on FILE (or the Haarlem case), or one line saying
why it cannot start here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..i18n import tr
from .arguments import UsageError


def window_file_at(argv: list[str], commands: set[str]) -> int | None:
    """`ombudscompare FILE` opens the window on FILE: where in argv the one positional argument is, if it
    is not a command and names a file (or looks like one)."""
    positional = []
    skip = False
    for at, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            positional.append(at)
    if len(positional) != 1:
        return None
    arg = argv[positional[0]]
    if arg in commands:
        return None
    if Path(arg).exists() or Path(arg).suffix.lower() in (".ombuds", ".json", ".xlsx"):
        return positional[0]
    return None


def open_window(file: str | None, lang: str | None) -> int:
    """Open the window; without a usable Qt or screen, say so in one line."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        raise UsageError(tr("the window cannot start: there is no screen (DISPLAY is not set). The command line"
                            " still works; see 'ombudscompare --help'."))
    try:
        from ..ui.app import run as run_window
    except ImportError as exc:
        raise UsageError(tr("the window cannot start: {reason}. The command line still works; see"
                            " 'ombudscompare --help'.", reason=exc)) from None
    return run_window(file, lang)
