"""Fast paths: a move trades outline lines or moves one row; the preview lays out in
batches, keeps heights across renumbering, and copies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView
from pytestqt.qtbot import QtBot

from draftdesk.commands import MoveParagraph
from draftdesk.gui.context import AppContext
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.outline import Selection
from draftdesk.gui.outline_model import OutlineModel
from draftdesk.gui.preview_html import copied_html, copied_text
from draftdesk.model import fileformat
from draftdesk.session import open_session
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.gui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def empty_clipboard() -> Iterator[None]:
    """Leave the clipboard empty: Qt crashes at exit if it still owns copied data."""
    yield
    QGuiApplication.clipboard().clear()


def _fresh_lines(window: MainWindow) -> list[str]:
    """The operative part's lines as a model built from scratch shows them."""
    c = window.controller
    model = OutlineModel()
    model.rendered = dict(window.outline.outline.rendered)  # the same printed texts
    source = c.document.metadata.source_language
    model.rebuild(c.document, c.session.pack, c.numbers(), c.footnote_marks(source))
    top = next(n for n in model.root.children if n.ident == "operative")
    return [model.line(child) for child in top.children]


def _shown_lines(window: MainWindow, part: str) -> list[str]:
    """The lines the view reads under a part, through the model's indexes."""
    model = window.outline.outline
    top = next(n for n in model.root.children if n.ident == part)
    parent = model.index_of(top)
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_moving_a_paragraph_among_single_lines_only_repaints(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Lines without sub-lines trade places under the view's indexes: no row move, reset
    or layout change (each makes the view lay out every line again), only new words."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    first = document.operative[0]
    window.select_paragraph(first.id)
    model = window.outline.outline
    seen: list[str] = []
    model.rowsMoved.connect(lambda *_args: seen.append("moved"))
    model.modelReset.connect(lambda: seen.append("reset"))
    model.layoutChanged.connect(lambda *_args: seen.append("layout"))
    model.dataChanged.connect(lambda *_args: seen.append("data"))
    window.controller.execute(MoveParagraph(first.id, len(document.operative) - 1))
    # A structural edit redraws the preview at once: one paint shows outline and page.
    assert window.preview.text().count("25.\xa0\xa0\xa0Takes note with appreciation") == 1
    assert "data" in seen and not {"moved", "reset", "layout"} & set(seen)
    assert window.outline.line(first.id).startswith("25. Takes note with appreciation")
    assert _shown_lines(window, "operative") == _fresh_lines(window)
    assert _shown_lines(window, "operative")[0].startswith("1. ")
    assert window.outline.selection() == Selection("paragraph", first.id)  # follows it
    assert window.outline.currentIndex() == window.outline.index_for(first.id)
    seen.clear()
    window.controller.undo()
    assert not {"moved", "reset", "layout"} & set(seen)
    assert window.outline.line(first.id).startswith("1. Takes note with appreciation")
    assert _shown_lines(window, "operative") == _fresh_lines(window)
    qtbot.waitUntil(lambda: window.preview.text().count("1.\xa0\xa0\xa0Takes note") == 1)


def test_moving_a_paragraph_past_one_with_sub_paragraphs_moves_its_row(
    make_window: WindowFactory,
) -> None:
    """Where the lines passed over have sub-lines, the row moves (one rowsMoved) and the
    sub-lines stay under their paragraph, still expanded."""
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    third = document.operative[2]
    window.select_paragraph(third.id)
    window.ops.indent()  # the third paragraph becomes (a) of the second
    first = document.operative[0]
    model = window.outline.outline
    seen: list[str] = []
    model.rowsMoved.connect(lambda *_args: seen.append("moved"))
    model.modelReset.connect(lambda: seen.append("reset"))
    model.layoutChanged.connect(lambda *_args: seen.append("layout"))
    window.controller.execute(MoveParagraph(first.id, len(document.operative) - 1))
    assert seen == ["moved"]
    assert _shown_lines(window, "operative") == _fresh_lines(window)
    second = window.outline.index_for(document.operative[0].id)
    assert window.outline.isExpanded(second)
    sub = model.index(0, 0, second)
    assert sub.data().startswith("(a) ") and model.node_at(sub) is model.nodes[third.id]
    assert window.outline.selection() == Selection("paragraph", third.id)


def test_a_move_to_another_parent_still_rebuilds(make_window: WindowFactory) -> None:
    """A paragraph made a sub-paragraph is no move among siblings: the tree is rebuilt."""
    window = make_window(UN_EXAMPLE)
    second = window.controller.document.operative[1]
    window.select_paragraph(second.id)
    model = window.outline.outline
    seen: list[str] = []
    model.rowsMoved.connect(lambda *_args: seen.append("moved"))
    model.layoutChanged.connect(lambda *_args: seen.append("layout"))
    window.ops.indent()
    assert seen == ["layout"]
    assert window.outline.line(second.id).startswith("(a) ")


def test_preview_selects_all_and_copies_the_rendered_paragraphs(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Ctrl+A, Ctrl+C in the preview: the clipboard holds the page, numbers before a tab."""
    window = make_window(UN_EXAMPLE)
    page = window.preview.page
    qtbot.waitUntil(lambda: "Takes note with appreciation" in window.preview.text())
    assert page.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    QGuiApplication.clipboard().setMimeData(QMimeData())
    page.setFocus()
    QTest.keyClick(page, Qt.Key.Key_A, CTRL)
    QTest.keyClick(page, Qt.Key.Key_C, CTRL)
    text = QGuiApplication.clipboard().text()
    row = next(r for r in window.preview.model.rows if r.label == "1.")
    assert copied_text(row).startswith("1.\tTakes note with appreciation of the report")
    assert copied_text(row) in text.splitlines()
    assert text.splitlines()[0] == "United Nations"
    html = QGuiApplication.clipboard().mimeData().html()
    assert copied_html(row) in html and "1.&#9;<i>Takes note with appreciation</i>" in html
    generation = window.controller.generation
    QTest.keyClicks(page, "xyz")  # read-only: typing on the page changes nothing
    assert window.controller.generation == generation


def test_preview_context_menu_copies_one_paragraph(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The menu's Select All and Copy; a single selected row copies just that paragraph."""
    window = make_window(UN_EXAMPLE)
    pane = window.preview
    qtbot.waitUntil(lambda: "Takes note with appreciation" in pane.text())
    assert pane.page.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in pane.page.actions()] == ["&Copy", "Select &All"]
    pane.select_all_action.trigger()
    assert len(pane.selected_rows()) == len(pane.model.rows)
    number = next(i for i, r in enumerate(pane.model.rows) if r.label == "1.")
    pane.page.selectionModel().select(  # as a click does: just this row
        pane.model.index(number), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    pane.copy_action.trigger()
    assert QApplication.clipboard().text() == copied_text(pane.model.rows[number])


def test_first_page_is_laid_out_in_batches_and_finished_on_demand(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The first page starts batched; selecting the last paragraph scrolls the preview to it."""
    window = make_window(UN_EXAMPLE)
    qtbot.waitUntil(lambda: "Takes note with appreciation" in window.preview.text())
    page = window.preview.page
    last = window.controller.document.operative[-1]
    window.select_paragraph(last.id)
    assert page.layoutMode() == QListView.LayoutMode.SinglePass
    number = next(i for i, r in enumerate(window.preview.model.rows) if r.paragraph_id == last.id)
    rect = page.visualRect(window.preview.model.index(number))
    assert page.viewport().rect().contains(rect.topLeft())


def test_building_the_findings_panel_after_the_first_paint_edits_nothing(
    qtbot: QtBot, context: AppContext
) -> None:
    """The panel is built once the window has painted, over a paragraph already shown: its
    spelling highlighters re-format the text fields, which must not count as an edit."""
    window = MainWindow(context, open_session(OIC_EXAMPLE, context.registry))
    qtbot.addWidget(window)
    first = window.controller.document.operative[0]
    window.select_paragraph(first.id)
    assert window.proofing_if_built() is None
    with qtbot.waitSignal(window.settled, timeout=5000):
        window.show()
    assert window.proofing_if_built() is not None
    session = window.controller.session
    assert not session.modified
    assert window.controller.undo_name() is None
    assert not window.menu.undo.isEnabled()
    assert window.outline.status(first.id) == ""


def test_paragraph_lookup_follows_every_edit(make_window: WindowFactory) -> None:
    """The controller's look-up, kept for one edit, finds the copy an undo puts back."""
    window = make_window(UN_EXAMPLE)
    controller = window.controller
    first = controller.document.operative[0]
    assert controller.paragraph(first.id) is first
    controller.execute(MoveParagraph(first.id, 3))
    controller.undo()
    now = controller.document.find_paragraph(first.id)
    assert controller.paragraph(first.id) is now
    assert controller.paragraph("no-such-paragraph") is None


def _outline_image(window: MainWindow) -> QImage:
    """The outline as painted, scrolled to the end, with the focus in it."""
    window.activateWindow()
    window.outline.setFocus()
    window.outline.scrollToBottom()
    QApplication.processEvents()
    return window.outline.grab().toImage()


def test_outline_after_a_move_looks_as_a_fresh_window_on_the_moved_document(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    """Lines that traded places, repainted without a relayout, show the same pixels as a
    window opened on the document as moved."""
    moved = make_window(UN_EXAMPLE)
    document = moved.controller.document
    first = document.operative[0]
    moved.select_paragraph(first.id)
    moved.controller.execute(MoveParagraph(first.id, len(document.operative) - 1))
    after_move = _outline_image(moved)
    path = tmp_path / "moved.draftdesk"
    fileformat.save(document, path)
    fresh = make_window(path)
    fresh.select_paragraph(first.id)
    assert after_move == _outline_image(fresh)


def test_details_form_is_built_when_first_shown_for_each_document(
    context: AppContext, make_window: WindowFactory
) -> None:
    """The window opens without building the details form; showing it builds it for the
    document shown, and another document's pack gets its own form."""
    window = make_window(OIC_EXAMPLE)
    assert window.details.widget() is None
    window.show_details()
    meta = window.controller.document.metadata
    assert window.details.symbol.text() == meta.symbol
    bodies = [window.details.body.itemData(i) for i in range(window.details.body.count())]
    window.set_session(open_session(UN_EXAMPLE, context.registry))
    window.show_details()
    un_meta = window.controller.document.metadata
    assert window.details.symbol.text() == un_meta.symbol != meta.symbol
    un_bodies = [window.details.body.itemData(i) for i in range(window.details.body.count())]
    assert un_meta.body in un_bodies and un_bodies != bodies
