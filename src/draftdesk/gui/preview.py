"""The live preview: the whole resolution in one language, drawn from the core Layout."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextBlock, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _
from draftdesk.gui.preview_html import block_html, layout_html
from draftdesk.render.layout import Layout, Note


class _Page(QTextBrowser):
    """The read-only page; a click on a paragraph selects it in the editor."""

    clicked_block = Signal(int)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Report the block under the click unless the user was selecting text."""
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            cursor = self.cursorForPosition(event.position().toPoint())
            self.clicked_block.emit(cursor.blockNumber())


class PreviewPane(QWidget):
    """Language switch, a line for render problems, and the page itself.

    What it draws is exactly the Layout the exporters draw (same numbers, same
    typography); an edit that makes the document unrenderable keeps the last good page
    and says what is wrong above it.
    """

    language_chosen = Signal(str)
    paragraph_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self._blocks: list[str] = []
        self._ids: list[str | None] = []
        self._highlight: str | None = None
        self._notes: list[Note] = []
        self.page = _Page(self)
        self.page.setOpenLinks(False)
        self.page.setAccessibleName(_("Preview of the resolution"))
        self.page.clicked_block.connect(self._clicked)
        self.title = QLabel(_("Preview"), self)
        self.title.setAccessibleName(_("Preview"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.buttons = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addStretch(1)
        for lang, label in (("en", _("English")), ("fr", _("French"))):
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setObjectName(f"preview-{lang}")
            button.setAccessibleName(
                _("Preview in English") if lang == "en" else _("Preview in French")
            )
            button.setToolTip(
                _("Show the preview in English (Ctrl+1)")
                if lang == "en"
                else _("Show the preview in French (Ctrl+2)")
            )
            self.buttons.addButton(button)
            button.clicked.connect(
                lambda _checked=False, code=lang: self.language_chosen.emit(code)
            )
            row.addWidget(button)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(_("Problem in the preview"))
        self.problem.setStyleSheet("background:#fdecea; color:#8a1c1c; padding:4px;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.page, 1)

    def set_language(self, lang: str) -> None:
        """Check the button of the language shown."""
        self.lang = lang
        for button in self.buttons.buttons():
            button.setChecked(button.objectName() == f"preview-{lang}")

    def show_layout(self, layout: Layout) -> None:
        """Draw `layout`, redrawing only the paragraphs that changed when that is cheaper."""
        self.problem.hide()
        blocks = [block_html(block) for block in layout.blocks]
        ids = [block.paragraph_id for block in layout.blocks]
        changed = [i for i, (a, b) in enumerate(zip(blocks, self._blocks, strict=False)) if a != b]
        same_shape = len(blocks) == len(self._blocks) and layout.notes == self._notes
        if same_shape and len(changed) <= 8 and self.page.document().blockCount() > len(blocks):
            self._patch(changed, blocks)
        else:
            bar = self.page.verticalScrollBar()
            position = bar.value()
            self.page.setHtml(layout_html(layout))
            bar.setValue(position)
        self._blocks, self._ids, self._notes = blocks, ids, list(layout.notes)
        self._mark()

    def _patch(self, changed: list[int], blocks: list[str]) -> None:
        document = self.page.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for index in changed:
            block = document.findBlockByNumber(index)
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
            cursor.insertHtml(blocks[index])
        cursor.endEditBlock()

    def show_problem(self, message: str) -> None:
        """Say why the preview cannot be updated (the last good page stays below)."""
        self.problem.setText(_("The preview is not up to date: {problem}").format(problem=message))
        self.problem.show()

    def highlight(self, paragraph_id: str | None) -> None:
        """Tint the paragraph being edited and scroll it into view."""
        self._highlight = paragraph_id
        self._mark()
        if paragraph_id and paragraph_id in self._ids:
            block = self.page.document().findBlockByNumber(self._ids.index(paragraph_id))
            self._ensure_visible(block)

    def text(self) -> str:
        """The page's text with its no-break spaces, one line per paragraph (for tests)."""
        raw = self.page.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def _ensure_visible(self, block: QTextBlock) -> None:
        """Scroll so the paragraph shows near the top, unless it is already in view."""
        rect = self.page.document().documentLayout().blockBoundingRect(block)
        bar = self.page.verticalScrollBar()
        view = self.page.viewport().height()
        if bar.value() <= rect.top() and rect.bottom() <= bar.value() + view:
            return
        bar.setValue(int(max(rect.top() - view / 5, 0)))

    def _mark(self) -> None:
        selections = []
        if self._highlight is not None:
            tint = QColor(self.palette().highlight().color())
            tint.setAlpha(36)
            for index, ident in enumerate(self._ids):
                if ident != self._highlight:
                    continue
                selection = QTextEdit.ExtraSelection()
                selection.cursor = QTextCursor(self.page.document().findBlockByNumber(index))
                selection.format.setBackground(tint)
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selections.append(selection)
        self.page.setExtraSelections(selections)

    def _clicked(self, number: int) -> None:
        if 0 <= number < len(self._ids):
            ident = self._ids[number]
            if ident:
                self.paragraph_clicked.emit(ident)
