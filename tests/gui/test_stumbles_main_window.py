"""What a Word user stumbles on in the main window: opener box, translation column, language
order, the hint after a clause, and Reload's shortcut (review of issue 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from draftdesk.commands import SetParagraphField, SetText
from draftdesk.gui import outline_model
from draftdesk.gui.dialogs import ShortcutsDialog
from draftdesk.gui.i18n import install
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.outline import Selection
from draftdesk.gui.outline_model import OutlineModel
from draftdesk.gui.translation_words import QUIET_GREEN
from draftdesk.model.document import Part
from draftdesk.model.inline import Text
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog, press

EN_TAIL = (
    "For example: “…, and requests the Secretary-General to report thereon”. "
    "The closing punctuation is added for you."
)


def select(window: MainWindow, paragraph_id: str) -> None:
    window.outline.select(Selection("paragraph", paragraph_id))
    QApplication.processEvents()


def opener_room(window: MainWindow) -> int:
    """The width of the opener box's text area (the box less its arrow and frame)."""
    combo = window.editor.opener
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


# 1. The opener of a clause paragraph -------------------------------------------------------


def test_clause_opener_reads_plainly_fits_and_names_both_languages(
    make_window: WindowFactory,
) -> None:
    """op-01 takes its opener from its clause: one language in the box, both in the tooltip;
    every clause opener of both packs fits the box at 1400x900."""
    window = make_window(UN_EXAMPLE)
    select(window, "op-01")
    opener = window.editor.opener
    assert opener.currentText() == "Takes note with appreciation of (set by the clause)"
    assert opener.toolTip() == (
        "The opener set by the clause “Taking note of a report”:\n"
        "English: Takes note with appreciation of\n"
        "French: Prend note avec satisfaction de\n"
        "Choose another opener in this list to replace it."
    )
    assert opener.fontMetrics().horizontalAdvance(opener.currentText()) <= opener_room(window)
    for example in (UN_EXAMPLE, OIC_EXAMPLE):
        other = make_window(example)
        editor = other.editor
        select(other, other.controller.document.operative[0].id)
        for clause in other.controller.session.pack.clauses.values():
            if clause.opener is None:
                continue
            editor.part = clause.part
            text, tip = editor._first_opener_item(clause)
            assert text.endswith(" (set by the clause)")
            assert tip.count("\n") == 3, clause.key
            width = editor.opener.fontMetrics().horizontalAdvance(text)
            assert width <= opener_room(other), (clause.key, text)


def test_choosing_another_opener_still_works(make_window: WindowFactory) -> None:
    """Another opener replaces the clause's (its tooltip then names it); the first line
    brings the clause's back."""
    window = make_window(UN_EXAMPLE)
    select(window, "op-01")
    opener = window.editor.opener
    index = opener.findData("notes-with-appreciation")
    assert index > 0
    opener.setCurrentIndex(index)
    paragraph = window.controller.document.find_paragraph("op-01")
    assert paragraph is not None and paragraph.opener == "notes-with-appreciation"
    assert opener.currentText() == "Notes with appreciation — Note avec satisfaction"
    assert opener.toolTip() == "English: Notes with appreciation\nFrench: Note avec satisfaction"
    assert opener.itemText(0) == "Takes note with appreciation of (set by the clause)"
    opener.setCurrentIndex(0)
    paragraph = window.controller.document.find_paragraph("op-01")
    assert paragraph is not None and paragraph.opener is None


# 2. The translation column -----------------------------------------------------------------


