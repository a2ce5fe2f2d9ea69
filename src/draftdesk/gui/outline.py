"""The outline: details, preamble, operative part and footnotes with live numbers and status."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from draftdesk.gui.i18n import _
from draftdesk.model.document import Document, Paragraph, Part, TranslationState
from draftdesk.model.inline import plain_text
from draftdesk.numbering import ParagraphNumbers
from draftdesk.packs.model import Body, Pack

ROLE_KIND = int(Qt.ItemDataRole.UserRole) + 1  # "details" | "part" | "paragraph" | "footnote"
ROLE_ID = int(Qt.ItemDataRole.UserRole) + 2
SNIPPET = 90  # characters of text shown after the number

_STATE_COLOURS = {TranslationState.MISSING: "#b3261e", TranslationState.STALE: "#9a6700"}


@dataclass(slots=True, frozen=True)
class Selection:
    """What the outline has selected: a kind and, for paragraphs and footnotes, an id."""

    kind: str
    ident: str = ""


def snippet(paragraph: Paragraph, pack: Pack, body: Body, part: Part, lang: str) -> str:
    """A short reading of a paragraph: opener, clause name and the start of its text."""
    words: list[str] = []
    if paragraph.opener:
        phrase = pack.phrase(part, paragraph.opener)
        words.append(phrase.form(lang, body) if phrase else paragraph.opener)
    if paragraph.clause:
        clause = pack.clauses.get(paragraph.clause)
        if clause and not paragraph.opener and clause.opener:
            phrase = pack.phrase(part, clause.opener)
            if phrase:
                words.append(phrase.form(lang, body))
        words.append(f"[{clause.label.get(lang, clause.key) if clause else paragraph.clause}]")
    text = plain_text(paragraph.text.get(lang, [])).strip()
    if text:
        words.append(text)
    line = " ".join(words) or _("(empty paragraph)")
    return line if len(line) <= SNIPPET else line[: SNIPPET - 1] + "…"


class OutlineView(QTreeWidget):
    """A tree of the resolution; drag a paragraph or press Alt+Shift+arrows to move it.

    Moves are requested, never made here: the window turns them into commands, and the
    tree is redrawn from the document (so numbers are always the computed ones).
    """

    selected = Signal(object)  # Selection
    move_requested = Signal(str, str, object, int)  # id, part, new parent id | None, index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([_("Resolution"), _("Translation")])
        self.setAccessibleName(_("Outline of the resolution"))
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.only_untranslated = False
        self._items: dict[str, QTreeWidgetItem] = {}
        self._building = False
        self._body: Body | None = None
        self.currentItemChanged.connect(self._current_changed)

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
        self._building = True
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self._items.clear()
            meta = document.metadata
            self._body = pack.bodies[meta.body]
            details = self._add(None, _("Details (masthead, title, sponsors)"), "details", "")
            preamble = self._add(None, _("Preamble"), "part", Part.PREAMBLE.value)
            operative = self._add(None, _("Operative part"), "part", Part.OPERATIVE.value)
            for part, root in ((Part.PREAMBLE, preamble), (Part.OPERATIVE, operative)):
                for paragraph in document.part_list(part):
                    self._add_paragraph(root, paragraph, part, pack, numbers, meta.source_language)
                root.setText(0, f"{root.text(0)} ({root.childCount()})")
            notes = self._add(None, _("Footnotes"), "part", "footnotes")
            for note in document.footnotes:
                mark = note.symbol or marks.get(note.id, "–")
                text = plain_text(note.text.get(meta.source_language, []))
                self._add(notes, f"{mark}  {text[:SNIPPET]}", "footnote", note.id)
            notes.setText(0, f"{notes.text(0)} ({notes.childCount()})")
            details.setToolTip(0, _("Symbol, session, agenda item, sponsors and title"))
            self.expandAll()
            self.apply_filter(self.only_untranslated, document)
            self.reselect(keep)
        finally:
            self.setUpdatesEnabled(True)
            self._building = False

    def _add(
        self, parent: QTreeWidgetItem | None, text: str, kind: str, ident: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setData(0, ROLE_KIND, kind)
        item.setData(0, ROLE_ID, ident)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if kind == "paragraph":
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        elif kind == "part" and ident in (Part.PREAMBLE.value, Part.OPERATIVE.value):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(flags)
        if parent is None:
            self.addTopLevelItem(item)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        else:
            parent.addChild(item)
        if kind in ("paragraph", "footnote"):
            self._items[ident] = item
        return item

    def _add_paragraph(
        self,
        parent: QTreeWidgetItem,
        paragraph: Paragraph,
        part: Part,
        pack: Pack,
        numbers: ParagraphNumbers,
        source: str,
    ) -> None:
        label = numbers.label(paragraph.id, source)
        assert self._body is not None
        text = snippet(paragraph, pack, self._body, part, source)
        item = self._add(parent, f"{label} {text}" if label else text, "paragraph", paragraph.id)
        item.setToolTip(0, text)
        self.update_status(paragraph, source)
        for child in paragraph.children:
            self._add_paragraph(item, child, part, pack, numbers, source)

    def update_paragraph(
        self, paragraph: Paragraph, pack: Pack, part: Part, numbers: ParagraphNumbers, lang: str
    ) -> None:
        """Refresh one paragraph's line after its text changed (no rebuild)."""
        item = self._items.get(paragraph.id)
        if item is None or self._body is None:
            return
        label = numbers.label(paragraph.id, lang)
        text = snippet(paragraph, pack, self._body, part, lang)
        item.setText(0, f"{label} {text}" if label else text)
        item.setToolTip(0, text)
        self.update_status(paragraph, lang)

    def set_rendered(self, paragraph_id: str, label: str, text: str) -> None:
        """Show a paragraph's line as it prints (opener agreed, prepositions contracted)."""
        item = self._items.get(paragraph_id)
        if item is None:
            return
        short = text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
        line = f"{label} {short}" if label else short
        if item.text(0) != line:
            item.setText(0, line)
            item.setToolTip(0, text)

    def update_status(self, paragraph: Paragraph, source: str) -> None:
        """Show which translations are missing or stale in the second column."""
        item = self._items.get(paragraph.id)
        if item is None:
            return
        notes: list[str] = []
        colour = ""
        for lang in ("en", "fr"):
            if lang == source:
                continue
            state = paragraph.translation_state(lang, source)
            if state in _STATE_COLOURS:
                word = _("missing") if state is TranslationState.MISSING else _("out of date")
                notes.append(f"{lang.upper()} {word}")
                colour = colour or _STATE_COLOURS[state]
        item.setText(1, ", ".join(notes))
        item.setForeground(1, QBrush(QColor(colour)) if colour else QBrush())
        item.setData(1, Qt.ItemDataRole.AccessibleTextRole, ", ".join(notes) or _("translated"))

    def apply_filter(self, only_untranslated: bool, document: Document) -> None:
        """Hide paragraphs whose translations are all current (and their empty parents)."""
        self.only_untranslated = only_untranslated
        source = document.metadata.source_language
        for paragraph in document.all_paragraphs():
            item = self._items.get(paragraph.id)
            if item is None:
                continue
            needs = any(
                paragraph.translation_state(lang, source)
                in (TranslationState.MISSING, TranslationState.STALE)
                for lang in document.metadata.languages
                if lang != source
            )
            item.setHidden(only_untranslated and not needs)
        if only_untranslated:
            for paragraph in document.all_paragraphs():
                item = self._items.get(paragraph.id)
                if item is not None and not item.isHidden():
                    parent = item.parent()
                    while parent is not None:
                        parent.setHidden(False)
                        parent = parent.parent()

    # Selection ---------------------------------------------------------------------------

    def selection(self) -> Selection | None:
        """What is selected now."""
        item = self.currentItem()
        if item is None:
            return None
        return Selection(str(item.data(0, ROLE_KIND)), str(item.data(0, ROLE_ID) or ""))

    def reselect(self, selection: Selection | None) -> None:
        """Select a paragraph, footnote, part or the details line (without signalling)."""
        if selection is None:
            return
        item = self._items.get(selection.ident) if selection.ident else None
        if item is None:
            for index in range(self.topLevelItemCount()):
                top = self.topLevelItem(index)
                if top is not None and top.data(0, ROLE_KIND) == selection.kind and (
                    str(top.data(0, ROLE_ID)) == selection.ident
                ):
                    item = top
        if item is not None:
            blocked = self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(blocked)
            self.scrollToItem(item)

    def select(self, selection: Selection) -> None:
        """Select and tell the window (as a click would)."""
        self.reselect(selection)
        self.selected.emit(selection)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._building or current is None:
            return
        self.selected.emit(
            Selection(str(current.data(0, ROLE_KIND)), str(current.data(0, ROLE_ID) or ""))
        )

    # Moving --------------------------------------------------------------------------------

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Turn a drop into a move request; the tree itself is not touched."""
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is None or target is None or dragged.data(0, ROLE_KIND) != "paragraph":
            return
        where = self.drop_place(dragged, target, self.dropIndicatorPosition())
        if where is not None:
            ident = str(dragged.data(0, ROLE_ID))
            self.move_requested.emit(ident, where[0], where[1], where[2])

    def drop_place(
        self,
        dragged: QTreeWidgetItem,
        target: QTreeWidgetItem,
        position: QAbstractItemView.DropIndicatorPosition,
    ) -> tuple[str, str | None, int] | None:
        """(part, new parent id or None for the top level, index) of a drop; None if refused."""
        indicator = QAbstractItemView.DropIndicatorPosition
        kind = target.data(0, ROLE_KIND)
        part = _part_of(target)
        if kind == "part":
            if part not in (Part.PREAMBLE.value, Part.OPERATIVE.value):
                return None
            return (part, None, target.childCount() - (1 if dragged.parent() is target else 0))
        if kind != "paragraph" or target is dragged:
            return None
        if position is indicator.OnItem:
            return (part, str(target.data(0, ROLE_ID)), target.childCount())
        parent = target.parent()
        assert parent is not None  # paragraphs always sit under a part or a paragraph
        index = parent.indexOfChild(target) + (1 if position is indicator.BelowItem else 0)
        if dragged.parent() is parent and parent.indexOfChild(dragged) < index:
            index -= 1  # the dragged paragraph leaves a gap before the target
        parent_id = (
            str(parent.data(0, ROLE_ID)) if parent.data(0, ROLE_KIND) == "paragraph" else None
        )
        return (part, parent_id, index)

    def item_for(self, ident: str) -> QTreeWidgetItem | None:
        """The line of a paragraph or footnote (tests and the window use it)."""
        return self._items.get(ident)

    def index_for(self, ident: str) -> QModelIndex:
        """The model index of a paragraph's line."""
        item = self._items.get(ident)
        return self.indexFromItem(item) if item else QModelIndex()


def _part_of(item: QTreeWidgetItem) -> str:
    """The part ("preamble", "operative", "footnotes", "") an outline line belongs to."""
    parent = item.parent()
    while parent is not None:
        item, parent = parent, parent.parent()
    return str(item.data(0, ROLE_ID) or "")
