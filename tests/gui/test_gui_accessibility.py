"""Accessible names on every control, keyboard shortcuts for every frequent action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.outline import Selection
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.gui.conftest import WindowFactory

CONTROLS = (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
    QPlainTextEdit, QTextEdit,
)  # fmt: skip


def unnamed_controls(window: MainWindow) -> tuple[int, list[str]]:
    """(controls checked, visible focusable controls a screen reader could not name)."""
    missing = []
    checked = 0
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        checked += 1
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            parent = widget.parentWidget()
            if isinstance(parent, (QAbstractSpinBox, QComboBox)) and parent.accessibleName():
                continue
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    return checked, missing


def test_every_control_on_every_page_has_a_name(make_window: WindowFactory) -> None:
    """Welcome page, paragraph editor (with a clause's slot form), details, footnote."""
    for example in (UN_EXAMPLE, OIC_EXAMPLE):
        window = make_window(example)
        document = window.controller.document
        pages = [
            None,
            Selection("paragraph", document.preamble[0].id),
            Selection("paragraph", document.operative[-1].id),
            Selection("details"),
        ]
        if document.footnotes:
            pages.append(Selection("footnote", document.footnotes[0].id))
        for page in pages:
            if page is not None:
                window.outline.select(page)
            checked, missing = unnamed_controls(window)
            assert missing == [], (example.name, page)
            assert checked >= 8, (example.name, page, checked)  # the scan saw the page


def test_frequent_actions_have_distinct_shortcuts(make_window: WindowFactory) -> None:
    """Save, undo, footnote, move … each has a key, and no two actions share one."""
    window = make_window()
    menu = window.menu
    frequent = [
        menu.new, menu.open, menu.save, menu.save_as, menu.export, menu.undo, menu.redo,
        menu.add_preambular, menu.add_operative, menu.add_sub, menu.footnote, menu.crossref,
        menu.italic, menu.find_clause, menu.move_up, menu.move_down, menu.indent,
        menu.outdent, menu.delete, menu.next_untranslated, menu.filter, menu.preview_en,
        menu.preview_fr, menu.details,
    ]  # fmt: skip
    assert [a.text() for a in frequent if a.shortcut().isEmpty()] == []
    keys = [
        seq.toString() for action in menu.all for seq in action.shortcuts() if not seq.isEmpty()
    ]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert menu.footnote.shortcut() == QKeySequence("Ctrl+Alt+F")  # as in Word
    assert menu.move_up.shortcut() == QKeySequence("Alt+Shift+Up")  # as in Word
    assert "(Ctrl+Alt+F)" in menu.footnote.toolTip()