def test_translation_column_says_something_on_every_paragraph(make_window: WindowFactory) -> None:
    """✓ in quiet green when up to date, with a tooltip saying why; "FR out of date" after
    an English edit; the header still reads "Translation" and explains the column."""
    window = make_window(UN_EXAMPLE)
    outline = window.outline
    document = window.controller.document
    shown = [p.id for p in document.all_paragraphs()]
    assert {outline.translation(ident)[0] for ident in shown} == {"✓"}
    assert outline.translation("op-01") == (
        "✓",
        "FR: nothing to translate; openers and clauses come in every language.",
    )
    assert outline.translation("op-02") == (
        "✓",
        "FR: the translation is up to date with the EN text.",
    )
    index = outline.index_for("op-02").siblingAtColumn(1)
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QColor(QUIET_GREEN)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "translation up to date"
    details = outline.outline.index(0, 1)
    assert details.data(Qt.ItemDataRole.DisplayRole) == ""
    model = outline.outline
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "Translation"
    )
    header_tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header_tip == (
        "Translation of each paragraph against its source text: ✓ up to date; "
        "otherwise the language that is missing or out of date."
    )
    paragraph = document.find_paragraph("op-02")
    assert paragraph is not None
    window.controller.execute(SetText("op-02", "en", [Text("Urgently calls upon all.")]))
    assert outline.translation("op-02") == (
        "FR out of date",
        "FR: out of date, the EN text changed since; check the translation, "
        "then mark it as up to date.",
    )
    assert outline.status("op-02") == "FR out of date"
    window.controller.execute(SetText("op-02", "fr", []))
    assert outline.translation("op-02")[0] == "FR missing"
    assert outline.status("op-03") == ""  # nothing to do: the old reading stays


