"""The command line's arguments: argparse that says a mistake in one line, in the user's language, and the
number types that read both habits ('1.234,5' and '1,234.5') with the rule each argument needs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from ..i18n import tr
from ..i18n.numbers import parse_number

LANGUAGES = ("nl", "en")


class UsageError(Exception):
    """A command-line mistake, already in words for the user."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a mistake as one line instead of usage plus a message."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(_translate_argparse(message))


def _translate_argparse(message: str) -> str:
    known = {
        "unrecognized arguments: ": "unknown arguments: {rest}",
        "the following arguments are required: ": "missing: {rest}",
        "invalid choice: ": "invalid choice: {rest}",
        "expected one argument": "expects a value",
    }
    for prefix, msgid in known.items():
        if message.startswith(prefix):
            return tr(msgid, rest=message[len(prefix):])
        if prefix in message:
            head, _, rest = message.partition(prefix)
            return head + tr(msgid, rest=rest)
    return message


# --- numbers: one parser, with the rule each argument needs --------------------------------------
def number(rule: str) -> Callable[[str], float]:
    """An argparse type reading a number in either habit ('1.234,5' or '1,234.5') and checking `rule`:
    'whole' (an integer ≥ 1), 'count' (≥ 0), 'samples' (whole, at most 10,000,000) or 'percent' (0–100)."""

    def parse(text: str) -> float:
        try:
            value = parse_number(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr("'{text}' is not a number", text=text)) from None
        if rule in ("whole", "samples") and (not value.is_integer() or value < 1):
            raise argparse.ArgumentTypeError(tr("'{text}' is not a whole number of at least 1", text=text))
        if rule == "samples" and value > 10_000_000:
            raise argparse.ArgumentTypeError(tr("'{text}' is too many; at most 10000000", text=text))
        if rule == "count" and value < 0:
            raise argparse.ArgumentTypeError(tr("'{text}' is negative; a number of complaints is 0 or more",
                                                text=text))
        if rule == "percent" and not 0 <= value <= 100:
            raise argparse.ArgumentTypeError(tr("'{text}': a weight must be from 0 to 100 %", text=text))
        return int(value) if rule in ("whole", "samples") else value

    return parse


def _weight(text: str) -> tuple[str, float]:
    criterion, sep, percent = text.partition("=")
    if not sep or not criterion.strip():
        raise argparse.ArgumentTypeError(tr("'{text}' should look like CRITERION=PERCENT, e.g. independence=30",
                                            text=text))
    try:
        return criterion.strip(), number("percent")(percent)
    except argparse.ArgumentTypeError:
        if not percent.strip():
            raise argparse.ArgumentTypeError(tr("'{text}' is not a number", text=percent)) from None
        raise


def project_arguments(lang_help: str) -> Parser:
    """The arguments every project command shares: a file, what-if changes and the language."""
    parent = Parser(add_help=False)
    parent.add_argument("file", nargs="?", help=tr("a project file (default: the built-in Haarlem 2018 case)"))
    parent.add_argument("--population", type=number("whole"), metavar="N", help=tr("number of inhabitants"))
    parent.add_argument("--complaints", type=number("count"), metavar="N", help=tr("expected complaints a year"))
    parent.add_argument("--weight", type=_weight, action="append", default=[], metavar="CRITERION=PERCENT",
                        help=tr("give a criterion this share of the weight; the others keep their proportions"
                                " (repeatable)"))
    parent.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    return parent
