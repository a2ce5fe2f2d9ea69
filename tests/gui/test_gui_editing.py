"""Editing details: typing undo steps, translation status, moves, slots, details, references."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.gui.insert_dialogs import CrossReferenceDialog
from draftdesk.gui.outline import Selection
from draftdesk.model.inline import CrossRef, plain_text
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog, press, type_keys

CTRL = Qt.KeyboardModifier.ControlModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def test_typing_is_one_undo_step_and_ctrl_z_works_in_the_field(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """A burst of keystrokes undoes at once, with the focus still in the text field."""
    window = make_window(UN_EXAMPLE)
    paragraph = window.controller.document.operative[1]
    before = plain_text(paragraph.text["en"])
    window.select_paragraph(paragraph.id)
    field = window.editor.columns["en"].text
    window.editor.focus_text("en")
    steps = len(window.controller.session.editor.undo_stack)
    QTest.keyClicks(field, " without delay")
    assert plain_text(paragraph.text["en"]) == before + " without delay"
    assert len(window.controller.session.editor.undo_stack) == steps + 1
    assert window.menu.undo.text() == "&Undo Edit text"
    assert window.menu.undo.iconText() == "Undo"  # the toolbar label stays short
    assert window.menu.undo.toolTip() == "Undo Edit text"  # its tooltip names the step
    press(window, Qt.Key.Key_Z, CTRL)
    assert plain_text(paragraph.text["en"]) == before
    assert field.toPlainText() == before
    qtbot.waitUntil(lambda: "without delay" not in window.preview.text())


def test_stale_translation_is_shown_filtered_and_confirmed(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Editing the English marks the French out of date in editor and outline, until fixed."""
    window = make_window(UN_EXAMPLE)
    paragraph = window.controller.document.operative[2]
    window.select_paragraph(paragraph.id)
    assert window.editor.columns["fr"].status.text() == "up to date"
    window.editor.focus_text("en")
    QTest.keyClicks(window.editor.columns["en"].text, " now")
    assert window.editor.columns["fr"].status.text() == "out of date: the source changed"
    assert window.editor.columns["fr"].confirm.isVisible()
    assert window.outline.status(paragraph.id) == "FR out of date"
    counts = window.status_line.counts
    qtbot.waitUntil(lambda: "FR: 0 to translate, 1 out of date" in counts.text())
    window.menu.filter.trigger()
    shown = [
        p.id for p in window.controller.document.all_paragraphs() if window.outline.is_shown(p.id)
    ]
    assert shown == [paragraph.id]
    QTest.mouseClick(window.editor.columns["fr"].confirm, Qt.MouseButton.LeftButton)
    assert window.outline.status(paragraph.id) == ""
    assert window.editor.columns["fr"].status.text() == "up to date"


