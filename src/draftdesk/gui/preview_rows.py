"""The preview's rows: the list Qt keeps, and the delegate that lays out and paints them."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, QStringListModel
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from draftdesk.gui.preview_html import LABEL_PX, Row

if TYPE_CHECKING:
    from draftdesk.gui.preview import PreviewPane

MARGIN = 24  # the page's side margins, in pixels
SPACING = 8  # below each paragraph
SMALL = 0.83  # footnotes' share of the text size
Index = QModelIndex | QPersistentModelIndex
_Key = tuple[str, int, int, bool]  # text, width, first-line indent, small
_PAIRS = "".join(f"{a}{b}" for a in "0123456789" for b in "0123456789")  # every two digits


class RowsModel(QStringListModel):
    """The rows of the page, their plain texts held by Qt (read by screen readers).

    Qt's own list model, so that laying out the page asks Python only each row's
    height: a Python model would be asked its row count twice per row as well.
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def replace(self, rows: list[Row]) -> None:
        """Show new rows (numbers and texts of a new Layout)."""
        self.rows = rows
        self.setStringList([row.text for row in rows])

    def swap(self, rows: list[Row], changed: list[int]) -> None:
        """Take rows whose geometry is unchanged, without telling the view.

        dataChanged would make the view lay out every row again; the caller repaints.
        """
        self.rows = rows
        blocked = self.blockSignals(True)
        try:
            for number in changed:
                self.setData(self.index(number), rows[number].text)
        finally:
            self.blockSignals(blocked)


class PageDelegate(QStyledItemDelegate):
    """Lays out and paints rows.

    A row's height is kept by the shape of its text: moving a paragraph renumbers the
    footnotes of every paragraph after it, and with digits all as wide (as in Times)
    a renumbered paragraph breaks into the same lines, so its height is known without
    laying it out again. Laid-out texts are kept for the rows that are painted.
    """

    def __init__(self, model: RowsModel, pane: PreviewPane) -> None:
        super().__init__(pane)
        self.model = model
        self.pane = pane
        self.font = _unkerned(QFont("Times New Roman"))
        self._tabular: bool | None = None  # known at the first height asked
        self._documents: dict[_Key, QTextDocument] = {}
        self._heights: dict[_Key, int] = {}
        self._used_documents: set[_Key] = set()
        self._used_heights: set[_Key] = set()

    def set_font(self, family: str, points: float) -> None:
        """The pack's font; every cached layout and height is dropped when it changes."""
        font = QFont(family)
        font.setPointSizeF(points)
        font = _unkerned(font)
        if font != self.font:
            self.font = font
            self._tabular = None
            self._documents.clear()
            self._heights.clear()

    def document(self, row: Row, width: int) -> QTextDocument:
        """The laid-out body of a row at this width (cached)."""
        key = (row.html, width - row.indent - 2 * MARGIN, row.first_line, row.small)
        self._used_documents.add(key)
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument()
            font = QFont(self.font)
            if row.small:
                font.setPointSizeF(font.pointSizeF() * SMALL)
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            document.setHtml(row.html)
            document.setTextWidth(max(key[1], 50))
            self._documents[key] = document
        return document

    @property
    def tabular(self) -> bool:
        """True when the font's digits are all as wide (see tabular_digits)."""
        if self._tabular is None:
            self._tabular = tabular_digits(self.font)
        return self._tabular

    def height(self, row: Row, width: int) -> int:
        """The height a row takes at this width, spacing included."""
        if not row.html:
            return SPACING * 2
        text = row.shape if row.shape and self.tabular else row.html
        key = (text, width - row.indent - 2 * MARGIN, row.first_line, row.small)
        self._used_heights.add(key)
        height = self._heights.get(key)
        if height is None:
            height = int(self.document(row, width).size().height())
            self._heights[key] = height
        return height + SPACING

    def forget_unused(self, rows: int) -> None:
        """Drop layouts and heights of texts and widths no longer shown, once they pile up.

        Rows are laid out lazily by the view, so "unused" is only known after many
        layouts: a cache is trimmed when it holds well over one entry per row.
        """
        if len(self._documents) > 2 * rows + 100:
            for key in set(self._documents) - self._used_documents:
                del self._documents[key]
            self._used_documents = set()
        if len(self._heights) > 2 * rows + 100:
            for key in set(self._heights) - self._used_heights:
                del self._heights[key]
            self._used_heights = set()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Height of the laid-out text plus paragraph spacing."""
        row = self.model.rows[index.row()]  # direct: asked once per row per layout
        width = self.pane.page.viewport().width()
        return QSize(width, self.height(row, width))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Tint the paragraph being edited, draw the label in the first-line indent, the text."""
        row = self.model.rows[index.row()]
        rect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or (row.paragraph_id and row.paragraph_id == self.pane.highlighted):
            tint = QColor(self.pane.palette().highlight().color())
            tint.setAlpha(90 if selected else 36)
            painter.fillRect(rect, tint)
        if not row.html:
            painter.setPen(QColor("#000000"))
            y = rect.top() + SPACING
            painter.drawLine(MARGIN, y, MARGIN + rect.width() // 4, y)
            painter.restore()
            return
        left = rect.left() + MARGIN + row.indent
        document = self.document(row, rect.width())
        if row.label:
            # The number is laid out like the text (same font, same scale) so their first
            # lines share a baseline; it sits in the first-line indent.
            label_x = left + (row.first_line - LABEL_PX if row.first_line >= LABEL_PX else 0)
            label = self.document(
                Row(f"<p>{escape(row.label)}</p>", "", "", 0, 0, None, row.small), rect.width()
            )
            painter.save()
            painter.translate(label_x, rect.top())
            label.drawContents(painter)
            painter.restore()
        painter.translate(left, rect.top())
        document.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.restore()


def _unkerned(font: QFont) -> QFont:
    """`font` without kerning, as Word sets text unless a document asks it to kern (the
    exports do not): the preview breaks lines where Word would."""
    font.setKerning(False)
    return font


def tabular_digits(font: QFont) -> bool:
    """True when every two digits take the same width, at text, note and superscript size.

    Then a footnote number changed for another of as many digits leaves every line
    break of its paragraph where it was.
    """
    for scale in (1.0, SMALL, 2 / 3, SMALL * 2 / 3):  # text, notes, their superscripts
        sized = QFont(font)
        sized.setPointSizeF(font.pointSizeF() * scale)
        metrics = QFontMetricsF(sized)
        widths = {metrics.horizontalAdvance(digit) for digit in "0123456789"}
        if len(widths) != 1:
            return False
        # Pairs a font kerns ("11" in Times) are narrower than their digits.
        if metrics.horizontalAdvance(_PAIRS) != len(_PAIRS) * widths.pop():
            return False
    return True
