"""GUI test set-up: Qt offscreen (before any QApplication), English UI, folders in tmp_path."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # must precede the QApplication pytest-qt makes

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from draftdesk.gui.context import AppContext
from draftdesk.gui.i18n import install
from draftdesk.gui.main_window import MainWindow
from draftdesk.packs.registry import PackRegistry
from draftdesk.session import Session, new_session, open_session
from draftdesk.settings import Settings


@pytest.fixture(autouse=True)
def english_ui() -> Iterator[None]:
    """Every test starts in English (a test switching to French switches back)."""
    install("en")
    yield
    install("en")


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    """Settings and autosaves under tmp_path, never in the user's folders."""
    return AppContext(
        PackRegistry(), Settings(), tmp_path / "config", tmp_path / "state", persist=True
    )


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: object, context: AppContext) -> Iterator[WindowFactory]:
    """Open a main window on a file (or an empty UN GA resolution); closed at the end."""
    windows: list[MainWindow] = []

    def make(path: Path | None = None, session: Session | None = None) -> MainWindow:
        if session is None:
            session = (
                open_session(path, context.registry)
                if path
                else new_session(context.registry, "un-ga", "general-assembly")
            )
        window = MainWindow(context, session)
        window.resize(1400, 900)
        window.show()
        window.activateWindow()  # offscreen windows are not active by themselves
        QApplication.processEvents()
        windows.append(window)
        return window

    yield make
    for window in windows:
        # The test is over: closing must not stop at "save your changes?".
        session = window.controller.session
        session.editor.mark_saved()
        session.recovered = False
        window.close()
        window.deleteLater()


def press(window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A keyboard shortcut, with the window active as it is under a user's hands.

    Offscreen, a closed dialog leaves no window active, and shortcuts need one.
    """
    window.activateWindow()
    QApplication.processEvents()
    focus = QApplication.focusWidget() or window
    QTest.keyClick(focus, key, modifiers)


def type_keys(widget: QWidget, text: str) -> None:
    """Type `text` key by key; QTest.keyClicks only knows ASCII, French needs more."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            )


def answer_dialog(handler: Callable[[QWidget], None], *, attempts: int = 200) -> None:
    """Run `handler` on the next modal dialog as soon as it is open (it blocks in exec)."""

    def check(remaining: int = attempts) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if remaining:
                QTimer.singleShot(10, lambda: check(remaining - 1))
            return
        try:
            handler(dialog)
        finally:
            if dialog.isVisible() and isinstance(dialog, QDialog):
                dialog.reject()  # never leave a test blocked in exec()

    QTimer.singleShot(0, check)
