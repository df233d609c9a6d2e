"""Entry point: `ombudscompare [summary|example] ...`; every error is one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .. import __version__
from ..core.model import Project
from ..core.scoring import ModelError, evaluate
from ..core.whatif import with_municipality, with_weight_shares
from ..examples import haarlem_2018, haarlem_2018_text
from ..formats.atomic import write_bytes_atomic
from ..formats.errors import FileError
from ..formats.loading import load_any
from ..i18n import Message, set_language, system_language, tr
from ..i18n.numbers import parse_number
from .summary import render_json, render_text

EXIT_ERROR = 2
CHART_KINDS = ("ranking", "profile", "costs-complaints", "costs-population", "sensitivity", "robustness")


class UsageError(Exception):
    """A command-line mistake, already in words for the user."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a mistake as one line instead of usage plus a message."""

    def error(self, message: str):
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


def _whole_number(text: str) -> int:
    try:
        value = parse_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' is not a number", text=text)) from None
    if not value.is_integer() or value < 1:
        raise argparse.ArgumentTypeError(tr("'{text}' is not a whole number of at least 1", text=text))
    return int(value)


def _count(text: str) -> float:
    try:
        value = parse_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' is not a number", text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(tr("'{text}' is negative; a number of complaints is 0 or more", text=text))
    return value


def _weight(text: str) -> tuple[str, float]:
    criterion, sep, percent = text.partition("=")
    if not sep or not criterion.strip():
        raise argparse.ArgumentTypeError(tr("'{text}' should look like CRITERION=PERCENT, e.g. independence=30",
                                            text=text))
    try:
        value = parse_number(percent)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' is not a number", text=percent)) from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(tr("'{text}': a weight must be from 0 to 100 %", text=text))
    return criterion.strip(), value


def _samples(text: str) -> int:
    value = _whole_number(text)
    if value > 10_000_000:
        raise argparse.ArgumentTypeError(tr("'{text}' is too many; at most 10000000", text=text))
    return value


