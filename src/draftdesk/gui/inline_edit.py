"""A one-paragraph rich text field whose footnotes and cross-references are live-numbered chips."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from draftdesk.model.inline import CrossRef, FootnoteRef, Inline, Text, merge_adjacent

CHIP_TYPE = int(QTextFormat.ObjectTypes.UserObject) + 1
_KIND = int(QTextFormat.Property.UserProperty) + 1
_IDENT = int(QTextFormat.Property.UserProperty) + 2
OBJECT_CHAR = "\ufffc"

ChipLabeler = Callable[[str, str], str]
"""(kind "fn" | "xref", id) → what the chip shows: "3", "paragraph 5 above"."""
MenuHook = Callable[[QMenu, int], None]
"""Adds entries for the character position right-clicked (proofing: suggestions, Ignore)."""


class _ChipPainter(QPyTextObject):
    """Draws footnote marks and cross-references as small rounded chips."""

    def __init__(self, owner: InlineTextEdit) -> None:
        super().__init__(owner)
        self.owner = owner

    def _label(self, fmt: QTextFormat) -> str:
        return self.owner.chip_text(str(fmt.property(_KIND)), str(fmt.property(_IDENT)))

    def _font(self, fmt: QTextFormat) -> QFont:
        font = QFont(fmt.toCharFormat().font())
        if str(fmt.property(_KIND)) == "fn":
            font.setPointSizeF(max(font.pointSizeF() * 0.75, 6.0))
        return font

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        """Width of the label plus padding; footnote marks sit raised like superscripts."""
        metrics = QFontMetricsF(self._font(fmt))
        base = QFontMetricsF(fmt.toCharFormat().font())
        return QSizeF(metrics.horizontalAdvance(self._label(fmt)) + 8, base.height())

    def drawObject(  # noqa: N802
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        """A tinted rounded box with the live number or reference text."""
        footnote = str(fmt.property(_KIND)) == "fn"
        palette = self.owner.palette()
        box = QRectF(rect).adjusted(1, 2, -1, -1)
        if footnote:
            box.setHeight(box.height() * 0.7)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight))
        tint = palette.color(QPalette.ColorRole.Highlight)
        tint.setAlpha(40)
        painter.setBrush(tint)
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(self._font(fmt))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._label(fmt))
        painter.restore()


class InlineTextEdit(QTextEdit):
    """Edits one language of a paragraph (or footnote) as inline items, never as markup.

    Enter asks for a new paragraph instead of breaking the line; Ctrl+Z / Ctrl+Y go to
    the document's undo history (the field keeps none of its own); pasted text keeps its
    italics and loses its line breaks.
    """

    edited = Signal()
    enter_pressed = Signal()

    def __init__(self, labeler: ChipLabeler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labeler = labeler
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self._painter = _ChipPainter(self)
        self.document().documentLayout().registerHandler(CHIP_TYPE, self._painter)
        self._loading = False
        self.menu_hook: MenuHook | None = None
        self.textChanged.connect(self._changed)

    def chip_text(self, kind: str, ident: str) -> str:
        """What a chip shows now (numbers are live: they follow every edit)."""
        return self.labeler(kind, ident)

    def refresh_chips(self) -> None:
        """Repaint after numbers changed elsewhere (a paragraph moved, a note was added)."""
        self.document().markContentsDirty(0, self.document().characterCount())
        self.viewport().update()

    # Items in and out --------------------------------------------------------------------

    def set_items(self, items: list[Inline]) -> None:
        """Show `items`, keeping the cursor where it was when the text is the same length."""
        if items == self.items():
            self.refresh_chips()
            return
        position = self.textCursor().position()
        self._loading = True
        try:
            self.clear()
            cursor = QTextCursor(self.document())
            insert_items(cursor, items, self.font())
            cursor.setPosition(min(position, self.document().characterCount() - 1))
            self.setTextCursor(cursor)
        finally:
            self._loading = False

    def items(self) -> list[Inline]:
        """The field's content as inline items."""
        return document_items(self.document())

    def insert_chip(self, kind: str, ident: str) -> None:
        """Insert a footnote mark ("fn") or cross-reference ("xref") at the cursor."""
        cursor = self.textCursor()
        cursor.insertText(OBJECT_CHAR, chip_format(kind, ident))
        cursor.setCharFormat(QTextCharFormat())
        self.setTextCursor(cursor)

    def toggle_italic(self) -> None:
        """Italic on or off for the selection (or what is typed next), as in Word."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    # Context menu ------------------------------------------------------------------------

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The menu for a right-click at `point`: the hook's entries first, then Qt's own."""
        menu = self.createStandardContextMenu(point)
        for action in menu.actions():
            # The field keeps no history of its own (Ctrl+Z undoes in the document), so Qt's
            # Undo and Redo entries would only ever be greyed out.
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        if self.menu_hook is not None:
            self.menu_hook(menu, self.cursorForPosition(point).position())
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """Show `context_menu_at` where the user clicked."""
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # Keys and clipboard ------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Let the window's Undo/Redo shortcuts through (the field has no history)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter asks for a new paragraph; Ctrl+I toggles italics."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        if event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_italic()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        """Paste as one paragraph: italics and superscripts kept, line breaks made spaces."""
        scratch = QTextDocument()
        if source.hasHtml():
            scratch.setHtml(source.html())
        else:
            scratch.setPlainText(source.text())
        items = document_items(scratch, keep_chips=False)
        insert_items(self.textCursor(), items, self.font())


def chip_format(kind: str, ident: str) -> QTextCharFormat:
    """The character format of a chip."""
    fmt = QTextCharFormat()
    fmt.setObjectType(CHIP_TYPE)
    fmt.setProperty(_KIND, kind)
    fmt.setProperty(_IDENT, ident)
    return fmt


def insert_items(cursor: QTextCursor, items: list[Inline], font: QFont) -> None:
    """Insert inline items at `cursor` with their formats."""
    for item in items:
        if isinstance(item, FootnoteRef):
            cursor.insertText(OBJECT_CHAR, chip_format("fn", item.footnote_id))
        elif isinstance(item, CrossRef):
            cursor.insertText(OBJECT_CHAR, chip_format("xref", item.paragraph_id))
        else:
            fmt = QTextCharFormat()
            fmt.setFont(font)
            fmt.setFontItalic(item.italic)
            if item.superscript:
                fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            cursor.insertText(item.text, fmt)
    cursor.setCharFormat(QTextCharFormat())


def document_items(document: QTextDocument, *, keep_chips: bool = True) -> list[Inline]:
    """Inline items of a text document; paragraph breaks become spaces."""
    items: list[Inline] = []
    block = document.begin()
    while block.isValid():
        if items:
            items.append(Text(" "))
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            text = fragment.text()
            if fmt.objectType() == CHIP_TYPE:
                if keep_chips:
                    kind, ident = str(fmt.property(_KIND)), str(fmt.property(_IDENT))
                    for _char in text:
                        items.append(FootnoteRef(ident) if kind == "fn" else CrossRef(ident))
            else:
                superscript = (
                    fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
                )
                clean = text.replace(OBJECT_CHAR, "").replace("\u2028", " ")
                items.append(Text(clean, italic=fmt.fontItalic(), superscript=superscript))
            iterator += 1
        block = block.next()
    return merge_adjacent(items)
