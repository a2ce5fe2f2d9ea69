"""The open file changed by another program: noticed while open, asked once, nothing lost."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.commands import SetMetadata
from draftdesk.gui import disk_watch
from draftdesk.gui.disk_watch import SETTLE_MS
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.messages import DiskAnswer
from draftdesk.model import fileformat
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog

Seen = list[tuple[str, str, list[str]]]


def press_button(seen: Seen, label: str) -> Callable[[QWidget], None]:
    """A handler recording (title, text, button labels) and clicking the button `label`."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        labels = sorted(button.text() for button in dialog.buttons())
        seen.append((dialog.windowTitle(), f"{dialog.text()}\n{dialog.informativeText()}", labels))
        [button] = [b for b in dialog.buttons() if b.text() == label]
        button.click()

    return handle


def their_edit(path: Path, symbol: str, *, atomic: bool = True) -> None:
    """Another program saves the file: atomically (a new inode) or in place."""
    theirs = fileformat.load(path)
    theirs.metadata.symbol = symbol
    if atomic:
        fileformat.save(theirs, path)
    else:
        with path.open("r+b") as handle:  # same inode: only a file watch sees this
            handle.write(fileformat.dumps(theirs).encode("utf-8"))
            handle.truncate()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A copy of the UN example that "someone else" also edits."""
    path = tmp_path / "shared.draftdesk"
    shutil.copy(UN_EXAMPLE, path)
    return path


def open_on(make_window: WindowFactory, path: Path) -> MainWindow:
    window = make_window(path)
    assert str(path.resolve()) in window.files.watch.watcher.files()
    return window


def test_unmodified_document_offers_reload(
    qtbot: QtBot, make_window: WindowFactory, shared: Path
) -> None:
    """No unsaved edits: the watcher notices, asks "Reload?"; Reload shows their version."""
    window = open_on(make_window, shared)
    seen: Seen = []
    answer_dialog(press_button(seen, "Reload"))
    their_edit(shared, "A/72/L.THEIRS")
    qtbot.waitUntil(lambda: window.controller.document.metadata.symbol == "A/72/L.THEIRS")
    [(title, text, buttons)] = seen
    assert title == "File changed by another program"
    assert "“shared.draftdesk” was changed by another program" in text
    assert "no unsaved changes" in text
    assert buttons == ["Keep This Version", "Reload"]
    assert not window.isWindowModified()
    assert window.controller.session.disk_change().value == "same"


def test_edits_kept_then_save_still_asks_before_replacing(
    qtbot: QtBot, make_window: WindowFactory, shared: Path
) -> None:
    """Unsaved edits + their change: warned with three choices; Keep Mine keeps both
    versions apart until a save, which asks again; the same version is asked about once."""
    window = open_on(make_window, shared)
    window.controller.execute(SetMetadata("symbol", "A/72/L.MINE"))
    seen: Seen = []
    answer_dialog(press_button(seen, "Keep Mine"))
    their_edit(shared, "A/72/L.THEIRS")
    qtbot.waitUntil(lambda: len(seen) == 1)
    title, text, buttons = seen[0]
    assert title == "File changed by another program"
    assert buttons == ["Keep Mine", "Reload (Discard My Changes)", "Save Mine As…"]
    assert "saving will replace the other version" in text
    qtbot.waitUntil(lambda: "Kept your version" in window.statusBar().currentMessage())
    assert window.controller.document.metadata.symbol == "A/72/L.MINE"
    assert fileformat.load(shared).metadata.symbol == "A/72/L.THEIRS"
    # Coming back to the window checks again, but does not ask twice about one version.
    checks = window.files.watch.checks
    window.activateWindow()
    qtbot.waitUntil(lambda: window.files.watch.checks > checks)
    assert len(seen) == 1 and QApplication.activeModalWidget() is None
    # Saving still asks (the save-time guard); Cancel leaves their file alone.
    answer_dialog(press_button(seen, "Cancel"))
    assert window.files.save() is False
    assert seen[1][0] == "File changed by someone else"
    assert fileformat.load(shared).metadata.symbol == "A/72/L.THEIRS"


def test_edits_saved_as_keeps_both_versions(
    qtbot: QtBot,
    make_window: WindowFactory,
    shared: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Save Mine As…: my version goes to a new file, theirs stays; the watch follows mine."""
    window = open_on(make_window, shared)
    window.controller.execute(SetMetadata("symbol", "A/72/L.MINE"))
    mine = tmp_path / "mine.draftdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(mine), ""))
    seen: Seen = []
    answer_dialog(press_button(seen, "Save Mine As…"))
    their_edit(shared, "A/72/L.THEIRS")
    qtbot.waitUntil(lambda: window.controller.session.path == mine)
    assert fileformat.load(mine).metadata.symbol == "A/72/L.MINE"
    assert fileformat.load(shared).metadata.symbol == "A/72/L.THEIRS"
    assert not window.isWindowModified()
    assert window.files.watch.watcher.files() == [str(mine)]


