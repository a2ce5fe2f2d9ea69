"""A test hook: drive the running window from JSON lines on stdin (DRAFTDESK_AUTOMATION=1).

Each request acts on the real widgets, as a user would: it types into the palette's search
box and presses its Insert button, types keys into a text field, clicks dialog buttons.
Events go to stdout as JSON lines: `ready`, `done` (after each request), `autosaved`,
`proofing-ready` (dictionaries loaded). The crash-recovery test and bench/gui_bench.py use
it; it is off unless the variable is set.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from draftdesk.gui.main_window import MainWindow
from draftdesk.model.inline import plain_text

if TYPE_CHECKING:
    from draftdesk.gui.proofing_panel import ProofingPanel


class Automation(QObject):
    """Reads requests on a thread, performs them on the GUI thread, reports on stdout."""

    request = Signal(dict)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.request.connect(self._perform)
        # The benchmark waits for this before it reads the process's peak memory. The panel
        # is built after the first paint: asking for it here would build it before.
        panel = window.proofing_if_built()
        if panel is None:
            window.proofing_built.connect(self._watch_proofing)
        else:
            self._watch_proofing(panel)
        window.files.autosaved.connect(
            lambda count: self._emit(
                "autosaved", writes=count, generation=window.controller.generation
            )
        )

    def _watch_proofing(self, panel: ProofingPanel) -> None:
        panel.service.ready.connect(lambda: self._emit("proofing-ready"))

    def start(self) -> None:
        """Start listening; say "ready" once the window has painted with its document."""
        threading.Thread(target=self._read, name="draftdesk-automation", daemon=True).start()
        QTimer.singleShot(0, self._ready)  # after the preview's own zero-delay update

    def _ready(self) -> None:
        self.window.repaint()
        self._emit("ready", pid=os.getpid())

    def _read(self) -> None:
        for line in sys.stdin:
            line = line.strip()
            if line:
                try:
                    self.request.emit(json.loads(line))
                except ValueError:
                    self._emit("error", message=f"not JSON: {line[:80]}")

    def _emit(self, event: str, **fields: Any) -> None:
        sys.stdout.write(json.dumps({"event": event, **fields}) + "\n")
        sys.stdout.flush()

    def _perform(self, request: dict[str, Any]) -> None:
        op = request.get("op")
        window = self.window
        if op == "palette":
            pane = window.palette_pane
            pane.set_part(None)
            pane.query.clear()
            QTest.keyClicks(pane.query, str(request["query"]))
            QTest.mouseClick(pane.insert, Qt.MouseButton.LeftButton)
        elif op == "type":
            lang = str(request.get("lang", "en"))
            window.editor.focus_text(lang)
            QTest.keyClicks(window.editor.columns[lang].text, str(request["text"]))
        elif op == "click":
            self._click(str(request["button"]))
        elif op == "check":
            window.proofing.check_now()  # the whole document, as Check Now does
        elif op == "state":
            self._emit("state", **self._state())
            return
        elif op == "quit":
            window.files.close()
            QApplication.quit()
        else:
            self._emit("error", message=f"unknown op {op!r}")
            return
        self._emit("done", op=op, generation=window.controller.generation)

    def _click(self, name: str) -> None:
        """Click the button with this object name in the active dialog."""
        dialog = QApplication.activeModalWidget()
        button = dialog.findChild(QPushButton, name) if dialog else None
        if button is None:
            self._emit("error", message=f"no button {name!r}")
            return
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def _state(self) -> dict[str, Any]:
        document = self.window.controller.document
        return {
            "title": self.window.windowTitle(),
            "modified": self.window.controller.session.modified,
            "preamble": [plain_text(p.text.get("en", [])) for p in document.preamble],
            "operative": [plain_text(p.text.get("en", [])) for p in document.operative],
        }
