"""New from pack, recent files, the footnote editor and the translation round."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.gui.dialogs import NewDocumentDialog
from draftdesk.gui.outline import Selection
from draftdesk.model.inline import plain_text
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog, press


def test_new_resolution_of_another_pack_and_body(qtbot: QtBot, make_window: WindowFactory) -> None:
    """File ▸ New: the OIC Summit (feminine in French) gets « Consciente de »."""
    window = make_window()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, NewDocumentDialog)
        dialog.pack.setCurrentIndex(dialog.pack.findData("oic-cfm"))
        dialog.body.setCurrentIndex(dialog.body.findData("islamic-summit"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(choose)
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    meta = window.controller.document.metadata
    assert (meta.pack, meta.body) == ("oic-cfm", "islamic-summit")
    assert window.windowTitle() == "Untitled[*] — DraftDesk"
    QTest.keyClicks(window.palette_pane.query, "aware of")
    assert window.palette_pane.current_entry().fr == "Consciente de"  # type: ignore[union-attr]
    assert window.context.settings.last_pack == "oic-cfm"


def test_recent_files_reopen(make_window: WindowFactory, tmp_path: Path) -> None:
    """An opened file is listed under File ▸ Open Recent and opens from there."""
    copy = tmp_path / "copy.draftdesk"
    shutil.copy(UN_EXAMPLE, copy)
    window = make_window()
    assert window.files.open_path(copy)
    window.files.open_path(UN_EXAMPLE)
    actions = window.menu.recent_menu.actions()
    assert [a.text() for a in actions][:2] == [str(UN_EXAMPLE.resolve()), str(copy.resolve())]
    actions[1].trigger()
    assert window.controller.session.path == copy.resolve()


def test_footnote_editor_edits_and_deletes(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Selecting a footnote edits its text (the preview follows); an unused one deletes."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    window.outline.select(Selection("footnote", "fn-oic-name"))
    editor = window.footnote_editor
    assert editor.heading.text() == "Footnote 1"
    assert editor.uses.text() == "Used in: preambular paragraph 2"
    assert not editor.delete.isEnabled()
    field = editor.fields["en"]
    field.setFocus()
    cursor = field.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    field.setTextCursor(cursor)
    QTest.keyClicks(field, " Edited")
    note = document.footnote("fn-oic-name")
    assert note is not None and plain_text(note.text["en"]).endswith("Cooperation. Edited")
    qtbot.waitUntil(lambda: "Cooperation. Edited" in window.preview.text())


def test_next_paragraph_to_translate(make_window: WindowFactory) -> None:
    """F8 goes to the next paragraph whose French is missing, cursor in the French text."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    target = document.operative[3]
    window.select_paragraph(target.id)
    window.editor.focus_text("fr")
    window.editor.columns["fr"].text.selectAll()
    QTest.keyClick(window.editor.columns["fr"].text, Qt.Key.Key_Delete)
    assert window.outline.status(target.id) == "FR missing"
    window.select_paragraph(document.operative[0].id)
    press(window, Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier)
    assert window.outline.selection() == Selection("paragraph", target.id)
    assert window.editor.active_lang == "fr"
