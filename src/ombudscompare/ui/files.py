"""File handling for the window: New, Open, Save, Save As, recent files and the unsaved-changes prompt."""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ..core.model import Project
from ..examples import blank_project, haarlem_2018
from ..explain.kinds import ChartRequest
from ..formats.errors import FileError, Problem, dropped_line, typed_line
from ..formats.loading import is_workbook, load_any
from ..formats.project_file import save_project
from ..i18n import language, tr
from .context import Context
from .widgets.plain import plain_box

FILTER = "{projects} (*.ombuds *.json);;{all} (*)"
EXTENSION = ".ombuds"  # a project file (JSON inside): its own extension, so a double-click opens OmbudsCompare
STATUS_MS = 10_000


def chart_file_name(kind: str) -> str:
    """What an exported chart is called at first, in the language shown: 'rangorde.png'."""
    from ..explain.kinds import file_name

    return file_name(kind) + ".png"

OPEN_FILTER = "{both} (*.ombuds *.json *.xlsx);;{projects} (*.ombuds *.json);;{books} (*.xlsx);;{all} (*)"


class FileController:
    """Everything that moves a project between the window and the disk; never loses open work."""

    def __init__(self, context: Context):
        self.context = context
        self.window = context.window  # the parent of its dialogs
        self.document = context.document
        self.settings = context.settings
        self._on_disk: tuple[str, tuple[int, str] | None] | None = None  # the open file as last read or written
        self.remember_file()

    # --- asking -----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the open project: saved, discarded, or nothing to lose."""
        if not self.document.modified:
            return True
        box = QMessageBox(self.window)
        box.setObjectName("unsaved_prompt")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setText(tr("The project “{name}” has changes that are not saved.", name=self.display_name()))
        box.setInformativeText(tr("Do you want to save them first?"))
        plain_box(box)
        save = box.addButton(tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("&Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return self.save()
        return clicked is discard

    def warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        plain_box(box)  # a file name or a name from the file is never read as markup
        box.setObjectName("file_error")
        box.exec()

    def display_name(self) -> str:
        if self.document.path:
            return os.path.basename(self.document.path)
        return self.document.project.title.get(language()) or tr("Untitled")

    # --- new and open -----------------------------------------------------------------------
    def new_blank(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.replace(blank_project(language()), None)
        return True

    def new_example(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.replace(haarlem_2018(), None)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open project"), self._folder(),
                                              OPEN_FILTER.format(
                                                  both=tr("Projects and workbooks"), projects=tr("Project files"),
                                                  books=tr("Excel workbooks"), all=tr("All files")))
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open a project file; a problem is shown in a dialog and the open project stays as it was. Fields of a
        newer version that it was opened without are said once it is open."""
        if ask and not self.maybe_save():
            return False
        dropped: list[Problem] = []
        typed: list[Problem] = []
        try:
            project = load_any(path, dropped, typed)
        except FileError as error:
            self.warn(tr("Cannot open the project"), error.render())
            if not os.path.exists(path):
                self.settings.remove_recent(path)
            return False
        if is_workbook(path):  # its edits come in as unsaved work; Save asks for a project file name
            self.document.replace(project, None, modified=True)
        else:
            self.document.replace(project, os.path.abspath(path))
        self.remember_file()
        self.settings.add_recent(os.path.abspath(path))
        self.tell_dropped(path, dropped, typed)
        return True

    def fill_recent(self, menu) -> None:
        """File → Recent files: one numbered entry per file, most recent first."""
        menu.clear()
        files = self.settings.recent_files
        for number, path in enumerate(files, start=1):
            act = menu.addAction(f"&{number} {path}")
            act.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not files:
            menu.addAction(tr("(none yet)")).setEnabled(False)

    def tell_dropped(self, path: str, dropped: list[Problem], typed: list[Problem] | None = None) -> None:
        """Say which fields of a newer version the project was opened without (no file could hold them again), and
        which figures typed over a workbook's computed cells are not used."""
        if dropped:
            self.warn(tr("Opened without some fields"), dropped_line(path, dropped))
        if typed:
            self.warn(tr("Typed figures not used"), typed_line(path, typed))

    # --- the file on disk ---------------------------------------------------------------------
    def remember_file(self) -> None:
        """Note what the open project's file holds now (after opening or saving it), to notice another window or
        program changing it before this one saves."""
        path = self.document.path
        self._on_disk = (os.path.abspath(path), file_identity(path)) if path else None

    def _changed_on_disk(self, path: str) -> bool:
        if self._on_disk is None or self._on_disk[0] != os.path.abspath(path) or self._on_disk[1] is None:
            return False
        now = file_identity(path)
        return now is not None and now != self._on_disk[1]

    def _overwrite_changed(self, path: str) -> bool | None:
        """The file changed on disk since this window read or wrote it: overwrite it (True), save under another
        name (False), or cancel (None)."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("The file was changed"),
                          tr("“{name}” was changed on disk since this window opened or saved it — by another window"
                             " or program. Saving now would replace those changes with this window's.",
                             name=os.path.basename(path)), QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("changed_on_disk")
        box.setInformativeText(tr("Save under another name to keep both, or overwrite the file."))
        plain_box(box)
        overwrite = box.addButton(tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        other = box.addButton(tr("Save &as…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(other)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is overwrite else (False if clicked is other else None)

    def _write_over_open_file(self, path: str) -> bool:
        """A file open in Excel, Word or LibreOffice (its lock file lies beside it): say so and ask first."""
        program = open_elsewhere(path)
        if program is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, tr("The file is open elsewhere"),
                          tr("“{name}” is open in {program} (its lock file lies beside it). Close it there first:"
                             " on Windows it cannot be replaced while it is open, and elsewhere the open copy would"
                             " no longer be what is on disk.", name=os.path.basename(path), program=program),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("open_elsewhere")
        plain_box(box)
        write = box.addButton(tr("&Write it anyway"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is write

    # --- save -------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = self.document.path or os.path.join(self._folder(), self._suggested_name())
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Save project as"), suggested,
                                              FILTER.format(projects=tr("Project files"),
                                                            all=tr("All files")))
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += EXTENSION
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save atomically; a failure is shown and the project stays open and marked unsaved. A file changed on
        disk since this window read or wrote it is not overwritten without asking."""
        if self._changed_on_disk(path):
            choice = self._overwrite_changed(path)
            if choice is None:
                return False
            if not choice:
                return self.save_as()
        try:
            save_project(self.document.project, path)
        except FileError as error:
            self.warn(tr("Cannot save the project"), error.render())
            return False
        self.document.mark_saved(os.path.abspath(path))
        self.remember_file()
        self.settings.add_recent(os.path.abspath(path))
        self.tell(tr("Saved {path}", path=os.path.abspath(path)))
        return True

    def save_recovered(self, project: Project, original: str | None) -> bool:
        """Unsaved work kept after a crash, saved as a project file of the user's choosing (not opened)."""
        suggested = (os.path.splitext(original)[0] + " " + tr("(recovered)") + EXTENSION if original
                     else os.path.join(self._folder(), tr("recovered") + EXTENSION))
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Save recovered work as"), suggested,
                                              FILTER.format(projects=tr("Project files"), all=tr("All files")))
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += EXTENSION
        try:
            save_project(project, path)
        except FileError as error:
            self.warn(tr("Cannot save the project"), error.render())
            return False
        self.tell(tr("Saved {path}", path=os.path.abspath(path)))
        return True

    def tell(self, text: str) -> None:
        """A confirmation in the window's status bar, for a while."""
        self.context.tell(text)

    def _ask_target(self, title: str, extension: str, name_filter: str) -> str | None:
        """Ask where an export goes, suggesting the project's name; the extension is added if left out."""
        base = os.path.splitext(os.path.basename(self.document.path or self._suggested_name()))[0]
        path, _ = QFileDialog.getSaveFileName(self.window, title, os.path.join(self._folder(), base + extension),
                                              name_filter)
        if not path:
            return None
        return path if path.lower().endswith(extension) else path + extension

    def export_excel_dialog(self) -> bool:
        path = self._ask_target(tr("Export to Excel"), ".xlsx", "Excel (*.xlsx)")
        return path is not None and self.export_excel(path)

    def _guarded(self, title: str, write, path: str, busy: str) -> bool:
        """Run a writer under a busy cursor with `busy` in the status bar; then 'Wrote …' with the path, or a
        file or model problem shown under `title` (and nothing else changes). The cursor comes back whatever
        happens."""
        from ..core.scoring import ModelError

        if not self._write_over_open_file(path):
            return False
        self.tell(busy)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()  # the status and the cursor show before the work starts
        problem = ""
        try:
            write()
        except FileError as error:
            problem = error.render()
        except ModelError as error:
            problem = error.message.render()
        except (RecursionError, UnicodeError):  # a last guard: such newer fields are left out on opening
            problem = tr("{file}: cannot be written: the project holds something no file can store (a text with a"
                         " broken character, or a field nested too deeply)", file=path)
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            self.warn(title, problem)
            return False
        self.tell(tr("Wrote {path}", path=os.path.abspath(path)))
        return True

    def export_excel(self, path: str) -> bool:
        """Write the workbook in the UI language."""
        from ..formats.workbook import export_workbook

        return self._guarded(tr("Cannot export the workbook"),
                             lambda: export_workbook(self.document.project, path, language()), path,
                             tr("Writing the workbook…"))

    def export_chart(self, request: ChartRequest | str, path: str) -> bool:
        """A slide-ready PNG (1920 × 1080) or SVG of one chart, as the tab shows it; failures are shown."""
        from .export.charts import chart_widget, kind_title, save_chart

        request = request if isinstance(request, ChartRequest) else ChartRequest(request)
        widget = chart_widget(request, self.document.project, language(), analyses=self.document.analyses)
        try:
            return self._guarded(tr("Cannot export the chart"),
                                 lambda: save_chart(widget, path, title=kind_title(request.kind)), path,
                                 tr("Writing the chart…"))
        finally:
            widget.deleteLater()

    def copy_chart(self, request: ChartRequest) -> None:
        from .export.charts import chart_widget, copy_chart, kind_title

        widget = chart_widget(request, self.document.project, language(), analyses=self.document.analyses)
        copy_chart(widget)
        widget.deleteLater()
        self.tell(tr("Copied the chart “{chart}” to the clipboard", chart=kind_title(request.kind)))

    def export_chart_dialog(self, request: ChartRequest) -> bool:
        path, chosen = QFileDialog.getSaveFileName(self.window, tr("Export chart"), os.path.join(
            self._folder(), chart_file_name(request.kind)), "PNG (*.png);;SVG (*.svg)")
        if not path:
            return False
        if not path.lower().endswith((".png", ".svg")):
            path += ".svg" if "svg" in chosen.lower() else ".png"
        return self.export_chart(request, path)

    def export_report(self, path: str) -> bool:
        from .export.report import write_report

        return self._guarded(tr("Cannot write the report"),
                             lambda: write_report(self.document.project, path, language(),
                                                  analyses=self.document.analyses), path,
                             tr("Writing the report…"))

    def export_report_dialog(self) -> bool:
        path = self._ask_target(tr("Export report"), ".pdf", "PDF (*.pdf)")
        return path is not None and self.export_report(path)

    def export_word(self, path: str, template: str | None = None) -> bool:
        """Write the Word appendix in the UI language, on `template` or else the remembered one ('' for none)."""
        from .export.word import write_word

        template = self.settings.word_template if template is None else template
        return self._guarded(tr("Cannot write the Word appendix"),
                             lambda: write_word(self.document.project, path, language(), template or None,
                                                analyses=self.document.analyses), path,
                             tr("Writing the Word appendix…"))

    def export_word_dialog(self) -> bool:
        """Show what the appendix holds and which house style it gets (remembered), then ask where it goes."""
        from .export.word_dialog import WordExportDialog

        dialog = WordExportDialog(self.settings.word_template, self.window)
        if not dialog.exec():
            return False
        self.settings.word_template = dialog.template
        path = self._ask_target(tr("Export to Word"), ".docx", "Word (*.docx)")
        return path is not None and self.export_word(path)

    def _folder(self) -> str:
        recent = self.settings.recent_files
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def _suggested_name(self) -> str:
        town = self.document.project.municipality
        base = f"{town.name} {town.reference_year}".strip() or tr("Untitled")
        return "".join(ch for ch in base if ch.isalnum() or ch in " -_").strip().replace(" ", "-").lower() + EXTENSION


def file_identity(path: str) -> tuple[int, str] | None:
    """What a file holds, to notice a change: its size and a hash of its bytes (None when it cannot be read).
    Project files are small; a touched but unchanged file is not a change."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IDENTITY_BYTES + 1)
    except OSError:
        return None
    return len(data), hashlib.sha256(data).hexdigest()


MAX_IDENTITY_BYTES = 64 * 1024 * 1024


def open_elsewhere(path: str) -> str | None:
    """The program that holds `path` open, judged by the lock file it leaves beside it ('~$name.xlsx' for Excel
    and Word, '.~lock.name.xlsx#' for LibreOffice); None when there is none."""
    folder, name = os.path.split(os.path.abspath(path))
    if os.path.exists(os.path.join(folder, f".~lock.{name}#")):
        return "LibreOffice"
    office = "Word" if name.lower().endswith((".docx", ".dotx")) else "Excel"
    if any(os.path.exists(os.path.join(folder, lock)) for lock in (f"~${name}", f"~${name[2:]}")):
        return office
    return None
