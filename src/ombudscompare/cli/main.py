"""Entry point: `ombudscompare [COMMAND] ...`; every error is one line on stderr and exit status 2.

Commands are declared in one table: each shares the project arguments (a file, what-if changes,
--lang) from a parent parser and names the function that runs it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.model import Project
from ..core.scoring import ModelError, evaluate
from ..core.whatif import with_municipality, with_weight_shares
from ..examples import haarlem_2018, haarlem_2018_text
from ..formats.atomic import write_bytes_atomic
from ..formats.errors import FileError, Problem, dropped_line, typed_line
from ..formats.loading import load_any
from ..i18n import N_, Message, set_language, system_language, tr
from .arguments import LANGUAGES, Parser, UsageError, number, project_arguments
from .terminal import one_line, terminal_safe
from .window import open_window, window_file_at

EXIT_ERROR = 2


# --- the commands --------------------------------------------------------------------------------
def _project(args: argparse.Namespace) -> Project:
    """The project named on the command line with its what-if changes applied; a newer version's fields it was
    opened without are said in one line on stderr."""
    dropped: list[Problem] = []
    typed: list[Problem] = []
    project = haarlem_2018() if args.file is None else load_any(args.file, dropped, typed)
    if dropped:
        print(one_line(f"ombudscompare: {dropped_line(args.file, dropped)}"), file=sys.stderr)
    if typed:
        print(one_line(f"ombudscompare: {typed_line(args.file, typed)}"), file=sys.stderr)
    if args.population is not None or args.complaints is not None:
        project = with_municipality(project, args.population, args.complaints)
    if args.weight:
        project = with_weight_shares(project, dict(args.weight))
    return project


def _wrote(path: str) -> int:
    print(one_line(tr("Wrote {file}", file=path)), file=sys.stderr)
    return 0


def _refuse_existing(path: str, force: bool) -> None:
    if Path(path).exists() and not force:
        raise UsageError(tr("{file}: already exists; choose another name or add --force to overwrite it", file=path))


def run_summary(args: argparse.Namespace, lang: str) -> int:
    from .summary import render_json, render_text

    project = _project(args)
    evaluation = evaluate(project)
    if args.json:
        print(terminal_safe(json.dumps(render_json(project, evaluation, lang), ensure_ascii=False, indent=2)))
    else:
        sys.stdout.write(terminal_safe(render_text(project, evaluation, lang, explain=args.explain)))
    return 0


def run_sensitivity(args: argparse.Namespace, lang: str) -> int:
    from .sensitivity import Analysis, render_json, render_text

    project = _project(args)
    analysis = Analysis(project, evaluate(project), args.samples, args.seed, args.spread, args.years)
    if args.json:
        print(terminal_safe(json.dumps(render_json(analysis, lang), ensure_ascii=False, indent=2)))
    else:
        sys.stdout.write(terminal_safe(render_text(analysis, lang)))
    return 0


def run_sets(args: argparse.Namespace, lang: str) -> int:
    from .sets import render_sets_json, render_sets_text

    project = _project(args)  # without sets: ModelError 'the project has no weight sets yet'
    if args.json:
        print(terminal_safe(json.dumps(render_sets_json(project, lang), ensure_ascii=False, indent=2)))
    else:
        sys.stdout.write(terminal_safe(render_sets_text(project, lang)))
    return 0


def run_value(args: argparse.Namespace, lang: str) -> int:
    from .value import render_value_json, render_value_text

    project = _project(args)  # no quality criterion counting: ModelError, one line
    if args.json:
        print(terminal_safe(json.dumps(render_value_json(project, lang), ensure_ascii=False, indent=2)))
    else:
        sys.stdout.write(terminal_safe(render_value_text(project, lang)))
    return 0


def run_export(args: argparse.Namespace, lang: str) -> int:
    from ..formats.workbook import export_workbook

    _refuse_existing(args.output, args.force)
    export_workbook(_project(args), args.output, lang)
    return _wrote(args.output)


def offscreen_qt(lang: str) -> Any:
    """A QApplication that draws without a screen, in the chosen language."""
    from ..ui.environment import use_offscreen

    use_offscreen()
    try:
        from ..ui.app import application, apply_language
    except ImportError as exc:
        raise UsageError(tr("charts need Qt, which cannot be loaded: {reason}", reason=exc)) from None
    app = application()
    apply_language(lang)
    return app


def run_chart(args: argparse.Namespace, lang: str) -> int:
    project = _project(args)
    evaluate(project)
    enabled = [c.id for c in project.criteria if c.enabled]
    if args.criterion and args.criterion not in enabled:
        raise UsageError(tr("'{id}' is not a criterion that is switched on; choose one of: {known}", id=args.criterion,
                            known=", ".join(enabled)))
    _refuse_existing(args.output, args.force)
    offscreen_qt(lang)
    from PySide6.QtCore import QSize

    from ..ui.export.charts import chart_widget, kind_title, save_chart

    widget = chart_widget(args.kind, project, lang, criterion=args.criterion, spread=args.spread,
                          size=QSize(args.width, args.height))
    save_chart(widget, args.output, QSize(args.width, args.height), kind_title(args.kind, lang))
    return _wrote(args.output)


def run_report(args: argparse.Namespace, lang: str) -> int:
    """The PDF report (PDF/A) or the Word appendix, by --format or else by the output's extension."""
    kind = args.format or ("docx" if args.output.lower().endswith(".docx") else "pdf")
    if args.template and kind != "docx":
        raise UsageError(tr("--template is for the Word appendix (--format docx)"))
    project = _project(args)
    evaluate(project)
    _refuse_existing(args.output, args.force)
    if args.template:
        from ..formats.word_template import open_template

        open_template(args.template)  # a template that cannot be used is refused before anything is drawn
    offscreen_qt(lang)
    if kind == "docx":
        from ..ui.export.word import write_word

        write_word(project, args.output, lang, args.template)
    else:
        from ..ui.export.report import write_report

        write_report(project, args.output, lang)
    return _wrote(args.output)


