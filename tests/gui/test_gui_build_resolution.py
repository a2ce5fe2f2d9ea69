"""Build a resolution the way a drafting officer would, through the real widgets."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.gui.export_dialog import ExportDialog
from draftdesk.gui.insert_dialogs import FootnoteDialog
from draftdesk.gui.main_window import MainWindow
from draftdesk.model import fileformat
from draftdesk.model.document import Part
from draftdesk.model.inline import FootnoteRef, plain_text
from tests.gui.conftest import WindowFactory, answer_dialog, press, type_keys

CTRL = Qt.KeyboardModifier.ControlModifier


def palette_insert(window: MainWindow, query: str, part: Part) -> None:
    """Search the palette, filter on the part, press Insert (as a user does)."""
    pane = window.palette_pane
    pane.set_part(part)
    pane.query.clear()
    QTest.keyClicks(pane.query, query)
    assert pane.current_entry() is not None, query
    QTest.mouseClick(pane.insert, Qt.MouseButton.LeftButton)


def type_text(window: MainWindow, lang: str, text: str) -> None:
    """Type into a language's text field of the selected paragraph, at its end."""
    window.editor.focus_text(lang)
    type_keys(window.editor.columns[lang].text, text)


def insert_footnote(window: MainWindow, *, new_text: dict[str, str] | None = None) -> None:
    """Insert ▸ Footnote… (Ctrl+Alt+F): a new note, or the first existing one again."""

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FootnoteDialog)
        if new_text is None:
            dialog.existing.setChecked(True)
        else:
            dialog.new.setChecked(True)
            for lang, text in new_text.items():
                type_keys(dialog.texts[lang], text)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(fill)
    press(window, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.AltModifier)


def build(window: MainWindow) -> None:
    """Three preambular and three operative paragraphs, English and French typed in."""
    palette_insert(window, "recalling earlier resolutions", Part.PREAMBLE)  # a clause
    palette_insert(window, "reaffirming", Part.PREAMBLE)
    type_text(window, "en", "the Charter of the United Nations")
    type_text(window, "fr", "la Charte des Nations Unies")
    palette_insert(window, "convinced", Part.PREAMBLE)
    type_text(window, "en", "that cooperation is essential")
    type_text(window, "fr", "que la coopération est essentielle")
    palette_insert(window, "welcomes", Part.OPERATIVE)
    type_text(window, "en", "the report")
    type_text(window, "fr", "le rapport")
    palette_insert(window, "urges", Part.OPERATIVE)
    type_text(window, "en", "Member States to cooperate")
    type_text(window, "fr", "les États Membres à coopérer")
    palette_insert(window, "remaining seized", Part.OPERATIVE)


def test_build_number_footnote_reorder_undo_save_reopen(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole path of the issue's "done means", through menus, keys and dialogs."""
    window = make_window()
    build(window)
    document = window.controller.document
    assert len(document.preamble) == 3 and len(document.operative) == 3
    assert document.preamble[0].clause == "recalling-resolutions"
    assert document.operative[2].clause == "decides-to-remain-seized"

    # A footnote in preambular paragraph 2, then the same one again in operative 1.
    window.select_paragraph(document.preamble[1].id)
    window.editor.focus_text("en")
    insert_footnote(window, new_text={"en": "A/RES/70/1.", "fr": "A/RES/70/1."})
    window.editor.focus_text("fr")
    insert_footnote(window)
    window.select_paragraph(document.operative[0].id)
    for lang in ("en", "fr"):
        window.editor.focus_text(lang)
        insert_footnote(window)
    [note] = document.footnotes
    assert document.operative[0].text["en"][-1] == FootnoteRef(note.id)
    assert window.menu.undo.text() == "&Undo Insert footnote"

    window.set_preview("en")
    qtbot.waitUntil(lambda: "Welcomes the report" in window.preview.text())
    english = window.preview.text()
    assert "Reaffirming the Charter of the United Nations,1" in english
    assert "1.\xa0\xa0\xa0Welcomes the report;1" in english  # repeated number, after punctuation
    assert "2.\xa0\xa0\xa0Urges Member States to cooperate;" in english
    assert "3.\xa0\xa0\xa0Decides to remain seized of the matter." in english
    assert english.count("A/RES/70/1.") == 1  # the note's text appears once
    assert window.outline.part_lines("operative")[:2] == [
        "1. Welcomes the report;1",
        "2. Urges Member States to cooperate;",
    ]

    # Reorder with the keyboard: "Urges" goes up; numbers follow; undo and redo.
    window.select_paragraph(document.operative[1].id)
    window.outline.setFocus()
    press(
        window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: "1.\xa0\xa0\xa0Urges" in window.preview.text())
    assert window.outline.part_lines("operative")[0].startswith("1. Urges")
    assert window.menu.undo.text() == "&Undo Move paragraph"
    press(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "1.\xa0\xa0\xa0Welcomes" in window.preview.text())
    assert window.menu.redo.text() == "&Redo Move paragraph"
    press(window, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: "1.\xa0\xa0\xa0Urges" in window.preview.text())

    # French preview: openers agree with the Assembly, the note keeps its number.
    window.preview.buttons.buttons()[1].click()
    qtbot.waitUntil(lambda: "L’Assemblée générale," in window.preview.text())
    french = window.preview.text()
    assert "Réaffirmant la Charte des Nations Unies1," in french
    assert "Convaincue que la coopération est essentielle," in french
    assert "1.\xa0\xa0\xa0Engage instamment les États Membres à coopérer\u202f;" in french
    assert "2.\xa0\xa0\xa0Se félicite du rapport1\u202f;" in french
    assert "3.\xa0\xa0\xa0Décide de rester saisie de la question." in french

    # Save As, then reopen in a new window: same paragraphs, same numbers.
    target = tmp_path / "draft.draftdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.isWindowModified()
    window.menu.save_as.trigger()
    assert not window.isWindowModified()
    assert window.windowTitle() == "draft.draftdesk[*] — DraftDesk"
    saved = fileformat.load(target)
    assert [plain_text(p.text.get("en", [])) for p in saved.operative] == [
        "Member States to cooperate",
        "the report",
        "",
    ]
    reopened = make_window(target)
    reopened.set_preview("fr")
    qtbot.waitUntil(lambda: "Engage instamment" in reopened.preview.text())
    assert reopened.preview.text() == french


def test_export_docx_in_both_languages(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """File ▸ Export to Word: both files written with the numbered text and real footnotes."""
    window = make_window()
    build(window)
    window.select_paragraph(window.controller.document.operative[0].id)
    window.editor.focus_text("en")
    insert_footnote(window, new_text={"en": "See A/72/1.", "fr": "Voir A/72/1."})

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        assert dialog.format.currentData() == "docx"
        dialog.path.setText(str(tmp_path / "draft"))
        dialog.accept()

    answer_dialog(fill)
    window.menu.export.trigger()
    job = window.files.last_job
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20000) as finished:
        pass
    written = [Path(p) for p in finished.args[0]]
    assert [p.name for p in written] == ["draft.en.docx", "draft.fr.docx"]
    offered = window.findChild(QDialog, "export-finished")
    assert offered is not None and offered.isVisible()
    with zipfile.ZipFile(written[0]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        notes = archive.read("word/footnotes.xml").decode("utf-8")
    assert "Welcomes" in body and "Urges" in body
    assert "See A/72/1." in notes
    with zipfile.ZipFile(written[1]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Se félicite" in body and "Engage instamment" in body
