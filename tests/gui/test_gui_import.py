"""File ▸ Import: the review of how each paragraph was read, corrections, opening, errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from draftdesk.gui.import_review import (
    CHANGES,
    CONFIDENCE,
    KIND,
    OPENER,
    TEXT,
    UNSURE_COLOUR,
    ImportReviewDialog,
    ImportSetupDialog,
    read_for_review,
)
from draftdesk.importers.importer import ImportOptions
from draftdesk.importers.result import ItemKind
from draftdesk.model.inline import plain_text
from draftdesk.render.builder import build_layout
from draftdesk.render.layout import BlockRole
from tests.gui.conftest import WindowFactory, answer_dialog, press

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UN_REFERENCE = GOLDEN / "reference-un-a-72-l20.fr.txt"


def review_of(make_window: WindowFactory) -> ImportReviewDialog:
    window = make_window()
    review = read_for_review(window, UN_REFERENCE, ImportOptions())
    assert review is not None
    return review


def rows_read_as(review: ImportReviewDialog, kind: ItemKind) -> list[int]:
    return [
        row
        for row in range(review.table.rowCount())
        if (combo := review.table.cellWidget(row, KIND)) is not None
        and combo.currentData() == kind.value  # type: ignore[attr-defined]
    ]


def test_review_lists_every_paragraph_as_read(make_window: WindowFactory) -> None:
    """27 preambular and 25 operative rows, the 6 footnotes, and each change on its row."""
    review = review_of(make_window)
    table = review.table
    assert len(rows_read_as(review, ItemKind.PREAMBULAR)) == 27
    assert len(rows_read_as(review, ItemKind.OPERATIVE)) == 25
    footnotes = [
        table.item(row, KIND).text()
        for row in range(table.rowCount())
        if table.cellWidget(row, KIND) is None
    ]
    assert footnotes == [f"Footnote {n}" for n in ("*", "1", "2", "3", "4", "5", "6")]
    changes = {
        table.item(row, CHANGES).text()
        for row in range(table.rowCount())
        if table.item(row, CHANGES).text()
    }
    for expected in (
        "“d omaines” → “domaines”",
        "“le ur” → “leur”",
        "“objec tifs” → “objectifs”",
        "“ONU -Femmes” → “ONU-Femmes”",
        "“générale ,” → “générale,”",
    ):
        assert expected in changes
    row = next(r for r in range(table.rowCount()) if "domaines" in table.item(r, CHANGES).text())
    assert "les domaines de coopération" in table.item(row, TEXT).text()  # as it will print
    summary = review.summary.text()
    assert summary.startswith("27 preambular and 25 operative paragraphs, 0 sub-paragraphs")
    assert f"{review.unsure_count()} places to check" in summary


def test_reclassified_row_changes_the_built_document(make_window: WindowFactory) -> None:
    """Operative 25 read as a sub-paragraph of 24: 24 operative paragraphs, 24 has an (a)."""
    review = review_of(make_window)
    last = rows_read_as(review, ItemKind.OPERATIVE)[-1]
    item = review.imported.items[last]
    combo = review.table.cellWidget(last, KIND)
    combo.setCurrentIndex(combo.findData(ItemKind.SUBPARAGRAPH.value))  # type: ignore[attr-defined]
    assert review.imported.item(item.id).kind is ItemKind.SUBPARAGRAPH
    assert review.levels[item.id].isEnabled()
    assert review.summary.text().startswith(
        "27 preambular and 24 operative paragraphs, 1 sub-paragraphs"
    )
    document = review.build().document
    assert (len(document.preamble), len(document.operative)) == (27, 24)
    assert len(document.operative[-1].children) == 1
    layout = build_layout(document, review.pack, "fr")
    last_blocks = [(b.role, b.label, b.text[:20]) for b in layout.blocks if b.label][-2:]
    assert last_blocks == [
        (BlockRole.OPERATIVE, "24.", "Prie le Secrétaire g"),
        (BlockRole.SUBPARAGRAPH, "a)", "Décide d’inscrire à "),
    ]
    assert "27 preambular and 24 operative paragraphs" in review.report_text()


def test_report_is_viewable(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Show Report opens the full report, as `draftdesk import` prints it."""
    review = review_of(make_window)
    seen: list[str] = []

    def read(dialog: QWidget) -> None:
        seen.append(dialog.findChild(QPlainTextEdit).toPlainText())

    answer_dialog(read)
    review.show_report()
    assert "27 preambular and 25 operative paragraphs" in seen[0]
    assert "“d omaines” → “domaines” (a word split by a stray space)" in seen[0]


