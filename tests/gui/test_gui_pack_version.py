"""A file made with a pack version that is not installed: offered the closest one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.commands import SetMetadata
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
