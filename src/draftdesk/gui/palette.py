"""The clause palette: search openers and clause templates in English and French, insert one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _
from draftdesk.gui.translation_words import reading_order
from draftdesk.model.document import LANGUAGES, Part
from draftdesk.packs.model import Body, Pack
from draftdesk.palette import EntryKind, PaletteEntry, palette_entries, search

ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def entry_text(entry: PaletteEntry, lang: str) -> str:
    """How an entry reads in one language."""
    return entry.fr if lang == "fr" else entry.en


class _EntryDelegate(QStyledItemDelegate):
    """Two lines per entry: the interface language above, the other below in grey; clauses
    tagged. The pane sets `order` (English first unless the interface is French and the
    document has French)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order: tuple[str, ...] = LANGUAGES

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the selection, the first language's line, the second's and the tag."""
        entry: PaletteEntry = index.data(ENTRY_ROLE)
        first_lang, second_lang = self.order[0], self.order[1]
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        rect: QRect = option.rect.adjusted(6, 2, -6, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        tag = _("clause") if entry.kind is EntryKind.CLAUSE else ""
        painter.save()
        painter.setPen(palette.color(text_role))
        first = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        if tag:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
        room = rect.width() - (metrics.horizontalAdvance(tag) + 12 if tag else 0)
        bold_metrics = QFontMetrics(painter.font())
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignLeft,
            bold_metrics.elidedText(
                entry_text(entry, first_lang), Qt.TextElideMode.ElideRight, room
            ),
        )
        painter.setFont(font)
        if tag:
            painter.drawText(first, Qt.AlignmentFlag.AlignRight, tag)
        second = QRect(rect.left(), rect.top() + metrics.height(), rect.width(), metrics.height())
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(
                entry_text(entry, second_lang), Qt.TextElideMode.ElideRight, rect.width()
            ),
        )
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Room for two lines."""
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 6)


class _List(QListWidget):
    """The result list; Enter inserts the entry."""

    activated_entry = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter inserts the current entry."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_entry.emit()
            return
        super().keyPressEvent(event)


class PalettePane(QWidget):
    """Search box, part filter, results and an Insert button."""

    insert_requested = Signal(object)  # PaletteEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[PaletteEntry] = []
        self.languages: tuple[str, ...] = LANGUAGES  # the document's
        heading = QLabel(_("Clauses and openers"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(_("Search in English or French…"))
        self.query.setAccessibleName(_("Search clauses and openers"))
        self.query.setClearButtonEnabled(True)
        self.part = QComboBox(self)
        self.part.setAccessibleName(_("Show clauses for"))
        self.part.addItem(_("All parts"), "")
        self.part.addItem(_("Preambular"), Part.PREAMBLE.value)
        self.part.addItem(_("Operative"), Part.OPERATIVE.value)
        self.results = _List(self)
        self.results.setAccessibleName(_("Matching clauses and openers"))
        self.delegate = _EntryDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(True)
        self.insert = QPushButton(_("Insert"), self)
        self.insert.setAccessibleName(_("Insert the chosen clause or opener"))
        self.insert.setToolTip(_("Insert as a new paragraph after the selected one (Enter)"))
        self.count = QLabel(self)
        self.count.setAccessibleName(_("Number of matches"))
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.part)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.insert)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self._insert_current)
        self.part.currentIndexChanged.connect(self.refresh)
        self.results.itemDoubleClicked.connect(lambda _item: self._insert_current())
        self.results.activated_entry.connect(self._insert_current)
        self.insert.clicked.connect(self._insert_current)

    def set_pack(self, pack: Pack, body: Body, languages: Sequence[str] = LANGUAGES) -> None:
        """Show the openers (agreeing with `body` in French) and clauses of `pack`.

        `languages` are the document's: the interface language is listed first when it is
        one of them.
        """
        self.entries = palette_entries(pack, body)
        self.languages = tuple(languages)
        self.refresh()

    def order(self) -> tuple[str, ...]:
        """The languages of each entry, top line first."""
        return reading_order(self.languages)

    def set_part(self, part: Part | None) -> None:
        """Filter on one part (None: all)."""
        value = part.value if part else ""
        self.part.setCurrentIndex(max(self.part.findData(value), 0))

    def refresh(self) -> None:
        """Re-run the search."""
        value = self.part.currentData()
        part = Part(value) if value else None
        found = search(self.entries, self.query.text(), part)
        first, second = self.order()[:2]
        self.delegate.order = (first, second)
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        for entry in found:
            # The item's own text is what type-ahead in the list and screen readers use.
            words = (entry_text(entry, first), entry_text(entry, second))
            item = QListWidgetItem(f"{words[0]} — {words[1]}")
            item.setData(ENTRY_ROLE, entry)
            kind = _("Clause") if entry.kind is EntryKind.CLAUSE else _("Opener")
            where = _("preambular") if entry.part is Part.PREAMBLE else _("operative")
            item.setToolTip(
                _("{kind} ({where}): {first} / {second}").format(
                    kind=kind, where=where, first=words[0], second=words[1]
                )
            )
            self.results.addItem(item)
        self.results.setUpdatesEnabled(True)
        if found:
            self.results.setCurrentRow(0)
        self.count.setText(_("{count} found").format(count=len(found)))

    def current_entry(self) -> PaletteEntry | None:
        """The highlighted entry."""
        item = self.results.currentItem()
        return item.data(ENTRY_ROLE) if item else None

    def _insert_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.insert_requested.emit(entry)
