"""The open project as the window sees it: the model, its file, its undo stack and its evaluation."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from .. import commands
from ..commands import Command
from ..core.analyses import Analyses
from ..core.edits import Edit, touches_only_weights
from ..core.model import Project
from ..core.scoring import Evaluation
from ..i18n import Message

MERGE_ID = 0x0C0


class Change(enum.Flag):
    """What a change touched: values only, also which options and criteria there are, or a whole new project."""

    VALUES = enum.auto()
    STRUCTURE = enum.auto()
    PROJECT = enum.auto()
    WEIGHTS_ONLY = enum.auto()  # with VALUES: nothing but the weights of criteria changed


class UndoStep(QUndoCommand):
    """One step on the undo stack; while `open`, a merging command with the same key joins it."""

    def __init__(self, document: Document, command: Command, merging: bool = False):
        super().__init__(command.description.render())
        self.document = document
        self.command = command
        self.merging = merging  # this step asks to join the open step before it
        self.open = command.merge_key is not None

    def redo(self) -> None:
        self.command.edit.apply(self.document.project)
        self.document.edited(self.command.edit)

    def undo(self) -> None:
        self.command.edit.revert(self.document.project)
        self.document.edited(self.command.edit)

    def id(self) -> int:
        return MERGE_ID if self.command.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UndoStep) and self.open and other.merging
                and other.command.merge_key == self.command.merge_key):
            return False
        self.command = commands.merged(self.command, other.command)
        self.setText(self.command.description.render())
        if commands.is_noop(self.command):
            self.command.edit.revert(self.document.project)  # the very values it started from (20, not 20.0)
            self.setObsolete(True)  # dragged back to where it started: no step at all
        return True

    def retranslate(self) -> None:
        self.setText(self.command.description.render())


class Document(QObject):
    """Holds the project; every change is a command run through `run`, so it can be undone."""

    changed = Signal(object)  # a Change: what the views must redraw
    file_changed = Signal()  # the file name or the saved/unsaved state
    refused = Signal(object, object)  # a Message (why a value was not taken) and the control it came from, or None

    def __init__(self, project: Project, path: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.last_refusal: Message | None = None
        self.analyses = Analyses(project)

    def _clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def run(self, command: Command | None, merge: bool = False) -> bool:
        """Apply a command as an undoable step; `merge` joins it to the open step of the same drag.

        Returns whether anything was pushed (None, a command that changes nothing, does nothing).
        """
        if command is None:
            return False
        self.undo_stack.push(UndoStep(self, command, merge))
        return True

    @property
    def evaluation(self) -> Evaluation | None:
        """The project scored, or None when it cannot be (`error` says why)."""
        return self.analyses.maybe_evaluation

    @property
    def error(self) -> Message | None:
        return self.analyses.error

    def try_edit(self, build: Callable[[], Command | None], *, merge: bool = False, at: object = None) -> bool:
        """The one way to try an edit the user asked for: build the command from the user's value and run it.

        True when it was taken (or there was nothing to change). A refusal changes nothing and is said: the
        `refused` signal carries the reason and the control it came from (`at`), and the window shows it at
        that control and in its status bar; `last_refusal` keeps it for a dialog that also shows it itself.
        """
        try:
            command = build()
        except commands.Refused as refusal:
            self.last_refusal = refusal.message
            self.refused.emit(refusal.message, at)
            return False
        self.last_refusal = None
        self.run(command, merge)
        return True

    def end_merge(self) -> None:
        """The drag is over: the next command starts a step of its own."""
        index = self.undo_stack.index()
        step = self.undo_stack.command(index - 1) if index > 0 else None
        if isinstance(step, UndoStep):
            step.open = False

    def edited(self, edit: Edit) -> None:
        """An edit was applied or reverted: analyse the new state (carrying over what the weights do not touch) and
        tell the views once."""
        if edit.structural:
            change = Change.VALUES | Change.STRUCTURE
        elif touches_only_weights(edit):
            change = Change.VALUES | Change.WEIGHTS_ONLY
        else:
            change = Change.VALUES
        self.analyses = Analyses(self.project, carried=self.analyses if change & Change.WEIGHTS_ONLY else None)
        self.changed.emit(change)

    def replace(self, project: Project, path: str | None, modified: bool = False) -> None:
        """Show another project (New, Open, restore); the undo history starts afresh."""
        self.project = project
        self.path = path
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.analyses = Analyses(project)
        self.changed.emit(Change.VALUES | Change.STRUCTURE | Change.PROJECT)
        self.file_changed.emit()

    def mark_saved(self, path: str) -> None:
        self.path = path
        self.undo_stack.setClean()
        self.file_changed.emit()

    def retranslate(self) -> None:
        """Undo texts in the language now in force."""
        for index in range(self.undo_stack.count()):
            step = self.undo_stack.command(index)
            if isinstance(step, UndoStep):
                step.retranslate()
