"""Whole-app sweeps: find every tab, slide, dialog and item model the window can show — from the registries and by
pressing what a user can press — and check the guarantees on each, so a new surface is covered without anyone
listing it.

The checks (each returns a list of problems in words, empty when all holds):
- `mnemonic_problems`: shortcut letters unique in a scope, and present on every button, tab and menu entry;
- `nameless_focusable`: every focusable control has an accessible name;
- `tab_problems`: Tab reaches every focusable control of a dialog; Tab and Shift+Tab leave every table;
- `markup_problems`: no label, tooltip or model role shows file text as markup (HTML in every text field of the
  project: an unescaped `<img` that Qt would render);
- `model_problems`: every role of every item model answered (and the model passes pytest-qt's model tester).

A button whose text is the project's own data (a criterion's name on its check box) cannot have a unique letter;
it says so with the widget property `no_mnemonic` (a reason), which the sweep honours.
"""

from __future__ import annotations

from collections import defaultdict

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole,
         Qt.ItemDataRole.WhatsThisRole, Qt.ItemDataRole.AccessibleTextRole,
         Qt.ItemDataRole.AccessibleDescriptionRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.FontRole,
         Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
         Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.SizeHintRole,
         Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2)
RICH_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole)  # what Qt may render as rich text
# Markup a label or tooltip must never render. The image is one that is not there: with <img src=/dev/zero> (the
# reported case) a regression made the test run read zeros until the kernel's out-of-memory killer stopped it — and
# whatever else ran on the machine; the checks below find the markup by the widget's text format, not by a hang.
EVIL = "<img src='/ombudscompare-probe/not-there.png'><b>x</b>"


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand)."""
    at = 0
    while True:
        at = text.find("&", at)
        if at < 0 or at + 1 >= len(text):
            return None
        if text[at + 1] == "&":
            at += 2
            continue
        return text[at + 1].lower()


def shows_markup(text: object) -> bool:
    """Would Qt render this as rich text with the hostile tag in it, unescaped?"""
    return isinstance(text, str) and "<img" in text and QtGui.Qt.mightBeRichText(text)


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isVisible()


def _exempt_button(button: QAbstractButton) -> bool:
    """Buttons a keyboard reaches without a letter: Enter and Esc (a dialog's accept and reject buttons), arrows
    (a radio button in a group of more than two), or whose text is the project's own data (`no_mnemonic`)."""
    if button.property("no_mnemonic"):
        return True
    if not button.text().strip():
        return True  # an icon or a cell's check box
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        role = box.buttonRole(button)
        return role in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole)
    if isinstance(button.window(), QMessageBox):
        message_box = button.window()
        return button is message_box.escapeButton() or button is message_box.defaultButton()
    return isinstance(button, QRadioButton) and button.group() is not None and len(button.group().buttons()) > 2


