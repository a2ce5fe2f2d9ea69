"""Preview heights: kept by the shape of a row's text, so renumbering lays out nothing."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo, QTextDocument

from draftdesk.commands import MoveParagraph
from draftdesk.gui import preview_rows
from draftdesk.gui.context import AppContext
from draftdesk.gui.preview_html import RowCache
from draftdesk.gui.preview_rows import SPACING, PageDelegate, tabular_digits
from draftdesk.model.document import Footnote, Paragraph
from draftdesk.model.inline import FootnoteRef, Text
from draftdesk.render.layout import Block, BlockRole, Run
from draftdesk.session import Session, open_session
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory


def _operative(marks: list[str]) -> Block:
    runs = [Run("requests the Secretary-General to report")]
    runs += [Run(mark, superscript=True, note=f"fn-{mark}") for mark in marks]
    return Block(BlockRole.OPERATIVE, runs, label="3.", paragraph_id="op-3")


def test_row_shape_reads_footnote_numbers_as_zeros() -> None:
    """Numbered marks read 0 in the shape (as many digits); the html keeps the numbers."""
    row = RowCache().block_row(_operative(["12"]))
    assert "<sup>12</sup>" in row.html and "<sup>00</sup>" in row.shape
    renumbered = RowCache().block_row(_operative(["31"]))
    assert renumbered.shape == row.shape and renumbered.html != row.html
    assert RowCache().block_row(_operative(["9"])).shape != row.shape  # one digit fewer
    assert RowCache().block_row(_operative([])).shape == ""  # no marks: the html itself
    assert RowCache().block_row(_operative(["*"])).shape == ""  # a symbol is not numbered


def test_a_renumbered_row_keeps_its_shape_from_the_row_cache() -> None:
    """A row renumbered without a text change takes the new label and keeps its shape."""
    cache = RowCache()
    first = cache.block_row(_operative(["12"]))
    moved = _operative(["12"])
    moved.label = "4."
    again = cache.block_row(moved)
    assert again.label == "4." and again.shape == first.shape and again.html is first.html


def _many_notes(context: AppContext) -> Session:
    """The UN example with 14 more operative paragraphs, each citing a note of its own."""
    session = open_session(UN_EXAMPLE, context.registry)
    document = session.document
    for i in range(14):
        document.footnotes.append(
            Footnote(f"fn-x{i}", {"en": [Text(f"See A/{i}/1.")], "fr": [Text(f"Voir A/{i}/1.")]})
        )
        document.operative.append(
            Paragraph(
                f"op-x{i}",
                opener="requests",
                text={
                    "en": [
                        Text(f"the Secretary-General to report on item {i}"),
                        FootnoteRef(f"fn-x{i}"),
                    ],
                    "fr": [
                        Text(f"le Secrétaire général de faire rapport {i}"),
                        FootnoteRef(f"fn-x{i}"),
                    ],
                },
            )
        )
    return session


def test_heights_kept_by_shape_are_the_heights_laid_out(
    monkeypatch: pytest.MonkeyPatch, context: AppContext, make_window: WindowFactory
) -> None:
    """After a move renumbers the notes, each row's height is what laying out its new
    text gives, and the rows off screen were not laid out again."""
    window = make_window(session=_many_notes(context))
    pane = window.preview
    window.update_preview()
    pane.page.finish_layout()
    width = pane.page.viewport().width()
    made: list[str] = []

    class Counted(QTextDocument):
        def setHtml(self, html: str) -> None:  # noqa: N802
            made.append(html)
            super().setHtml(html)

    monkeypatch.setattr(preview_rows, "QTextDocument", Counted)
    window.controller.execute(MoveParagraph("op-x13", 0))  # its note becomes the first
    window.update_preview()
    renumbered = [row for row in pane.model.rows if row.shape and row.html not in made]
    assert len(renumbered) >= 10  # kept their heights without a new layout
    fresh = PageDelegate(pane.model, pane)
    fresh.set_font(pane.delegate.font.family(), pane.delegate.font.pointSizeF())
    for row in pane.model.rows:
        if row.html:
            laid_out = int(fresh.document(row, width).size().height()) + SPACING
            assert pane.delegate.height(row, width) == laid_out, row.text


def test_preview_font_is_unkerned_with_digits_all_as_wide(make_window: WindowFactory) -> None:
    """As Word sets text (no kerning): Times' digits, "11" included, are all as wide."""
    window = make_window(UN_EXAMPLE)
    window.update_preview()
    font = window.preview.delegate.font
    if QFontInfo(font).family() not in ("Liberation Serif", "Times New Roman"):
        pytest.skip(f"fonts-liberation2 is not installed (got {QFontInfo(font).family()!r})")
    assert not font.kerning()
    assert tabular_digits(font) and window.preview.delegate.tabular
    kerned = type(font)(font)
    kerned.setKerning(True)
    assert not tabular_digits(kerned)  # Liberation Serif kerns "11"
