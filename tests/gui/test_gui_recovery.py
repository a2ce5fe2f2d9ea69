"""Never lose work: kill the application (SIGKILL) after unsaved edits; the next start recovers."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from draftdesk.gui.app import create_window, offer_recovery
from draftdesk.gui.context import user_context
from draftdesk.model.inline import plain_text

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="SIGKILL and XDG folders: Linux only"
)


class App:
    """The real application in a child process, driven over its automation channel."""

    def __init__(self, home: Path) -> None:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "DRAFTDESK_AUTOMATION": "1",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "draftdesk", "--ui-language", "en"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                self.events.put(json.loads(line))

    def wait_for(self, event: str, timeout: float = 30.0, **fields: Any) -> dict[str, Any]:
        """The next event of this kind (with these field values), skipping others."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.events.get(timeout=max(deadline - time.monotonic(), 0.01))
            if message["event"] == "error":
                raise AssertionError(message)
            if message["event"] == event and all(message.get(k) == v for k, v in fields.items()):
                return message

    def ask(self, op: str) -> dict[str, Any]:
        """A question (e.g. "state"); the answer is the event of the same name."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op}) + "\n")
        self.process.stdin.flush()
        return self.wait_for(op)

    def send(self, **request: Any) -> dict[str, Any]:
        """Perform one request and wait until the app says it is done."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self.wait_for("done", op=request["op"])


def test_sigkill_after_unsaved_edits_then_recover(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits typed in, autosaved on the 5 s timer, process killed: all of it comes back."""
    (tmp_path / "config" / "DraftDesk").mkdir(parents=True)
    (tmp_path / "config" / "DraftDesk" / "settings.json").write_text(
        json.dumps({"autosave_seconds": 5}), encoding="utf-8"
    )
    app = App(tmp_path)
    try:
        app.wait_for("ready")
        app.send(op="palette", query="reaffirming")
        app.send(op="type", lang="en", text="the Charter of the United Nations")
        inserted = app.send(op="palette", query="welcomes")
        # A structural edit is autosaved as soon as the editor is idle …
        autosaved = app.wait_for("autosaved", timeout=10)
        assert autosaved["generation"] >= inserted["generation"]
        started = time.monotonic()
        typed = app.send(op="type", lang="en", text="the report of the Secretary-General")
        # … typing by the periodic timer (30 s by default, 5 s in this user's settings).
        while app.wait_for("autosaved", timeout=20)["generation"] < typed["generation"]:
            pass
        assert time.monotonic() - started < 12
        state = app.ask("state")
        assert state["modified"] is True and state["title"] == "Untitled[*] — DraftDesk"
    finally:
        app.process.send_signal(signal.SIGKILL)
        app.process.wait(timeout=10)
    assert app.process.returncode == -signal.SIGKILL

    # The next start (same user folders) offers the recovery; accept it.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    context = user_context()
    assert context.state_dir == tmp_path / "state" / "DraftDesk"
    [recovery] = context.autosave_store.recoverable()
    assert recovery.title == "Untitled"
    window, error = create_window(context)
    assert error is None
    window.show()
    try:
        dialog = offer_recovery(window)
        assert dialog is not None and dialog.isVisible()
        assert "Untitled — autosaved" in dialog.list.item(0).text()
        dialog.findChild(QPushButton, "recover").click()
        document = window.controller.document
        assert [plain_text(p.text["en"]) for p in document.preamble] == [
            "the Charter of the United Nations"
        ]
        assert [plain_text(p.text["en"]) for p in document.operative] == [
            "the report of the Secretary-General"
        ]
        assert document.operative[0].opener == "welcomes"
        assert window.isWindowModified()  # recovered work is not saved until you save it
        qtbot.waitUntil(
            lambda: "Welcomes the report of the Secretary-General." in window.preview.text()
        )
        # Only this window's own autosave is left, and it is locked: nothing else to offer.
        assert context.autosave_store.recoverable() == []
    finally:
        window.controller.session.editor.mark_saved()
        window.controller.session.recovered = False
        window.close()