def mnemonic_problems(root: QWidget, menus: list[QMenu] = ()) -> list[str]:
    """Letters unique among everything Alt+letter reaches in `root` as shown now (and its menu bar's titles), and a
    letter on every button and tab; each menu in `menus` checked on its own."""
    named: list[tuple[str | None, str]] = []
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not _shown(button, root) or isinstance(button.parentWidget(), QTabBar):
            continue
        key = mnemonic(button.text())
        if key is None and not _exempt_button(button):
            problems.append(f"{type(button).__name__} {button.objectName()!r} {button.text()!r} has no shortcut letter")
        named.append((key, f"{type(button).__name__} {button.text()!r}"))
    for label in root.findChildren(QLabel):
        if _shown(label, root) and label.buddy() is not None:
            named.append((mnemonic(label.text()), f"label {label.text()!r}"))
    for box in root.findChildren(QGroupBox):
        if _shown(box, root) and box.isCheckable():
            named.append((mnemonic(box.title()), f"group {box.title()!r}"))
    for bar in root.findChildren(QTabBar):
        if not _shown(bar, root):
            continue
        for index in range(bar.count()):
            text = bar.tabText(index)
            if mnemonic(text) is None:
                problems.append(f"tab {text!r} has no shortcut letter")
            named.append((mnemonic(text), f"tab {text!r}"))
    bar = root.menuBar() if hasattr(root, "menuBar") else None
    if bar is not None:
        for action in bar.actions():
            named.append((mnemonic(action.text()), f"menu {action.text()!r}"))
    problems += _clashes(named)
    for menu in menus:
        entries = [(mnemonic(a.text()), a.text()) for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        problems += [f"menu {menu.title()!r}: {p}" for p in _clashes(entries)]
        problems += [f"menu {menu.title()!r}: entry {a.text()!r} has no shortcut letter" for a in menu.actions()
                     if not a.isSeparator() and a.isVisible() and a.isEnabled() and a.text().strip()
                     and mnemonic(a.text()) is None]
    return problems


def _clashes(named: list[tuple[str | None, str]]) -> list[str]:
    by_key = defaultdict(list)
    for key, where in named:
        if key:
            by_key[key].append(where)
    return [f"Alt+{key.upper()} is taken by {', '.join(places)}" for key, places in sorted(by_key.items())
            if len(places) > 1]


def nameless_focusable(root: QWidget) -> list[str]:
    """Walk the accessibility tree from `root`: every focusable, visible, enabled element must have a name."""
    missing = []
    seen = set()

    def walk(iface, depth=0):
        if iface is None or not iface.isValid() or depth > 40:
            return
        key = (id(iface.object()), iface.role(), iface.text(QAccessible.Text.Name))
        if key in seen:
            return
        seen.add(key)
        state = iface.state()
        widget = iface.object()
        shown = state.focusable and not state.invisible and not state.disabled and isinstance(widget, QWidget)
        if shown and not iface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} has no accessible name")
        for index in range(iface.childCount()):
            walk(iface.child(index), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root))
    return sorted(set(missing))


def _focusable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and not isinstance(w.parentWidget(), QAbstractItemView) and w.window() is root.window()]


def _settle() -> None:
    for _ in range(2):
        QApplication.processEvents()


