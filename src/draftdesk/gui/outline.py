"""The outline: details, preamble, operative part and footnotes with live numbers and status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from draftdesk.gui.i18n import _
from draftdesk.gui.outline_model import MIME, OutlineModel
from draftdesk.gui.outline_tree import Node
from draftdesk.model.document import Document, Part
from draftdesk.numbering import ParagraphNumbers
from draftdesk.packs.model import Pack
from draftdesk.render.layout import Layout

_WORDS = [int(Qt.ItemDataRole.DisplayRole)]


@dataclass(slots=True, frozen=True)
class Selection:
    """What the outline has selected: a kind and, for paragraphs and footnotes, an id."""

    kind: str
    ident: str = ""


class OutlineView(QTreeView):
    """A tree of the resolution; drag a paragraph or press Alt+Shift+arrows to move it.

    Moves are requested, never made here: the window turns them into commands, and the
    tree follows the document (one row moved, or rebuilt), so numbers are always the
    computed ones.
    """

    selected = Signal(object)  # Selection
    move_requested = Signal(str, str, object, int)  # id, part, new parent id | None, index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = OutlineModel()
        self.setModel(self.outline)
        self.setAccessibleName(_("Outline of the resolution"))
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDropIndicatorShown(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed status column: sizing it to its contents would read all 600 lines on
        # every keystroke.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        widest = max(_("Translation"), "FR " + _("out of date"), "EN " + _("missing"), key=len)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance(widest) + 24)
        self._quiet = False
        self.selectionModel().currentChanged.connect(self._current_changed)

    def dataChanged(  # noqa: N802
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Repaint lines whose words changed.

        For a range QTreeView also asks every line whether it has sub-lines, two calls
        into Python each (800 when a move renumbers the operative part); new words
        cannot change that, so a words-only range skips to the plain item view's update.
        """
        if [int(role) for role in roles] == _WORDS and top_left.row() != bottom_right.row():
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)
            return
        super().dataChanged(top_left, bottom_right, roles)

    # Building ------------------------------------------------------------------------------

    def rebuild(
        self,
        document: Document,
        pack: Pack,
        numbers: ParagraphNumbers,
        marks: dict[str, str],
        keep: Selection | None = None,
    ) -> None:
        """Redraw the tree from the document and reselect `keep` (or what was selected)."""
        keep = keep or self.selection()
        self._quiet = True
        try:
            reset = document is not self.outline.document
            fresh = self.outline.rebuild(document, pack, numbers, marks)
            if reset:
                self.expandAll()
            else:
                for node in fresh:
                    self.expand(self.outline.index_of(node))
            self.reselect(keep)
        finally:
            self._quiet = False

    def forget_rendered(self) -> None:
        """A different document: drop every remembered printed text."""
        self.outline.rendered.clear()
        self.outline.document = None  # the next rebuild is a reset

    def update_paragraph(self, paragraph_id: str) -> None:
        """A paragraph's text changed: show its quick reading until it is rendered again."""
        self.outline.rendered.pop(paragraph_id, None)
        self.outline.refresh(paragraph_id)

    def show_printed(self, layout: Layout, marks: dict[str, str]) -> None:
        """Lines as `layout` prints them (opener agreed, prepositions contracted), and the
        footnote marks."""
        texts: dict[str, str] = {}
        for block in layout.blocks:
            if block.paragraph_id and block.paragraph_id not in texts:
                texts[block.paragraph_id] = block.text
        self.outline.rendered.update(texts)
        self.outline.marks = marks
        self.viewport().update()

    def apply_filter(self, only_untranslated: bool, document: Document) -> None:
        """Show only paragraphs whose translation is missing or out of date (or all)."""
        model = self.outline
        model.only_untranslated = only_untranslated
        if model.pack is not None:
            self.rebuild(document, model.pack, model.numbers, model.marks)

    # Reading (the window's status line and the tests) ----------------------------------------

    def line(self, ident: str) -> str:
        """The words shown for a paragraph or footnote ("" when it is not shown)."""
        node = self.outline.nodes.get(ident)
        return self.outline.line(node) if node else ""

    def status(self, ident: str) -> str:
        """What a paragraph's translation needs ("FR out of date"; "" when nothing)."""
        node = self.outline.nodes.get(ident)
        return self.outline.status(node)[0] if node else ""

    def translation(self, ident: str) -> tuple[str, str]:
        """The translation column of a paragraph as shown: ("✓" or "FR missing", tooltip)."""
        index = self.index_for(ident).siblingAtColumn(1)
        words = index.data(Qt.ItemDataRole.DisplayRole)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        return str(words or ""), str(tip or "")

    def is_shown(self, ident: str) -> bool:
        """True when the paragraph has a line (the filter may leave it out)."""
        return ident in self.outline.nodes

    def part_lines(self, part: str) -> list[str]:
        """The lines directly under "Preamble", "Operative part" or "Footnotes"."""
        top = next(n for n in self.outline.root.children if n.ident == part)
        return [self.outline.line(child) for child in top.children]

    # Selection ---------------------------------------------------------------------------

    def selection(self) -> Selection | None:
        """What is selected now."""
        node = self.outline.node_at(self.currentIndex())
        if node is None:
            return None
        return Selection(node.kind, node.ident)

    def reselect(self, selection: Selection | None) -> None:
        """Select a paragraph, footnote, part or the details line (without signalling)."""
        if selection is None:
            return
        node = self.outline.nodes.get(selection.ident) if selection.ident else None
        if node is None:
            node = next(
                (
                    top
                    for top in self.outline.root.children
                    if top.kind == selection.kind and top.ident == selection.ident
                ),
                None,
            )
        if node is None:
            return
        quiet, self._quiet = self._quiet, True
        try:
            index = self.outline.index_of(node)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        finally:
            self._quiet = quiet

    def clear_selection(self) -> None:
        """Nothing selected (a new document)."""
        quiet, self._quiet = self._quiet, True
        self.setCurrentIndex(QModelIndex())
        self._quiet = quiet

    def select(self, selection: Selection) -> None:
        """Select and tell the window (as a click would)."""
        self.reselect(selection)
        self.selected.emit(selection)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.outline.node_at(current)
        if self._quiet or node is None:
            return
        self.selected.emit(Selection(node.kind, node.ident))

    # Moving --------------------------------------------------------------------------------

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Turn a drop into a move request; the tree itself is not touched."""
        mime = event.mimeData()
        target = self.indexAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if not mime.hasFormat(MIME) or not target.isValid():
            return
        dragged = bytes(mime.data(MIME).data()).decode("utf-8")
        where = self.drop_place(dragged, target, position)
        if where is not None:
            self.move_requested.emit(dragged, *where)

    def drop_place(
        self, dragged: str, target: QModelIndex, position: QAbstractItemView.DropIndicatorPosition
    ) -> tuple[str, str | None, int] | None:
        """(part, new parent id or None for the top level, index) of a drop; None if refused."""
        indicator = QAbstractItemView.DropIndicatorPosition
        node = self.outline.node_at(target)
        moving = self.outline.nodes.get(dragged)
        if node is None or moving is None or node is moving:
            return None
        part = _part_of(node)
        if node.kind == "part":
            if part not in (Part.PREAMBLE.value, Part.OPERATIVE.value):
                return None
            return (part, None, len(node.children) - (1 if moving.parent is node else 0))
        if node.kind != "paragraph":
            return None
        if position is indicator.OnItem:
            return (part, node.ident, len(node.children))
        parent = node.parent
        assert parent is not None  # paragraphs always sit under a part or a paragraph
        index = node.row + (1 if position is indicator.BelowItem else 0)
        if moving.parent is parent and moving.row < index:
            index -= 1  # the dragged paragraph leaves a gap before the target
        return (part, parent.ident if parent.kind == "paragraph" else None, index)

    def index_for(self, ident: str) -> QModelIndex:
        """The model index of a paragraph's or footnote's line."""
        node = self.outline.nodes.get(ident)
        return self.outline.index_of(node) if node else QModelIndex()


def _part_of(node: Node) -> str:
    """The part ("preamble", "operative", "footnotes", "") an outline line belongs to."""
    while node.parent is not None and node.parent.kind != "root":
        node = node.parent
    return node.ident if node.kind == "part" else ""