def run_example(args: argparse.Namespace, lang: str) -> int:
    text = haarlem_2018_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    _refuse_existing(args.output, args.force)
    write_bytes_atomic(args.output, text.encode("utf-8"))
    print(one_line(tr("Wrote the Haarlem 2018 case to {file}", file=args.output)), file=sys.stderr)
    return 0


@dataclass(frozen=True)
class CommandSpec:
    """One subcommand: its name, help, runner, whether it takes a project, and its own arguments."""

    name: str
    help: str
    run: Callable[[argparse.Namespace, str], int]
    project: bool = True
    arguments: Callable[[argparse.ArgumentParser], None] | None = None


def _output(kind: str, metavar: str, required: bool = True) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("-o", "--output", metavar=metavar, required=required, help=tr(kind))
        parser.add_argument("--force", action="store_true", help=tr("overwrite FILE if it exists"))
    return add


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("print one JSON object instead of text"))
    parser.add_argument("--explain", action="store_true",
                        help=tr("show how each total comes about, criterion by criterion"))


def _sensitivity_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--samples", type=number("samples"), default=10_000, metavar="N",
                        help=tr("random weightings for the robustness figures (default 10000)"))
    parser.add_argument("--seed", type=int, default=2018, help=tr("seed for the random weightings"))
    parser.add_argument("--spread", type=number("count"), default=10.0, metavar="PP",
                        help=tr("also draw weights within ± PP percentage points of the present ones"
                                " (default 10; 0 to skip)"))
    parser.add_argument("--years", type=number("whole"), default=4, metavar="N",
                        help=tr("years for the multi-year costs (default 4, a council term)"))
    parser.add_argument("--json", action="store_true", help=tr("print one JSON object instead of text"))


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    _output(N_("the PDF or Word file to write"), "OUT.pdf|OUT.docx")(parser)
    parser.add_argument("--format", choices=("pdf", "docx"),
                        help=tr("pdf: the report as PDF/A; docx: the appendix for the memo in Word (default: by the"
                                " extension of OUT)"))
    parser.add_argument("--template", metavar="FILE",
                        help=tr("a Word document or template (.docx, .dotx) whose styles, page setup, headers and"
                                " footers the appendix gets"))


def _json_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("print one JSON object instead of text"))


def _chart_arguments(parser: argparse.ArgumentParser) -> None:
    from ..explain.kinds import KINDS

    parser.add_argument("--kind", required=True, choices=tuple(KINDS), help=tr("which chart"))
    _output(N_("the image to write"), "OUT.png|OUT.svg")(parser)
    parser.add_argument("--width", type=number("whole"), default=1920, help=tr("width in pixels (default 1920)"))
    parser.add_argument("--height", type=number("whole"), default=1080, help=tr("height in pixels (default 1080)"))
    parser.add_argument("--criterion", metavar="ID", help=tr("the criterion for --kind sensitivity"))
    parser.add_argument("--spread", type=number("count"), metavar="PP",
                        help=tr("for --kind robustness: weights within ± PP percentage points"))


