"""Every chart kind in the registry goes everywhere a chart goes: PNG and SVG, a table, the command line, and — for
the tab that shows it — the window's Export chart and Chart as table, which show what that tab shows."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QInputDialog

from ombudscompare.cli.main import run
from ombudscompare.core.analyses import Analyses
from ombudscompare.core.model import InputRange
from ombudscompare.explain.charts import figures
from ombudscompare.explain.kinds import KINDS, ChartRequest, build, file_name, kind_title
from ombudscompare.formats.project_file import save_project
from ombudscompare.ui.actions import Act
from ombudscompare.ui.export.charts import chart_widget, save_chart
from ombudscompare.ui.tabs import CHART_TABS


def _with_range(project):
    project.ranges = [InputRange(("population",), 120_000, 250_000)]
    return project


def _show_tab_of(window, kind: str) -> ChartRequest:
    """Show the tab the registry names for `kind`, in the mode that shows it (uncertain inputs for 'How sure')."""
    if kind == "certainty":
        window.document.replace(_with_range(window.document.project), None)
    spec = next(s for s in CHART_TABS if s.id.value == KINDS[kind].tab)
    window.chart_tabs.show_tab(spec.id)
    QApplication.processEvents()
    return next(r for r in window.showing.shown_charts() if r.kind == kind)


def _choose_in_next_dialog(title: str) -> None:
    """Pick `title` in the 'Which chart?' question, as a user would, if it is asked."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue(title)
            dialog.accept()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_renders_to_png_svg_and_a_table(haarlem, tmp_path, kind, qapp):
    project = _with_range(haarlem) if kind == "certainty" else haarlem
    widget = chart_widget(kind, project, "nl")
    for suffix in ("png", "svg"):
        save_chart(widget, tmp_path / f"c.{suffix}")
    assert QImage(str(tmp_path / "c.png")).width() == 1920
    assert b"<svg" in (tmp_path / "c.svg").read_bytes()
    data = build(ChartRequest(kind), Analyses(project), "nl")
    assert figures(data) is not None and figures(data).rows and data.description
    assert file_name(kind, "nl") != KINDS[kind].file_name or kind_title(kind, "nl") != KINDS[kind].title


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_from_the_command_line(haarlem, tmp_path, kind, qapp):
    source = tmp_path / "p.json"
    save_project(_with_range(haarlem), source)
    target = tmp_path / f"{kind}.svg"
    assert run(["--lang", "nl", "chart", str(source), "--kind", kind, "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_window_exports_and_tables_what_its_tab_shows(window, tmp_path, kind, monkeypatch):
    request = _show_tab_of(window, kind)
    shown = build(request, window.document.analyses, "nl")
    window.action(Act.CHART_TABLE).trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "chart_table" and w.isVisible())
    descriptions = [label.text() for label in dialog.descriptions]
    assert shown.description in descriptions, "Chart as table shows the tab's chart, with the tab's settings"
    table = dialog.tables[descriptions.index(shown.description)]
    assert [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())] == [
        cell for row in figures(shown).rows for cell in row]
    dialog.resize(700, dialog.height())  # narrower than the table wants (a laptop's 90 %): it scrolls, cuts nothing
    QApplication.processEvents()
    for column in range(table.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column) - 1, (column, table.item(0, column).text())
    dialog.close()
    target = tmp_path / "chart.png"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "PNG"))
    _choose_in_next_dialog(kind_title(kind))
    window.action(Act.EXPORT_CHART).trigger()
    assert QImage(str(target)).width() == 1920


def test_the_robustness_tab_within_a_spread_is_what_export_and_table_show(window):
    """The tab shows 'within ± 10 pp' (NO first in about 99.8 %); the table and the export show that, not the
    weights drawn from everywhere (NO 81.1 %)."""
    from ombudscompare.ui.tabs import ChartTab

    tab = window.chart_tab(ChartTab.ROBUSTNESS)
    window.chart_tabs.show_tab(ChartTab.ROBUSTNESS)
    tab.near.setChecked(True)
    tab.refresh()
    (request,) = window.showing.shown_charts()
    assert (request.kind, request.spread) == ("robustness", 10.0)
    window.action(Act.CHART_TABLE).trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "chart_table" and w.isVisible())
    first = dialog.table.item(0, 1).text()
    assert first.startswith("99,"), first
    dialog.close()