def test_import_through_the_menu_opens_an_unsaved_document(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Ctrl+Shift+I, choose the file, Accept: the document is open, untitled and unsaved."""
    window = make_window()

    def accept_review(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportReviewDialog)
        assert dialog.table.rowCount() > 52
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportSetupDialog)
        dialog.path.setText(str(UN_REFERENCE))
        answer_dialog(accept_review)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(choose)
    press(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    document = window.controller.document
    assert len(document.preamble) == 27 and len(document.operative) == 25
    session = window.controller.session
    assert session.path is None and session.modified
    assert window.windowTitle() == "Untitled[*] — DraftDesk" and window.isWindowModified()
    numbers = window.controller.numbers()
    assert [numbers.label(p.id, "fr") for p in document.operative] == [
        f"{n}." for n in range(1, 26)
    ]
    layout = window.controller.layout("fr")
    assert layout is not None
    labels = [b.label for b in layout.blocks if b.role is BlockRole.OPERATIVE]
    assert labels == [f"{n}." for n in range(1, 26)]
    assert "domaines" in plain_text(document.preamble[26].text["fr"])


def test_cancel_changes_nothing(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Cancel in the review: the current document stays, unmodified."""
    window = make_window()
    before = window.controller.document

    def cancel_review(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportReviewDialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportSetupDialog)
        dialog.path.setText(str(UN_REFERENCE))
        answer_dialog(cancel_review)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(choose)
    window.menu.import_file.trigger()
    assert window.controller.document is before
    assert not window.controller.session.modified


def test_garbage_file_gives_an_error_dialog(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """A PDF renamed .docx: one clear message naming the file; the document is unchanged."""
    junk = tmp_path / "minutes.docx"
    junk.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    window = make_window()
    before = window.controller.document
    messages: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        messages.append(dialog.text())
        dialog.accept()

    answer_dialog(read)
    assert read_for_review(window, junk, ImportOptions()) is None
    assert messages and messages[0].startswith("“minutes.docx” could not be imported:")
    assert "unchanged" in messages[0]
    assert window.controller.document is before


def test_unsure_rows_are_highlighted_and_counted(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    """An opener the library lacks: one highlighted row, "1 places to check" until fixed."""
    source = tmp_path / "draft.txt"
    source.write_text(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n"
        "Somewhat worried by the situation in the region,\n\n"
        "1. Requests the Secretary-General to report;\n\n"
        "2. Decides to remain seized of the matter.\n\n(a) first thing to do;\n",
        encoding="utf-8",
    )
    window = make_window()
    review = read_for_review(window, source, ImportOptions())
    assert review is not None
    assert review.summary.text().endswith("1 places to check.")
    row = next(
        r
        for r in range(review.table.rowCount())
        if "Somewhat" in review.table.item(r, TEXT).text()
    )
    assert review.table.item(row, CONFIDENCE).text().endswith("— check")
    assert review.table.item(row, CONFIDENCE).background().color() == UNSURE_COLOUR
    assert "not in the phrase library" in review.table.item(row, OPENER).text()
    combo = review.table.cellWidget(row, KIND)
    combo.setCurrentIndex(combo.findData(ItemKind.OPERATIVE.value))  # type: ignore[attr-defined]
    assert review.summary.text().endswith("0 places to check.")
    assert review.table.item(row, CONFIDENCE).text() == "100 %"
    sub = review.imported.of_kind(ItemKind.SUBPARAGRAPH)[0]
    assert not review.levels[review.imported.items[row].id].isEnabled()
    review.levels[sub.id].setValue(2)
    assert review.imported.item(sub.id).level == 2