def test_translation_column_is_computed_only_when_shown(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the tree reads no paragraph's translation; asking for one line reads one."""
    window = make_window(UN_EXAMPLE)
    calls: list[str] = []
    real = outline_model.translation_summary

    def counting(paragraph: object, meta: object) -> tuple[str, str]:
        calls.append(getattr(paragraph, "id", ""))
        return real(paragraph, meta)  # type: ignore[arg-type]

    monkeypatch.setattr(outline_model, "translation_summary", counting)
    model = OutlineModel()
    controller = window.controller
    model.rebuild(controller.document, controller.session.pack, controller.numbers(), {})
    assert calls == []
    operative = model.index(2, 0)
    assert model.index(4, 1, operative).data() == "✓"
    assert calls == ["op-05"]


# 3. Language order -------------------------------------------------------------------------


def test_french_interface_lists_french_first(qtbot: QtBot, make_window: WindowFactory) -> None:
    """French UI on a French draft: the palette reads French above English (search finds
    either), as do the opener list and the slot choices; English UI keeps English first."""
    install("fr")
    window = make_window(OIC_EXAMPLE)
    pane = window.palette_pane
    pane.set_part(Part.OPERATIVE)
    assert pane.order() == ("fr", "en")
    assert pane.delegate.order == ("fr", "en")
    first = pane.results.item(0)
    assert first.text() == "Rapport à une session ultérieure — Report to a later session"
    assert first.toolTip() == (
        "Clause (dispositif) : Rapport à une session ultérieure / Report to a later session"
    )
    for query in ("later session", "session ultérieure"):
        pane.query.setText(query)
        entry = pane.current_entry()
        assert entry is not None and entry.en == "Report to a later session", query
    select(window, window.controller.document.operative[0].id)
    opener = window.editor.opener
    assert opener.itemText(opener.findData("approves")) == "Approuve — Approves"
    assert opener.currentText() == "Approuve — Approves"
    assert opener.toolTip() == "Français : Approuve\nAnglais : Approves"
    assert [window.editor.columns[lang].heading.text() for lang in ("en", "fr")] == [
        "Anglais",
        "Français",
    ]  # the editor's columns keep the printed side-by-side order
    # An English-only draft in the French interface: English stays first.
    pack = window.controller.session.pack
    pane.set_pack(pack, pack.bodies[window.controller.document.metadata.body], ["en"])
    assert pane.order() == ("en", "fr")
    assert pane.results.item(0).text().startswith("Report to a later session — ")


def test_english_interface_keeps_english_first(make_window: WindowFactory) -> None:
    """The same draft in the English UI: English above French, as before."""
    window = make_window(OIC_EXAMPLE)
    pane = window.palette_pane
    pane.set_part(Part.OPERATIVE)
    assert pane.delegate.order == ("en", "fr")
    assert pane.results.item(0).text() == (
        "Report to a later session — Rapport à une session ultérieure"
    )


# 4. The hint in the text after a clause ----------------------------------------------------


def ink_bottom(widget: QWidget) -> int:
    """The lowest row of a widget's viewport that is not background (-1 if none)."""
    image = widget.grab().toImage()
    background = image.pixelColor(image.width() - 3, image.height() - 3)
    for y in range(image.height() - 4, 0, -1):
        if any(image.pixelColor(x, y) != background for x in range(4, image.width() - 4)):
            return y
    return -1


def test_text_after_a_clause_shows_an_example_in_its_language(
    make_window: WindowFactory,
) -> None:
    """Operative and preambular clauses get an example continuation in each column's
    language, drawn whole over several lines; free text names its opener."""
    window = make_window(UN_EXAMPLE)
    select(window, "op-01")
    columns = window.editor.columns
    assert columns["en"].text.placeholderText() == EN_TAIL
    assert columns["fr"].text.placeholderText() == (
        "For example: “…, et prie le Secrétaire général de faire rapport à ce sujet”. "
        "The closing punctuation is added for you."
    )
    field = columns["en"].text
    line = field.fontMetrics().lineSpacing()
    assert ink_bottom(field.viewport()) > 2 * line  # wrapped, not cut after one line
    select(window, "pp-01")
    assert columns["en"].text.placeholderText() == (
        "For example: “…, in particular paragraph 5 thereof”. "
        "The closing punctuation is added for you."
    )
    controller = window.controller
    controller.execute(SetText("op-02", "en", []))
    controller.execute(SetParagraphField("op-02", "opener", "approves"))
    select(window, "op-02")
    assert columns["en"].text.placeholderText() == "English text after “Approves”…"
    assert columns["fr"].text.placeholderText() == "French text after “Approuve”…"
    controller.execute(SetParagraphField("op-02", "opener", None))
    assert columns["en"].text.placeholderText() == "English text of the paragraph…"


# 5. Reload from Disk -----------------------------------------------------------------------


def test_reload_has_its_own_shortcut_listed_and_working(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """Ctrl+Shift+R reloads (after asking about unsaved edits); no other action has it; the
    Shortcuts dialog lists it."""
    path = tmp_path / "draft.draftdesk"
    shutil.copy(UN_EXAMPLE, path)
    window = make_window(path)
    menu = window.menu
    assert menu.reload.shortcut() == QKeySequence("Ctrl+Shift+R")
    assert "(Ctrl+Shift+R)" in menu.reload.toolTip()
    keys = [seq.toString() for action in menu.all for seq in action.shortcuts()]
    assert keys.count("Ctrl+Shift+R") == 1
    dialog = ShortcutsDialog(menu.all, window)
    table = dialog.findChild(QTableWidget)
    assert table is not None
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Reload from Disk"] == "Ctrl+Shift+R"
    dialog.deleteLater()
    window.controller.execute(SetParagraphField("op-02", "opener", "approves"))
    assert window.controller.session.modified

    def discard(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Discard).click()

    answer_dialog(discard)
    press(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not window.controller.session.modified)
    paragraph = window.controller.document.find_paragraph("op-02")
    assert paragraph is not None and paragraph.opener == "urges"  # as the file has it


def test_a_change_signal_without_new_words_is_no_edit(make_window: WindowFactory) -> None:
    """Spelling marks or chips re-formatting a field emit textChanged: the document stays
    unmodified, with nothing to undo and no translation put out of date."""
    window = make_window(OIC_EXAMPLE)
    paragraph_id = window.controller.document.operative[0].id
    select(window, paragraph_id)
    for column in window.editor.columns.values():
        column.text.textChanged.emit()
    assert window.controller.undo_name() is None
    assert not window.controller.session.modified
    assert window.outline.translation(paragraph_id)[0] == "✓"


@pytest.mark.parametrize("ui", ["en", "fr"])
def test_out_of_date_column_stays_in_the_window(make_window: WindowFactory, ui: str) -> None:
    """An out-of-date translation shows its status and "Mark as up to date" without
    widening its column: at 1400x900 both columns keep the same width, in the window."""
    install(ui)
    window = make_window(UN_EXAMPLE)
    window.controller.execute(SetText("op-02", "en", [Text("Changed source words.")]))
    select(window, "op-02")
    QApplication.processEvents()
    editor = window.editor
    columns = editor.columns
    assert columns["fr"].confirm.isVisible()
    assert editor.widget().width() <= editor.viewport().width()
    widths = [columns[lang].text.width() for lang in ("en", "fr")]
    assert abs(widths[0] - widths[1]) <= 2, widths
    button = columns["fr"].confirm
    right = button.mapTo(editor.viewport(), button.rect().topRight()).x()
    assert right < editor.viewport().width()
