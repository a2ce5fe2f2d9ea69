"""`draftdesk --screenshot OUT.png [FILE]`: the main window at 1400x900, rendered to a PNG."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)

from draftdesk.gui.app import application, create_window, set_language
from draftdesk.gui.context import scratch_context
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.outline import Selection

WIDTH, HEIGHT = 1400, 900
# The offscreen platform says this for every top-level window it shows; it is no fault of
# the window, and a user rendering a screenshot should not read it as one.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen(kind: QtMsgType, _where: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's note on size hints."""
    if message != _OFFSCREEN_NOISE:
        print(message, file=sys.stderr)


def settle(seconds: float = 0.25) -> None:
    """Let pending layouts, delayed re-layouts (Qt waits 100 ms), timers and paints run."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def show_for_screenshot(window: MainWindow) -> None:
    """Open on the first operative paragraph (editor, preview and outline all busy)."""
    document = window.controller.document
    window.resize(WIDTH, HEIGHT)
    window.show()
    if document.operative:
        window.outline.select(Selection("paragraph", document.operative[0].id))
    settle()
    for lang in document.metadata.languages:
        window.controller.layout(lang)  # the idle render of the other language, now
    window.update_preview()
    settle()


def take_screenshot(out: Path, file: Path | None, ui_language: str | None) -> int:
    """Render the window with FILE open into `out`; 2 with one line on stderr on failure.

    Nothing is read from or written to the user's settings and autosave folders, so the
    image is the same on every machine (given the same fonts) and no state is left behind.
    """
    qInstallMessageHandler(_quiet_offscreen)
    app = application()
    with tempfile.TemporaryDirectory(prefix="draftdesk-shot-") as scratch:
        context = scratch_context(Path(scratch))
        set_language(app, ui_language or "system")
        window, error = create_window(context, file)
        if error is not None:
            print(f"draftdesk: {error}", file=sys.stderr)
            window.files.close()
            return 2
        show_for_screenshot(window)
        image = window.grab()
        window.files.close()
        window.hide()
        if not image.save(str(out), "PNG"):
            print(f"draftdesk: {out}: cannot be written", file=sys.stderr)
            return 2
    print(f"{out}: {image.width()}x{image.height()} screenshot written")
    return 0