def tab_problems(root: QWidget, whole_chain: bool = True) -> list[str]:
    """Tab and Shift+Tab leave every table, and (for a dialog, `whole_chain`) Tab reaches every focusable control."""
    problems = []
    root.window().activateWindow()
    _settle()
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible() or not view.isEnabled() or not view.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        for key, modifier in ((Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
                              (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
                              (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)):
            view.setFocus(Qt.FocusReason.TabFocusReason)
            _settle()
            if QApplication.focusWidget() is not view:
                break  # this platform does not give it the focus; nothing to test
            QTest.keyClick(view, key, modifier)
            _settle()
            focus = QApplication.focusWidget()
            if focus is view or (focus is not None and view.isAncestorOf(focus)):
                name = ("Ctrl+Tab" if modifier == Qt.KeyboardModifier.ControlModifier
                        else "Tab" if key == Qt.Key.Key_Tab else "Shift+Tab")
                problems.append(f"{name} stays inside table {view.objectName()!r}")
    if whole_chain:
        wanted = _focusable(root)
        if wanted:
            first = wanted[0]
            first.setFocus(Qt.FocusReason.TabFocusReason)
            _settle()
            reached = set()
            for _ in range(4 * len(wanted) + 10):
                focus = QApplication.focusWidget()
                if focus is None or not shiboken6.isValid(focus):
                    break
                reached.add(id(focus.focusProxy() or focus))
                QTest.keyClick(focus, Qt.Key.Key_Tab)
                _settle()
            missing = [w for w in wanted if id(w) not in reached and shiboken6.isValid(w) and w.isVisible()]
            problems += [f"Tab never reaches {type(w).__name__} {w.objectName()!r}"
                         f" {getattr(w, 'text', lambda: '')()!r}" for w in missing]
    return problems


def markup_problems(root: QWidget) -> list[str]:
    """No label and no tooltip shows file text as markup."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText and shows_markup(
                widget.text()):
            problems.append(f"label {widget.objectName()!r} renders {widget.text()[:60]!r}")
        if shows_markup(widget.toolTip()):
            problems.append(f"tooltip of {type(widget).__name__} {widget.objectName()!r}: {widget.toolTip()[:60]!r}")
    return problems


def models_in(root: QWidget) -> list[QAbstractItemModel]:
    found = []
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model not in found:
            found.append(model)
        header_models = [getattr(view, name)().model() for name in ("horizontalHeader", "verticalHeader")
                         if hasattr(view, name)]
        found += [m for m in header_models if m is not None and m not in found]
    return found


def model_problems(model: QAbstractItemModel) -> list[str]:
    """Ask every cell and header of the model for every role: nothing renders file text as markup."""
    problems = []
    rows = model.rowCount(QModelIndex())
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model
        columns = 1
    for role in ROLES:
        for row in range(rows):
            for column in range(columns):
                value = model.data(model.index(row, column), role)
                if role in RICH_ROLES and shows_markup(value):
                    problems.append(f"{type(model).__name__} ({row}, {column}) role {role.name}: {str(value)[:60]!r}")
        for orientation, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, rows)):
            for section in range(count):
                value = model.headerData(section, orientation, role)
                if role in RICH_ROLES and shows_markup(value):
                    problems.append(f"{type(model).__name__} header {orientation.name} {section} role {role.name}:"
                                    f" {str(value)[:60]!r}")
    return problems


def check_surface(root: QWidget, *, dialog: bool, menus: list[QMenu] = ()) -> list[str]:
    """Every guarantee on one surface as it is shown now."""
    problems = mnemonic_problems(root, list(menus)) + nameless_focusable(root) + markup_problems(root)
    problems += tab_problems(root, whole_chain=dialog)
    for model in models_in(root):
        problems += model_problems(model)
    return problems


def _new_windows(before: set[int]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if id(w) not in before and w.isVisible() and isinstance(w, QDialog)]


class DialogSweep:
    """Press something; every dialog it opens (modal or not, and dialogs those open in turn) is checked and closed.

    `found` maps each dialog's object name (or class) to its problems."""

    def __init__(self, depth: int = 2):
        self.found: dict[str, list[str]] = {}
        self.depth = depth

    def press(self, trigger, depth: int = 0) -> None:
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        handled: set[int] = set()

        def watch():
            for dialog in _new_windows(before):
                if id(dialog) not in handled:
                    handled.add(id(dialog))
                    self._handle(dialog, depth)
            if not done:
                QTimer.singleShot(20, watch)

        done = False
        QTimer.singleShot(0, watch)
        trigger()
        done = True
        _settle()
        for dialog in _new_windows(before):  # opened without blocking (show())
            if id(dialog) not in handled:
                handled.add(id(dialog))
                self._handle(dialog, depth)

    def _handle(self, dialog: QDialog, depth: int) -> None:
        if isinstance(dialog, QFileDialog):  # Qt's own file dialog: not ours to check
            dialog.reject()
            return
        name = dialog.objectName() or type(dialog).__name__
        _settle()
        problems = check_surface(dialog, dialog=True)
        for button in dialog.findChildren(QToolButton):
            if button.menu() is not None:
                problems += [f"menu {button.text()!r}: {p}" for p in mnemonic_problems(dialog, [button.menu()])
                             if p.startswith("menu")]
        self.found.setdefault(name, [])
        self.found[name] += [p for p in problems if p not in self.found[name]]
        if depth + 1 < self.depth:
            for button in dialog.findChildren(QAbstractButton):
                if (button.isVisible() and button.isEnabled() and not isinstance(button.parentWidget(),
                                                                                 QDialogButtonBox)
                        and not isinstance(dialog, QMessageBox) and not button.isCheckable()
                        and button.objectName() not in self.skip):
                    self.press(button.click, depth + 1)
        if shiboken6.isValid(dialog) and dialog.isVisible():
            if isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
                dialog.escapeButton().click()
            else:
                dialog.reject()
            _settle()

    skip = frozenset({"remove_range"})  # destructive without a question; its refusal is tested elsewhere
