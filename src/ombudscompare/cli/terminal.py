"""Text for a terminal: nothing a file or a file name holds can rewrite the terminal, disguise itself or pose as a
line of its own."""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def terminal_safe(text: str) -> str:
    """Text for a terminal: control characters (C0 but line breaks and tabs, C1 such as U+009B, the start of a
    terminal command) and the bidirectional overrides that make one name display as another are written as
    \\uXXXX, so nothing a file or file name holds can rewrite the terminal or disguise itself. In JSON
    strings that is the same character, escaped."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_BREAKS = re.compile("[\n\u2028\u2029]")


def one_line(text: str) -> str:
    """A message that must stay one line (an error, 'Wrote …'): terminal_safe, and the line and paragraph breaks a
    file name may hold written as \\uXXXX too, so no part of it can pose as a line of its own."""
    return _BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", terminal_safe(text))