def test_edits_discarded_on_reload(qtbot: QtBot, make_window: WindowFactory, shared: Path) -> None:
    """Reload (Discard My Changes) shows their version, unmodified."""
    window = open_on(make_window, shared)
    window.controller.execute(SetMetadata("symbol", "A/72/L.MINE"))
    seen: Seen = []
    answer_dialog(press_button(seen, "Reload (Discard My Changes)"))
    their_edit(shared, "A/72/L.THEIRS")
    qtbot.waitUntil(lambda: window.controller.document.metadata.symbol == "A/72/L.THEIRS")
    assert not window.isWindowModified()


def test_own_saves_never_ask_and_rearm_the_watch(
    qtbot: QtBot, make_window: WindowFactory, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our atomic saves replace the inode: no question, and the watch follows the new file,
    so a later in-place write by another program (seen only by a file watch) is noticed."""
    window = open_on(make_window, shared)
    false_alarms: list[bool] = []
    real_question = disk_watch.ask_reload

    def record(_parent: object, _name: str, *, unsaved: bool) -> DiskAnswer:
        false_alarms.append(unsaved)
        return DiskAnswer.KEEP

    monkeypatch.setattr(disk_watch, "ask_reload", record)
    for symbol in ("A/72/L.ONE", "A/72/L.TWO"):
        window.controller.execute(SetMetadata("symbol", symbol))
        assert window.files.save() is True
        qtbot.wait(3 * SETTLE_MS)  # any notice of our own write has been handled
        checks = window.files.watch.checks
        window.files.watch.check()  # as on coming back to the window
        assert window.files.watch.checks == checks + 1
    assert false_alarms == [] and not window.isWindowModified()
    assert str(shared.resolve()) in window.files.watch.watcher.files()
    monkeypatch.setattr(disk_watch, "ask_reload", real_question)
    seen: Seen = []
    answer_dialog(press_button(seen, "Reload"))
    their_edit(shared, "A/72/L.INPLACE", atomic=False)
    qtbot.waitUntil(lambda: window.controller.document.metadata.symbol == "A/72/L.INPLACE")
    assert len(seen) == 1


def test_deleted_file_is_reported_and_save_recreates_it(
    qtbot: QtBot, make_window: WindowFactory, shared: Path
) -> None:
    """The file deleted under us: a status-bar note, no dialog; Save puts it back."""
    window = open_on(make_window, shared)
    shared.unlink()
    qtbot.waitUntil(lambda: "was deleted or moved" in window.statusBar().currentMessage())
    assert QApplication.activeModalWidget() is None
    window.controller.execute(SetMetadata("symbol", "A/72/L.BACK"))
    assert window.files.save() is True
    assert fileformat.load(shared).metadata.symbol == "A/72/L.BACK"
