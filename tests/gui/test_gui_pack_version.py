"""A file made with a pack version that is not installed: offered the closest one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.commands import SetMetadata
from draftdesk.gui.app import offer_recovery
from draftdesk.gui.context import AppContext
from draftdesk.gui.main_window import MainWindow
from draftdesk.model import fileformat
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog

Seen = list[tuple[str, str, list[str]]]


def press_button(seen: Seen, label: str) -> Callable[[QWidget], None]:
    """Record (title, text, button labels) and click the button `label`."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(
            (
                dialog.windowTitle(),
                f"{dialog.text()}\n{dialog.informativeText()}",
                sorted(b.text() for b in dialog.buttons()),
            )
        )
        [button] = [b for b in dialog.buttons() if b.text() == label]
        button.click()

    return handle


def old_version_file(tmp_path: Path) -> Path:
    """The UN example as if written with un-ga 0.9.0 (not installed: 1.0.0 is)."""
    path = tmp_path / "old-pack.draftdesk"
    shutil.copy(UN_EXAMPLE, path)
    document = fileformat.load(path)
    document.metadata.pack_version = "0.9.0"
    fileformat.save(document, path)
    return path


def test_open_with_closest_version(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """The dialog explains and offers un-ga 1.0.0; the document opens, unsaved, undoable."""
    path = old_version_file(tmp_path)
    before = path.read_bytes()
    window = make_window()
    seen: Seen = []
    answer_dialog(press_button(seen, "Open with un-ga 1.0.0"))
    assert window.files.open_path(path, ask=False) is True
    [(title, text, buttons)] = seen
    assert title == "Template pack version not installed"
    assert "written with the template pack un-ga 0.9.0, which is not installed here" in text
    assert "may differ slightly" in text and "not changed until you save" in text
    assert buttons == ["Cancel", "Open with un-ga 1.0.0"]
    session = window.controller.session
    assert session.path == path.resolve() and session.pack.version == "1.0.0"
    assert window.isWindowModified()
    assert window.menu.undo.text() == "&Undo Switch pack version"
    assert "Opened with un-ga 1.0.0" in window.statusBar().currentMessage()
    window.update_preview()
    assert "Recalling its resolutions 37/4" in window.preview.text()
    assert path.read_bytes() == before
    assert window.files.save() is True
    assert fileformat.load(path).metadata.pack_version == "1.0.0"


def test_cancel_keeps_the_current_document(make_window: WindowFactory, tmp_path: Path) -> None:
    """Cancel: nothing opens, the current edits stay, the file is untouched."""
    path = old_version_file(tmp_path)
    before = path.read_bytes()
    window = make_window()
    window.controller.execute(SetMetadata("symbol", "A/72/L.MINE"))
    seen: Seen = []
    answer_dialog(press_button(seen, "Cancel"))
    assert window.files.open_path(path, ask=False) is False
    assert len(seen) == 1
    assert window.controller.session.path is None
    assert window.controller.document.metadata.symbol == "A/72/L.MINE"
    assert path.read_bytes() == before


def _recover_old_autosave(
    context: AppContext, window: MainWindow, tmp_path: Path, answer: str
) -> Seen:
    """Leave an autosave of the UN example written with un-ga 0.9.0 with an unsaved edit
    (as a crash would), then choose Recover and answer the pack-version question."""
    path = old_version_file(tmp_path)
    document = fileformat.load(path)
    document.metadata.symbol = "A/72/L.RECOVERED"
    slot = context.autosave_store.open_slot()
    slot.write(document, path, path.name)
    slot.release()
    seen: Seen = []
    answer_dialog(press_button(seen, answer))
    dialog = offer_recovery(window)
    assert dialog is not None
    dialog.findChild(QPushButton, "recover").click()
    return seen


def test_recovering_an_autosave_of_a_missing_pack_version_offers_the_closest(
    qtbot: QtBot, make_window: WindowFactory, context: AppContext, tmp_path: Path
) -> None:
    """The autosave needs un-ga 0.9.0: recovering offers 1.0.0 and keeps the unsaved edit."""
    window = make_window()
    seen = _recover_old_autosave(context, window, tmp_path, "Open with un-ga 1.0.0")
    [(title, text, _buttons)] = seen
    assert title == "Template pack version not installed"
    assert "“old-pack.draftdesk” was written with the template pack un-ga 0.9.0" in text
    session = window.controller.session
    assert (session.pack.version, session.document.metadata.symbol) == (
        "1.0.0",
        "A/72/L.RECOVERED",
    )
    assert session.recovered and window.isWindowModified()
    assert window.controller.undo_name() == "Switch pack version"
    qtbot.waitUntil(lambda: "A/72/L.RECOVERED" in window.preview.text())
    assert context.autosave_store.recoverable() == []  # now held by this window's own slot


def test_declining_the_closest_pack_version_keeps_the_autosave(
    qtbot: QtBot, make_window: WindowFactory, context: AppContext, tmp_path: Path
) -> None:
    """Cancel: the current document stays, and the autosave is offered again next time."""
    window = make_window()
    before = window.controller.session
    assert len(_recover_old_autosave(context, window, tmp_path, "Cancel")) == 1
    assert window.controller.session is before
    [recovery] = context.autosave_store.recoverable()
    assert recovery.load().metadata.symbol == "A/72/L.RECOVERED"