COMMANDS = (
    CommandSpec("summary", N_("print the comparison: ranking, totals, costs and weights"), run_summary,
                arguments=_summary_arguments),
    CommandSpec("sensitivity", N_("break-even points, multi-year costs, where the ranking changes with the weights,"
                                  " and robustness"), run_sensitivity, arguments=_sensitivity_arguments),
    CommandSpec("sets", N_("who chooses what: every weight set's totals and winner, how alike the sets are, and a"
                           " compromise"), run_sets, arguments=_json_argument),
    CommandSpec("value", N_("value for money: quality against cost, the efficient options and the price of every extra"
                            " quality point"), run_value, arguments=_json_argument),
    CommandSpec("export", N_("write the comparison as an Excel workbook with live formulas"), run_export,
                arguments=_output(N_("the workbook to write"), "OUT.xlsx")),
    CommandSpec("chart", N_("write a chart as a slide-ready PNG or SVG"), run_chart, arguments=_chart_arguments),
    CommandSpec("report", N_("write the PDF report (PDF/A) or the Word appendix for the memo"), run_report,
                arguments=_report_arguments),
    CommandSpec("example", N_("write the built-in Haarlem 2018 case as a project file"), run_example, project=False,
                arguments=_output(N_("where to write it (default: standard output)"), "FILE", required=False)),
)


def build_parser() -> argparse.ArgumentParser:
    names = " | ".join(spec.name for spec in COMMANDS)
    parser = Parser(prog="ombudscompare", usage=tr("ombudscompare [--lang nl|en] [FILE | {commands}] ...",
                                                    commands=names),
                     description=tr("Compare the options for a municipality's external complaint body on cost and"
                                    " qualities."))
    parser.add_argument("--version", action="version", version=f"ombudscompare {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("language of the output (default: the system's)"))
    parser.add_argument("--self-test", action="store_true",
                        help=tr("check that this installation works (window, charts, workbook, report) and exit"))
    shared = project_arguments(tr("language of the output"))
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for spec in COMMANDS:
        parents = [shared] if spec.project else []
        sub = commands.add_parser(spec.name, help=tr(spec.help), parents=parents)
        if not spec.project:
            sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr("language of the output"))
        if spec.arguments:
            spec.arguments(sub)
        sub.set_defaults(run=spec.run)
    return parser


def _language_first(argv: list[str]) -> str | None:
    """The --lang given anywhere on the line, read properly before the help texts are built."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=LANGUAGES)
    try:
        known, _rest = early.parse_known_args(argv)
    except SystemExit:
        return None
    return str(known.lang) if known.lang else None


def run(argv: list[str] | None = None) -> int:
    """Parse and run; returns the exit status. Errors are printed as one line."""
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_first(argv) or system_language())
    parser = build_parser()
    try:
        at = window_file_at(argv, {spec.name for spec in COMMANDS})
        window_file = argv[at] if at is not None else None
        args = parser.parse_args(argv[:at] + argv[at + 1:] if at is not None else argv)
        lang = getattr(args, "lang", None) or system_language()
        set_language(lang)
        if args.self_test:
            from ..selftest import self_test

            return self_test(lang)
        if getattr(args, "run", None) is not None:
            return int(args.run(args, lang))
        return open_window(window_file, getattr(args, "lang", None))
    except UsageError as exc:
        _fail(str(exc))
    except FileError as exc:
        _fail(exc.render())
    except ModelError as exc:
        _fail(exc.message.render())
    return EXIT_ERROR


def _fail(line: str) -> None:
    print(one_line(f"ombudscompare: {line}"), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Console entry point; never lets a traceback reach the user.

    Started without a console (the windowed OmbudsCompare.exe on Windows), what would have gone to the
    terminal is kept, and a failure is shown in a message box instead.
    """
    windowed = sys.stdout is None or sys.stderr is None
    if windowed:
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    code = _guarded_run(argv)
    if windowed and code != 0 and isinstance(sys.stderr, io.StringIO) and sys.stderr.getvalue().strip():
        _message_box(sys.stderr.getvalue().strip())
    return code


def _message_box(text: str) -> None:
    """A failure of a program started without a console, where the user can see it."""
    with contextlib.suppress(Exception):  # no Qt or no screen: there is nowhere left to say it
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "OmbudsCompare", text.removeprefix("ombudscompare: "))


def _guarded_run(argv: list[str] | None) -> int:
    try:
        return run(argv)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:  # the last guard before a user would see a traceback
        _fail(str(Message("unexpected internal error ({kind}: {detail}); please report it", kind=type(exc).__name__,
                          detail=exc)))
        return EXIT_ERROR
