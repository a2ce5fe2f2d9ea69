"""The live preview: the whole resolution in one language, drawn from the core Layout.

Each Layout block is one row of a list view (preview_rows.py). Only rows on screen are
laid out and painted; the others need only their heights, kept by the shape of their
text, so moving a paragraph (new paragraph numbers, new footnote numbers in 300
paragraphs) lays out no text again. Numbers sit in the first-line indent, where Word
puts them after a tab (the UN's practice).

The page is read-only; its paragraphs can be selected (click, Shift/Ctrl+click, Select
All) and copied as text and as HTML, the number before a tab as Word pastes it.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _
from draftdesk.gui.preview_html import Row, RowCache, copied_html, copied_text, layout_rows
from draftdesk.gui.preview_rows import PageDelegate, RowsModel
from draftdesk.render.layout import Layout

FIRST_BATCH = 60  # rows laid out before the first paint; the rest follow in batches


class _Page(QListView):
    """The paper: white, one row per paragraph, scrolled by pixels; rows can be selected."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always shown: a scroll bar appearing would narrow the page after the rows were
        # laid out, and the view re-lays them out only after a delay.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(False)
        # A long resolution is laid out in batches between paints (the first screenful
        # first); a later layout is done in one pass so the scroll position holds.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(FIRST_BATCH)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # White paper through the palette: a style sheet would make every repaint go
        # through the (much slower) style-sheet style.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        self.setPalette(palette)
        self.setSpacing(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+C copies every selected paragraph (the view alone copies only one)."""
        if event.matches(QKeySequence.StandardKey.Copy):
            pane = self.parent()
            if isinstance(pane, PreviewPane):
                pane.copy_selection()
                event.accept()
                return
        super().keyPressEvent(event)

    def finish_layout(self) -> None:
        """Lay out every row now (a batched first layout may still be under way)."""
        if self.layoutMode() is QListView.LayoutMode.Batched:
            self.setLayoutMode(QListView.LayoutMode.SinglePass)
            self.doItemsLayout()


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
        self.highlighted: str | None = None
        self.model = RowsModel()
        self.row_cache = RowCache()
        self.page = _Page(self)
        self.delegate = PageDelegate(self.model, self)
        self.page.setModel(self.model)
        self.page.setItemDelegate(self.delegate)
        self.page.setAccessibleName(_("Preview of the resolution"))
        self.page.clicked.connect(self._clicked)
        self.copy_action = QAction(_("&Copy"), self.page)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.select_all_action = QAction(_("Select &All"), self.page)
        self.select_all_action.setShortcut(QKeySequence.StandardKey.SelectAll)
        self.select_all_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.select_all_action.triggered.connect(self.page.selectAll)
        self.page.addActions([self.copy_action, self.select_all_action])
        self.page.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.title = QLabel(_("Preview"), self)
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
            button.clicked.connect(lambda _c=False, code=lang: self.language_chosen.emit(code))
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
        """Draw `layout` (rows whose text is unchanged keep their laid-out text)."""
        self.problem.hide()
        self.delegate.set_font(layout.font, layout.font_size)
        rows = layout_rows(layout, self.row_cache)
        old = self.model.rows
        width = self.page.viewport().width()
        if len(rows) == len(old):
            changed = [
                i for i, (new, was) in enumerate(zip(rows, old, strict=True)) if new is not was
            ]
            same_heights = all(
                self.delegate.height(rows[i], width) == self.delegate.height(old[i], width)
                for i in changed
            )
            if same_heights:  # typing that does not add a line: repaint those rows only
                self.model.swap(rows, changed)
                self._repaint_rows(changed)
                return
        bar = self.page.verticalScrollBar()
        position = bar.value()
        if old:  # not the first page: lay out everything, so the scroll position holds
            self.page.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.model.replace(rows)
        self.page.doItemsLayout()
        bar.setValue(position)
        self.delegate.forget_unused(len(self.model.rows))

    def _repaint_rows(self, changed: list[int]) -> None:
        """Repaint rows whose geometry is unchanged.

        Not through dataChanged: QListView answers it by laying out every row again
        (asking each one's size), several milliseconds on a long resolution per keystroke.
        The view reads rows from the model when it paints, so a repaint is enough.
        """
        viewport = self.page.viewport()
        if len(changed) > 20:
            viewport.update()
            return
        for i in changed:
            rect = self.page.visualRect(self.model.index(i))
            if rect.intersects(viewport.rect()):
                viewport.update(rect)

    def show_problem(self, message: str) -> None:
        """Say why the preview cannot be updated (the last good page stays below)."""
        self.problem.setText(_("The preview is not up to date: {problem}").format(problem=message))
        self.problem.show()

    def highlight(self, paragraph_id: str | None) -> None:
        """Tint the paragraph being edited and scroll it into view."""
        if paragraph_id != self.highlighted:
            self.highlighted = paragraph_id
            self.page.viewport().update()
        if paragraph_id is None:
            return
        rows = self.model.rows
        number = next((i for i, r in enumerate(rows) if r.paragraph_id == paragraph_id), None)
        if number is not None:
            self.page.finish_layout()
            index = self.model.index(number)
            if not self.page.viewport().rect().contains(self.page.visualRect(index)):
                self.page.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def text(self) -> str:
        """The page's text with its no-break spaces, one line per paragraph (for tests)."""
        return "\n".join(row.text for row in self.model.rows)

    def selected_rows(self) -> list[Row]:
        """The selected rows in page order."""
        numbers = sorted(index.row() for index in self.page.selectionModel().selectedIndexes())
        return [self.model.rows[number] for number in numbers]

    def copy_selection(self) -> None:
        """Put the selected paragraphs on the clipboard as plain text and as HTML."""
        rows = [row for row in self.selected_rows() if row.html]
        if not rows:
            return
        mime = QMimeData()
        mime.setText("\n".join(copied_text(row) for row in rows))
        mime.setHtml("".join(copied_html(row) for row in rows))
        QGuiApplication.clipboard().setMimeData(mime)

    def _clicked(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        if row.paragraph_id:
            self.paragraph_clicked.emit(row.paragraph_id)