def _what_if_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--population", type=_whole_number, metavar="N", help=tr("number of inhabitants"))
    parser.add_argument("--complaints", type=_count, metavar="N", help=tr("expected complaints a year"))
    parser.add_argument("--weight", type=_weight, action="append", default=[], metavar="CRITERION=PERCENT",
                        help=tr("give a criterion this share of the weight; the others keep their proportions"
                                " (repeatable)"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ombudscompare", usage=tr("ombudscompare [--lang nl|en] [FILE | summary | sensitivity | export | chart | report | example] ..."),
                     description=tr(
        "Compare the options for a municipality's external complaint body on cost and qualities."))
    parser.add_argument("--version", action="version", version=f"ombudscompare {__version__}")
    parser.add_argument("--lang", choices=("nl", "en"), help=tr("language of the output (default: the system's)"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    summary = commands.add_parser("summary", help=tr("print the comparison: ranking, totals, costs and weights"))
    summary.add_argument("file", nargs="?", help=tr("a project file (default: the built-in Haarlem 2018 case)"))
    _what_if_arguments(summary)
    summary.add_argument("--json", action="store_true", help=tr("print one JSON object instead of text"))
    summary.add_argument("--explain", action="store_true",
                         help=tr("show how each total comes about, criterion by criterion"))
    summary.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=tr("language of the output"))

    sensitivity = commands.add_parser("sensitivity", help=tr("break-even points, multi-year costs, where the ranking"
                                                               " changes with the weights, and robustness"))
    sensitivity.add_argument("file", nargs="?", help=tr("a project file (default: the built-in Haarlem 2018 case)"))
    _what_if_arguments(sensitivity)
    sensitivity.add_argument("--samples", type=_samples, default=10_000, metavar="N",
                             help=tr("random weightings for the robustness figures (default 10000)"))
    sensitivity.add_argument("--seed", type=int, default=2018, help=tr("seed for the random weightings"))
    sensitivity.add_argument("--spread", type=_count, default=10.0, metavar="PP",
                             help=tr("also draw weights within ± PP percentage points of the present ones"
                                     " (default 10; 0 to skip)"))
    sensitivity.add_argument("--years", type=_whole_number, default=4, metavar="N",
                             help=tr("years for the multi-year costs (default 4, a council term)"))
    sensitivity.add_argument("--json", action="store_true", help=tr("print one JSON object instead of text"))
    sensitivity.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=tr("language of the output"))

    export = commands.add_parser("export", help=tr("write the comparison as an Excel workbook with live formulas"))
    export.add_argument("file", nargs="?", help=tr("a project file (default: the built-in Haarlem 2018 case)"))
    export.add_argument("-o", "--output", metavar="OUT.xlsx", required=True, help=tr("the workbook to write"))
    _what_if_arguments(export)
    export.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS,
                        help=tr("language of the workbook (default: the system's)"))

    chart = commands.add_parser("chart", help=tr("write a chart as a slide-ready PNG or SVG"))
    chart.add_argument("file", nargs="?", help=tr("a project file (default: the built-in Haarlem 2018 case)"))
    chart.add_argument("--kind", required=True, choices=CHART_KINDS, help=tr("which chart"))
    chart.add_argument("-o", "--output", required=True, metavar="OUT.png|OUT.svg", help=tr("the image to write"))
    chart.add_argument("--width", type=_whole_number, default=1920, help=tr("width in pixels (default 1920)"))
    chart.add_argument("--height", type=_whole_number, default=1080, help=tr("height in pixels (default 1080)"))
    chart.add_argument("--criterion", metavar="ID", help=tr("the criterion for --kind sensitivity"))
    chart.add_argument("--spread", type=_count, metavar="PP",
                       help=tr("for --kind robustness: weights within ± PP percentage points"))
    _what_if_arguments(chart)
    chart.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=tr("language of the output"))

    report = commands.add_parser("report", help=tr("write the PDF report for the memo"))
    report.add_argument("file", nargs="?", help=tr("a project file (default: the built-in Haarlem 2018 case)"))
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=tr("the PDF to write"))
    _what_if_arguments(report)
    report.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=tr("language of the output"))

    example = commands.add_parser("example", help=tr("write the built-in Haarlem 2018 case as a project file"))
    example.add_argument("-o", "--output", metavar="FILE", help=tr("where to write it (default: standard output)"))
    example.add_argument("--force", action="store_true", help=tr("overwrite FILE if it exists"))
    return parser


def _load(file: str | None) -> Project:
    return haarlem_2018() if file is None else load_any(file)


def _project(args: argparse.Namespace) -> Project:
    """The project named on the command line with its what-if changes applied."""
    project = _load(args.file)
    if args.population is not None or args.complaints is not None:
        project = with_municipality(project, args.population, args.complaints)
    if args.weight:
        project = with_weight_shares(project, dict(args.weight))
    return project


