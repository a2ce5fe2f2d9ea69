"""Bad input in the GUI: a clear dialog every time, and nothing lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.commands import SetMetadata
from draftdesk.model import fileformat
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog

Seen = list[tuple[str, str]]


def record_and_press(seen: Seen, button: QMessageBox.StandardButton) -> object:
    """A dialog handler that records (title, text + details) and presses `button`."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append((dialog.windowTitle(), f"{dialog.text()}\n{dialog.informativeText()}"))
        dialog.button(button).click()

    return handle


def test_invalid_file_keeps_the_current_document(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    """Broken JSON: the dialog names the file and the line; the open document stays."""
    window = make_window(UN_EXAMPLE)
    window.controller.execute(SetMetadata("symbol", "A/72/L.MINE"))
    bad = tmp_path / "broken.draftdesk"
    bad.write_text('{"format": "draftdesk",\n  oops', encoding="utf-8")
    seen: Seen = []
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Ok))
    assert window.files.open_path(bad, ask=False) is False
    [(title, text)] = seen
    assert title == "Cannot open the file"
    assert "broken.draftdesk" in text and "malformed JSON at line 2" in text
    assert "Your current document is unchanged." in text
    assert window.controller.document.metadata.symbol == "A/72/L.MINE"
    assert window.isWindowModified()
    assert bad.read_text(encoding="utf-8") == '{"format": "draftdesk",\n  oops'


def test_newer_version_file_is_refused_politely(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    """A file from a newer DraftDesk: says so, suggests updating, leaves the file alone."""
    window = make_window()
    data = json.loads(UN_EXAMPLE.read_text(encoding="utf-8"))
    data["format_version"] = 7
    newer = tmp_path / "from-the-future.draftdesk"
    newer.write_text(json.dumps(data), encoding="utf-8")
    before = newer.read_bytes()
    seen: Seen = []
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Ok))
    assert window.files.open_path(newer, ask=False) is False
    [(title, text)] = seen
    assert title == "Made by a newer DraftDesk"
    assert "file format version 7" in text and "Update DraftDesk" in text
    assert newer.read_bytes() == before
    assert window.controller.session.path is None  # still the untitled document


def test_failed_save_keeps_edits_file_and_autosave(
    make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Save As into a "folder" that is a file: clear dialog; edits, old file and autosave kept.

    Tests run as root, for whom a read-only folder is writable; a parent that is a file
    fails the same way for everyone.
    """
    original = tmp_path / "un.draftdesk"
    shutil.copy(UN_EXAMPLE, original)
    before = original.read_bytes()
    window = make_window(original)
    window.controller.execute(SetMetadata("symbol", "A/72/L.UNSAVED"))
    window.files.autosave()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocker / "copy.draftdesk"), "")
    )
    seen: Seen = []
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Ok))
    window.menu.save_as.trigger()
    [(title, text)] = seen
    assert title == "Cannot save"
    assert str(blocker / "copy.draftdesk") in text and "could not be saved" in text
    assert "Your edits are still here" in text
    assert window.isWindowModified()
    assert window.controller.document.metadata.symbol == "A/72/L.UNSAVED"
    assert window.controller.session.path == original.resolve()
    assert original.read_bytes() == before
    slot = window.files.slot
    assert slot is not None
    assert fileformat.load(slot.document_path).metadata.symbol == "A/72/L.UNSAVED"


def test_file_changed_by_someone_else_is_not_overwritten_unasked(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    """Ctrl+S after a colleague saved the same file: asked first; Cancel keeps theirs."""
    path = tmp_path / "shared.draftdesk"
    shutil.copy(UN_EXAMPLE, path)
    window = make_window(path)
    theirs = fileformat.load(path)
    theirs.metadata.symbol = "A/72/L.THEIRS"
    fileformat.save(theirs, path)
    window.controller.execute(SetMetadata("symbol", "A/72/L.MINE"))
    seen: Seen = []
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Cancel))
    assert window.files.save() is False
    assert seen[0][0] == "File changed by someone else"
    assert fileformat.load(path).metadata.symbol == "A/72/L.THEIRS"
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Save))
    assert window.files.save() is True
    assert fileformat.load(path).metadata.symbol == "A/72/L.MINE"
    assert not window.isWindowModified()


def test_closing_with_unsaved_changes_asks(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Cancel keeps the window open with the edits; Discard closes it."""
    window = make_window()
    window.controller.execute(SetMetadata("symbol", "A/1"))
    seen: Seen = []
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Cancel))
    assert window.close() is False
    assert window.isVisible()
    assert seen[0] == (
        "Unsaved changes",
        "Save the changes to “Untitled” before closing it?\n"
        "If you don’t save, your changes since the last save are lost.",
    )
    answer_dialog(record_and_press(seen, QMessageBox.StandardButton.Discard))
    assert window.close() is True
