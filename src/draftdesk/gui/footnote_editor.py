"""Editing a footnote's English and French text, and seeing where it is used."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from draftdesk.edit_commands import (
    RemoveFootnote,
    SetFootnoteText,
    footnote_users,
    paragraphs_using,
)
from draftdesk.gui.controller import Change, ChangeKind, DocumentController
from draftdesk.gui.i18n import _
from draftdesk.gui.inline_edit import ChipLabeler, InlineTextEdit
from draftdesk.gui.paragraph_editor import language_name
from draftdesk.model.document import Part
from draftdesk.numbering import ParagraphNumbers


class FootnoteEditor(QWidget):
    """The selected footnote: its number, its text in each language, its uses."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.footnote_id: str | None = None
        self._loading = False
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.uses = QLabel(self)
        self.uses.setWordWrap(True)
        self.uses.setAccessibleName(_("Where the footnote is used"))
        self.delete = QPushButton(_("Delete footnote"), self)
        self.delete.setAccessibleName(_("Delete this footnote"))
        self.delete.setToolTip(_("Only a footnote that is no longer used can be deleted"))
        self.fields: dict[str, InlineTextEdit] = {}
        row = QHBoxLayout()
        for lang in ("en", "fr"):
            column = QVBoxLayout()
            caption = QLabel(language_name(lang), self)
            field = InlineTextEdit(self._labeler(lang), self)
            field.setObjectName(f"footnote-{lang}")
            field.setAccessibleName(
                _("{language} text of the footnote").format(language=language_name(lang))
            )
            field.setPlaceholderText(_("The complete note, with its final full stop"))
            field.edited.connect(lambda code=lang: self._edited(code))
            caption.setBuddy(field)
            column.addWidget(caption)
            column.addWidget(field)
            row.addLayout(column)
            self.fields[lang] = field
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row, 1)
        layout.addWidget(self.uses)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.delete.clicked.connect(self._delete)
        controller.layout_ready.connect(lambda _lang: self._show_heading())

    def show_footnote(self, footnote_id: str) -> None:
        """Edit another footnote."""
        self.controller.session.editor.close_merging()
        self.footnote_id = footnote_id
        self.refresh()

    def on_change(self, change: Change) -> None:
        """Refresh after edits that may concern the footnote."""
        if self.footnote_id is None:
            return
        if change.kind is ChangeKind.FOOTNOTE and change.target != self.footnote_id:
            return
        self.refresh()

    def refresh(self) -> None:
        """Show the footnote as the document has it now."""
        document = self.controller.document
        note = document.footnote(self.footnote_id) if self.footnote_id else None
        if note is None:
            self.footnote_id = None
            return
        self._loading = True
        try:
            for lang, field in self.fields.items():
                field.set_items(note.text.get(lang, []))
        finally:
            self._loading = False
        users = footnote_users(document, note.id)
        numbers = self.controller.numbers()
        places = [describe(numbers, ident) for ident in paragraphs_using(document, note.id)]
        if document.metadata.sponsors_note == note.id:
            places.insert(0, _("the sponsors line"))
        self.uses.setText(
            _("Used in: {places}").format(places=", ".join(places))
            if users
            else _("Not used anywhere yet: insert it with Insert ▸ Footnote.")
        )
        self.delete.setEnabled(not users)
        self._show_heading()

    def _show_heading(self) -> None:
        if self.footnote_id is None:
            return
        source = self.controller.document.metadata.source_language
        mark = self.controller.footnote_marks(source).get(self.footnote_id, "–")
        self.heading.setText(_("Footnote {mark}").format(mark=mark))

    def _labeler(self, lang: str) -> ChipLabeler:
        return lambda kind, ident: self._chip(kind, ident, lang)

    def _chip(self, kind: str, ident: str, lang: str) -> str:
        return self.controller.footnote_marks(lang).get(ident, "?") if kind == "fn" else "→"

    def _edited(self, lang: str) -> None:
        if self._loading or self.footnote_id is None:
            return
        items = self.fields[lang].items()
        footnote = self.controller.document.footnote(self.footnote_id)
        if footnote is not None and footnote.text.get(lang, []) == items:
            return  # a format-only change of the field (a highlighter): nothing was edited
        self.controller.execute(SetFootnoteText(self.footnote_id, lang, items), typing=True)

    def _delete(self) -> None:
        if self.footnote_id is not None:
            self.controller.execute(RemoveFootnote(self.footnote_id))


def describe(numbers: ParagraphNumbers, paragraph_id: str) -> str:
    """ "operative paragraph 3", "preambular paragraph 2", "sub-paragraph 4 (b)"."""
    position = numbers.positions.get(paragraph_id)
    if position is None:
        return paragraph_id
    if position.path:
        label = numbers.label(paragraph_id, "en")
        return _("sub-paragraph {label}").format(label=f"{position.top_index} {label}")
    if position.part is Part.PREAMBLE:
        return _("preambular paragraph {number}").format(number=position.top_index)
    return _("operative paragraph {number}").format(number=position.top_index)
