"""The outline's item model: the resolution's tree, each line computed only when shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from draftdesk.gui.i18n import _
from draftdesk.gui.outline_tree import Node, shorten, sibling_lists, single_move, snippet
from draftdesk.gui.translation_words import (
    NEEDS_WORK,
    UP_TO_DATE,
    translation_summary,
    translation_tooltip,
)
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.model.inline import plain_text
from draftdesk.numbering import ParagraphNumbers
from draftdesk.packs.model import Pack

MIME = "application/x-draftdesk-paragraph"
Index = QModelIndex | QPersistentModelIndex
# Combined once: flags() is asked for every line the view lays out.
_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_PART = _PLAIN | Qt.ItemFlag.ItemIsDropEnabled
_PARAGRAPH = _PART | Qt.ItemFlag.ItemIsDragEnabled
# The roles data() answers; the view asks seven for every cell it paints.
_ANSWERED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    )
)


class OutlineModel(QAbstractItemModel):
    """Details, preamble, operative part and footnotes of one document.

    An index points at its line's parent and row, not at the line itself (as Qt's own
    models do), so lines can trade places under an index the view keeps. A paragraph
    moved among siblings without sub-lines is such a trade: the view only repaints,
    where a moved row would make it lay out all 600 lines again through Python calls.
    Other moves move a row; other structure changes rebuild the (cheap) node tree. A
    line's words are computed when the view asks for them, so a 600-paragraph
    resolution costs what is on screen.
    """

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("root", "")
        self.nodes: dict[str, Node] = {}
        self.document: Document | None = None
        self.pack: Pack | None = None
        self.numbers = ParagraphNumbers()
        self.marks: dict[str, str] = {}
        self.rendered: dict[str, str] = {}  # paragraph id → its text as printed
        self.paragraphs: dict[str, Paragraph] = {}  # edits change them in place
        self.only_untranslated = False
        self._parts: dict[str, Part] = {}
        self._old_root = self.root
        self._kept: list[Node] = []

    # Building ------------------------------------------------------------------------------

    def rebuild(
        self, document: Document, pack: Pack, numbers: ParagraphNumbers, marks: dict[str, str]
    ) -> list[Node]:
        """New tree for the document as it is now (after a structural edit).

        The same document is rearranged as a layout change, so the view keeps what is
        expanded and selected; another document resets the model. Returns the lines
        that are new and have sub-lines (for the view to expand).
        """
        if document is self.document and self._move_row(document, numbers, marks):
            return []
        if document is not self.document:
            self.beginResetModel()
            self._build(document, pack, numbers, marks)
            self.endResetModel()
            return [node for node in self.nodes.values() if node.children]
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        where = [(self.node_at(index), index.column()) for index in old]
        before = dict(self.nodes)
        self._build(document, pack, numbers, marks)
        tops = {(n.kind, n.ident): n for n in self.root.children}
        moved = []
        for node, column in where:
            if node is None:
                moved.append(QModelIndex())
                continue
            twin = tops.get((node.kind, node.ident)) if node.parent is self._old_root else None
            twin = twin or self.nodes.get(node.ident)
            moved.append(self.index_of(twin, column) if twin else QModelIndex())
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()
        return [n for i, n in self.nodes.items() if n.children and i not in before]

    def _move_row(
        self, document: Document, numbers: ParagraphNumbers, marks: dict[str, str]
    ) -> bool:
        """Move one row when the only change is one paragraph moved among its siblings."""
        if self.only_untranslated:
            return False  # lines may be hidden: the tree is not the document's shape
        moved: tuple[Node, int, int] | None = None
        for parent, new_ids in sibling_lists(document, self.root, self.nodes):
            if parent is None:
                return False
            old_ids = [child.ident for child in parent.children]
            if old_ids == new_ids:
                continue
            place = single_move(old_ids, new_ids)
            if place is None or moved is not None:
                return False
            moved = (parent, *place)
        if moved is None:
            return False
        parent, source, target = moved
        where = self.index_of(parent)
        low, high = min(source, target), max(source, target)
        # Lines without sub-lines trade places under the same indexes: no relayout.
        shape_kept = not any(child.children for child in parent.children[low : high + 1])
        if not shape_kept and not self.beginMoveRows(
            where, source, source, where, target + (target > source)
        ):
            return False
        node = parent.children.pop(source)
        parent.children.insert(target, node)
        for row in range(low, high + 1):
            parent.children[row].row = row
        if not shape_kept:
            self.endMoveRows()
        self.numbers, self.marks = numbers, marks
        self.paragraphs = {p.id: p for p in document.all_paragraphs()}  # an undo may copy
        # Numbers of the lines between the two places, and footnote marks, may change.
        self.dataChanged.emit(
            self.index(low, 0, where), self.index(high, 1, where), [Qt.ItemDataRole.DisplayRole]
        )
        notes = self.root.children[-1]
        if notes.children:  # their marks
            self.dataChanged.emit(
                self.index_of(notes.children[0]),
                self.index_of(notes.children[-1], 1),
                [Qt.ItemDataRole.DisplayRole],
            )
        return True

    def _build(
        self, document: Document, pack: Pack, numbers: ParagraphNumbers, marks: dict[str, str]
    ) -> None:
        # Indexes hold raw pointers to nodes: old trees stay alive a few rebuilds longer
        # than any index the view may still carry.
        self._old_root = self.root
        self._kept = [self.root, *self._kept[:2]]
        self.document, self.pack, self.numbers, self.marks = document, pack, numbers, marks
        self.root = Node("root", "")
        self.nodes = {}
        self._parts = {}
        self.paragraphs = {p.id: p for p in document.all_paragraphs()}
        self.root.add(Node("details", ""))
        for part in (Part.PREAMBLE, Part.OPERATIVE):
            top = self.root.add(Node("part", part.value))
            for paragraph in document.part_list(part):
                self._add(top, paragraph, part)
        notes = self.root.add(Node("part", "footnotes"))
        for note in document.footnotes:
            self.nodes[note.id] = notes.add(Node("footnote", note.id))

    def _add(self, parent: Node, paragraph: Paragraph, part: Part) -> bool:
        """Add a paragraph's line (and its sub-paragraphs'); False when filtered out."""
        node = Node("paragraph", paragraph.id)
        self._parts[paragraph.id] = part
        shown = [self._add(node, child, part) for child in paragraph.children]
        if self.only_untranslated and not any(shown) and not self.needs_translation(paragraph):
            return False
        parent.add(node)
        self.nodes[paragraph.id] = node
        return True

    def needs_translation(self, paragraph: Paragraph) -> bool:
        """True when a language other than the source is missing or out of date."""
        assert self.document is not None
        meta = self.document.metadata
        return any(
            paragraph.translation_state(lang, meta.source_language) in NEEDS_WORK
            for lang in meta.languages
            if lang != meta.source_language
        )

    # Lines -------------------------------------------------------------------------------

    def line(self, node: Node, *, limit: bool = True) -> str:
        """The words of a line: "5. Requests the Secretary-General …", "Preamble (27)".

        With `limit` False the words are whole (the row's tooltip).
        """
        cut = shorten if limit else str
        if node.kind == "details":
            return _("Details (masthead, title, sponsors)")
        if node.kind == "part":
            names = {
                "preamble": _("Preamble"),
                "operative": _("Operative part"),
                "footnotes": _("Footnotes"),
            }
            return f"{names.get(node.ident, node.ident)} ({len(node.children)})"
        assert self.document is not None and self.pack is not None
        source = self.document.metadata.source_language
        if node.kind == "footnote":
            note = self.document.footnote(node.ident)
            note_text = plain_text(note.text.get(source, [])) if note else ""
            mark = (note.symbol if note else None) or self.marks.get(node.ident, "–")
            return f"{mark}  {cut(note_text)}"
        label = (
            self.numbers.label(node.ident, source) if node.ident in self.numbers.positions else ""
        )
        text = self.rendered.get(node.ident)
        if text is None:
            paragraph = self.paragraphs.get(node.ident)
            if paragraph is None:
                return node.ident
            body = self.pack.bodies[self.document.metadata.body]
            text = snippet(paragraph, self.pack, body, self._parts[node.ident], source)
        return f"{label} {cut(text)}" if label else cut(text)

    def status(self, node: Node) -> tuple[str, str]:
        """("FR out of date", colour) for a paragraph whose translation needs work, else
        ("", "")."""
        words, colour = self.translation(node)
        return (words, colour) if words != UP_TO_DATE else ("", "")

    def translation(self, node: Node) -> tuple[str, str]:
        """The translation column of a line: (words, colour); "" for non-paragraphs.

        Computed only when the view asks, like the line's words.
        """
        paragraph = self._paragraph_of(node)
        if paragraph is None or self.document is None:
            return "", ""
        return translation_summary(paragraph, self.document.metadata)

    def translation_tip(self, node: Node) -> str:
        """The translation column's tooltip of a line ("" for non-paragraphs)."""
        paragraph = self._paragraph_of(node)
        if paragraph is None or self.document is None:
            return ""
        return translation_tooltip(paragraph, self.document.metadata)

    def _paragraph_of(self, node: Node) -> Paragraph | None:
        if node.kind != "paragraph" or self.document is None:
            return None
        return self.paragraphs.get(node.ident)

    def refresh(self, ident: str) -> None:
        """Tell the view a paragraph's or footnote's line changed."""
        node = self.nodes.get(ident)
        if node is not None:
            self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, 1))

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The model index of a node."""
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.parent)

    def node_at(self, index: Index) -> Node | None:
        """The line an index points at (None for the invisible root)."""
        if not index.isValid():
            return None
        siblings: list[Node] = index.internalPointer().children
        row = index.row()
        return siblings[row] if row < len(siblings) else None

    # QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a child line."""
        node = self.node_at(parent) if parent.isValid() else self.root
        if node is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The index of a line's parent line."""
        if not index.isValid():
            return QModelIndex()
        return self.index_of(index.internalPointer())

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        """Another cell under the same line: the view asks it of every cell it paints
        (Qt's default asks parent() and index(), two calls into Python)."""
        if not index.isValid() or not 0 <= row < len(index.internalPointer().children):
            return QModelIndex()
        return self.createIndex(row, column, index.internalPointer())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Lines under a line."""
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self.node_at(parent) if parent.isValid() else self.root
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """The line, and its translation status."""
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _("Resolution") if section == 0 else _("Translation")
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return _(
                "Translation of each paragraph against its source text: ✓ up to date; "
                "otherwise the language that is missing or out of date."
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Words, status, colour, bold for the parts, tooltips, accessible text."""
        if role not in _ANSWERED:
            return None
        node = self.node_at(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self.line(node, limit=False)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.line(node) if column == 0 else self.translation(node)[0]
        if role == Qt.ItemDataRole.ToolTipRole:  # column 1
            return self.translation_tip(node) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 1:
            words = self.translation(node)[0]
            return _("translation up to date") if words == UP_TO_DATE else words
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            colour = self.translation(node)[1]
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and node.parent is self.root:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Paragraphs can be dragged; paragraphs and the two parts accept drops."""
        node = self.node_at(index)
        if node is None:
            return _PLAIN
        if node.kind == "paragraph":
            return _PARAGRAPH
        if node.kind == "part" and node.ident != "footnotes":
            return _PART
        return _PLAIN

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        """Paragraphs are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        """The drag carries a paragraph id."""
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        """The dragged paragraph's id."""
        data = QMimeData()
        node = self.node_at(indexes[0])
        if node is not None:
            data.setData(MIME, node.ident.encode("utf-8"))
        return data