def _sensitivity(args: argparse.Namespace, lang: str) -> int:
    from .sensitivity import Analysis
    from .sensitivity import render_json as analysis_json
    from .sensitivity import render_text as analysis_text

    project = _project(args)
    analysis = Analysis(project, evaluate(project), args.samples, args.seed, args.spread, args.years)
    if args.json:
        print(json.dumps(analysis_json(analysis, lang), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(analysis_text(analysis, lang))
    return 0


def _export(args: argparse.Namespace, lang: str) -> int:
    from ..formats.excel_export import export_workbook

    export_workbook(_project(args), args.output, lang)
    print(tr("Wrote {file}", file=args.output), file=sys.stderr)
    return 0


def _offscreen_qt(lang: str):
    """A QApplication that draws without a screen, in the chosen language."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ..ui.app import application, apply_language
    except ImportError as exc:
        raise UsageError(tr("charts need Qt, which cannot be loaded: {reason}", reason=exc)) from None
    app = application()
    apply_language(lang)
    return app


def _chart(args: argparse.Namespace, lang: str) -> int:
    project = _project(args)
    evaluate(project)
    if args.criterion and args.criterion not in {c.id for c in project.criteria if c.enabled}:
        raise UsageError(tr("'{id}' is not a criterion that is switched on; choose one of: {known}", id=args.criterion,
                            known=", ".join(c.id for c in project.criteria if c.enabled)))
    _offscreen_qt(lang)
    from PySide6.QtCore import QSize

    from ..ui.document import Document
    from ..ui.export.charts import chart_widget, kind_title, save_chart

    widget = chart_widget(args.kind, Document(project), criterion=args.criterion, spread=args.spread)
    save_chart(widget, args.output, QSize(args.width, args.height), kind_title(args.kind, lang))
    print(tr("Wrote {file}", file=args.output), file=sys.stderr)
    return 0


def _report(args: argparse.Namespace, lang: str) -> int:
    project = _project(args)
    evaluate(project)
    _offscreen_qt(lang)
    from ..ui.export.report import write_report

    write_report(project, args.output, lang)
    print(tr("Wrote {file}", file=args.output), file=sys.stderr)
    return 0


def _summary(args: argparse.Namespace, lang: str) -> int:
    project = _project(args)
    evaluation = evaluate(project)
    if args.json:
        print(json.dumps(render_json(project, evaluation, lang), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(project, evaluation, lang, explain=args.explain))
    return 0


def _example(args: argparse.Namespace) -> int:
    text = haarlem_2018_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.exists() and not args.force:
        raise UsageError(tr("{file}: already exists; choose another name or add --force to overwrite it",
                            file=args.output))
    write_bytes_atomic(target, text.encode("utf-8"))
    print(tr("Wrote the Haarlem 2018 case to {file}", file=args.output), file=sys.stderr)
    return 0


def run(argv: list[str] | None = None) -> int:
    """Parse and run; returns the exit status. Errors are printed as one line."""
    set_language(system_language())
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if "--lang" in argv:
        at = argv.index("--lang")
        if at + 1 < len(argv) and argv[at + 1] in ("nl", "en"):
            set_language(argv[at + 1])
            parser = build_parser()
    commands = {"summary", "example", "sensitivity", "export", "chart", "report"}
    window_file = None
    rest = [a for a in argv if a not in ("--lang", "nl", "en")]
    if len(rest) == 1 and rest[0] not in commands and _looks_like_file(rest[0]):
        window_file = rest[0]
        argv = [a for a in argv if a != window_file]
    try:
        args = parser.parse_args(argv)
        args.window_file = window_file
        lang = getattr(args, "lang", None) or system_language()
        set_language(lang)
        if args.command == "summary":
            return _summary(args, lang)
        if args.command == "example":
            return _example(args)
        if args.command == "sensitivity":
            return _sensitivity(args, lang)
        if args.command == "export":
            return _export(args, lang)
        if args.command == "chart":
            return _chart(args, lang)
        if args.command == "report":
            return _report(args, lang)
        return _window(args.window_file, getattr(args, "lang", None))
    except UsageError as exc:
        _fail(str(exc))
    except FileError as exc:
        _fail(exc.render())
    except ModelError as exc:
        _fail(exc.message.render())
    return EXIT_ERROR


def _looks_like_file(arg: str) -> bool:
    return not arg.startswith("-") and (Path(arg).exists() or Path(arg).suffix.lower() in (".json", ".xlsx"))


def _window(file: str | None, lang: str | None) -> int:
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


def _fail(line: str) -> None:
    print(f"ombudscompare: {line}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Console entry point; never lets a traceback reach the user."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    try:
        return run(argv)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:  # noqa: BLE001 - the last guard before a user would see a traceback
        _fail(str(Message("unexpected internal error ({kind}: {detail}); please report it", kind=type(exc).__name__,
                          detail=exc)))
        return EXIT_ERROR