def test_indent_outdent_and_enter_for_a_new_paragraph(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Alt+Shift+Right makes operative 3 into 2 (a); Enter in its text adds (b)."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    third = document.operative[2]
    window.select_paragraph(third.id)
    press(window, Qt.Key.Key_Right, ALT_SHIFT)
    assert document.operative[1].children == [third]
    qtbot.waitUntil(lambda: "(a)\xa0\xa0\xa0Notes with appreciation" in window.preview.text())
    assert window.editor.heading.text() == "Sub-paragraph 2 (a)"
    window.editor.focus_text("en")
    QTest.keyClick(window.editor.columns["en"].text, Qt.Key.Key_Return)
    assert len(document.operative[1].children) == 2
    assert window.editor.heading.text() == "Sub-paragraph 2 (b)"
    press(window, Qt.Key.Key_Left, ALT_SHIFT)
    assert [p.id for p in document.operative[1].children] == [third.id]


def test_drag_and_drop_places(make_window: WindowFactory) -> None:
    """Dropping below, above or on a paragraph gives the place the move is made to."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    outline = window.outline
    first, second, fourth = (document.operative[i].id for i in (0, 1, 3))
    position = QAbstractItemView.DropIndicatorPosition
    assert outline.drop_place(first, outline.index_for(fourth), position.BelowItem) == (
        "operative", None, 3
    )  # fmt: skip
    assert outline.drop_place(fourth, outline.index_for(first), position.AboveItem) == (
        "operative", None, 0
    )  # fmt: skip
    assert outline.drop_place(fourth, outline.index_for(second), position.OnItem) == (
        "operative", second, 0
    )  # fmt: skip
    preamble_line = outline.index_for(document.preamble[0].id)
    # Across parts: the window refuses with a message instead of moving.
    assert outline.drop_place(first, preamble_line, position.BelowItem)[0] == "preamble"
    moved = document.operative[0].id
    outline.move_requested.emit(moved, "operative", None, 3)
    assert document.operative[3].id == moved


def test_cross_reference_follows_its_paragraph(qtbot: QtBot, make_window: WindowFactory) -> None:
    """ "paragraph 2 above" becomes "paragraph 1 above" when paragraph 1 moves below."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    target, source = document.operative[1], document.operative[4]
    window.select_paragraph(source.id)

    queries = {"en": "Urges the organizations", "fr": "Engage instamment les organismes"}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, CrossReferenceDialog)
        type_keys(dialog.filter, queries[window.editor.active_lang])
        assert dialog.chosen() == target.id
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    for lang in ("en", "fr"):
        window.editor.focus_text(lang)
        answer_dialog(choose)
        press(window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.AltModifier)
        assert source.text[lang][-1] == CrossRef(target.id)
    assert window.editor.chip_label("xref", target.id, "en") == "paragraph 2 above"
    qtbot.waitUntil(lambda: "paragraph 2 above;" in window.preview.text())
    window.select_paragraph(document.operative[0].id)
    press(window, Qt.Key.Key_Down, ALT_SHIFT)
    press(window, Qt.Key.Key_Down, ALT_SHIFT)
    qtbot.waitUntil(lambda: "paragraph 1 above;" in window.preview.text())
    window.set_preview("fr")
    qtbot.waitUntil(lambda: "paragraphe 1 ci-dessus" in window.preview.text())


def test_clause_slots_edit_the_citation(qtbot: QtBot, make_window: WindowFactory) -> None:
    """The "Recalling earlier resolutions" table: editing a symbol re-renders the list."""
    window = make_window(UN_EXAMPLE)
    window.select_paragraph(window.controller.document.preamble[0].id)
    table = window.editor.slots.findChild(QTableWidget)
    cited = window.controller.document.preamble[0].slots["resolutions"]
    assert table is not None and table.rowCount() == len(cited) > 1
    assert table.item(0, 0).text() == "37/4"
    table.item(0, 0).setText("36/4")
    qtbot.waitUntil(
        lambda: "Recalling its resolutions 36/4 of 22 October 1982" in window.preview.text()
    )
    assert window.menu.undo.text() == "&Undo Change clause"


def test_details_form_with_hijri_dates(qtbot: QtBot, make_window: WindowFactory) -> None:
    """OIC details: the Hijri dates are computed; typing a symbol re-renders the masthead."""
    window = make_window(OIC_EXAMPLE)
    window.outline.select(Selection("details"))
    assert window.details.hijri.text() == "19-20 Sha'ban 1443H / 19 – 20 chaâbane 1443"
    symbol = window.details.symbol
    assert isinstance(symbol, QLineEdit)
    symbol.selectAll()
    QTest.keyClicks(symbol, "OIC/CFM-48/2022/IT/RES/TEST")
    assert window.controller.document.metadata.symbol == "OIC/CFM-48/2022/IT/RES/TEST"
    assert window.menu.undo.text() == "&Undo Edit details"
    window.undo()
    assert window.controller.document.metadata.symbol == "OIC/CFM-48/2022/IT/RES/FINAL"
    assert symbol.text() == "OIC/CFM-48/2022/IT/RES/FINAL"
