"""The bilingual paragraph editor: opener, clause slots, English and French side by side."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from draftdesk.commands import SetParagraphField, SetText
from draftdesk.edit_commands import clause_to_text
from draftdesk.errors import CommandError
from draftdesk.gui.controller import Change, ChangeKind, DocumentController
from draftdesk.gui.i18n import N_, _, current_language
from draftdesk.gui.inline_edit import InlineTextEdit
from draftdesk.gui.language_column import LanguageColumn
from draftdesk.gui.preview_html import runs_html
from draftdesk.gui.slot_form import SlotForm
from draftdesk.gui.translation_words import (
    in_both_languages,
    language_name,
    reading_order,
    status_style,
    status_text,
    tail_placeholder,
    text_placeholder,
)
from draftdesk.model.document import LANGUAGES, Paragraph, Part, TranslationState
from draftdesk.numbering import cross_reference_text
from draftdesk.packs.model import Clause, Phrase

__all__ = ["ParagraphEditor", "language_name"]  # the footnote editor names languages alike

CONVERT_STEP = N_("Convert to free text")
"""The undo step of Convert to Free Text (named by the core command), for the catalogue."""


class ParagraphEditor(QScrollArea):
    """Edits the selected paragraph through commands; never holds a copy of the document."""

    new_paragraph_requested = Signal()
    focus_language = Signal(str)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.paragraph_id: str | None = None
        self.part = Part.OPERATIVE
        self.active_lang = controller.document.metadata.source_language
        self._loading = False
        inner = QWidget(self)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heading = QLabel(inner)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.opener = QComboBox(inner)
        self.opener.setAccessibleName(_("Opener"))  # its tooltip follows the choice
        self.opener.setObjectName("opener")
        self.opener.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.opener.setMinimumContentsLength(16)
        self.clause_label = QLabel(inner)
        self.clause_label.setWordWrap(True)
        self.convert = QPushButton(_("Convert to Free Text"), inner)
        self.convert.setObjectName("convert-to-text")
        self.convert.setToolTip(
            _("Replace the clause by the words it prints, to edit them freely (Ctrl+Z undoes)")
        )
        self.convert.clicked.connect(self.convert_to_text)
        clause_row = QHBoxLayout()
        clause_row.addWidget(self.clause_label, 1)
        clause_row.addWidget(self.convert)
        self.slots = SlotForm(inner)
        form = QFormLayout()
        opener_caption = QLabel(_("&Opener:"), inner)
        opener_caption.setBuddy(self.opener)
        form.addRow(opener_caption, self.opener)
        form.addRow(clause_row)
        form.addRow(self.slots)
        self.columns = {lang: LanguageColumn(lang, self, inner) for lang in ("en", "fr")}
        self.grid = QGridLayout()
        for number, column in enumerate(self.columns.values()):
            column.place(self.grid, number)
            self.grid.setColumnStretch(number, 1)
        self._clause_mode: bool | None = None
        self._set_clause_mode(False)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(self.grid, 1)
        for lang, column in self.columns.items():
            column.text.edited.connect(lambda code=lang: self._text_edited(code))
            column.text.enter_pressed.connect(self.new_paragraph_requested)
            column.text.installEventFilter(self)
            column.confirm.clicked.connect(
                lambda _c=False, code=lang: self.confirm_translation(code)
            )
        self.opener.currentIndexChanged.connect(self._opener_chosen)
        self.slots.slots_changed.connect(self._slots_changed)
        controller.layout_ready.connect(self._layout_ready)

    # Showing -----------------------------------------------------------------------------

    def paragraph(self) -> Paragraph | None:
        """The paragraph being edited, as the document holds it now."""
        if self.paragraph_id is None:
            return None
        return self.controller.paragraph(self.paragraph_id)

    def show_paragraph(self, paragraph_id: str) -> None:
        """Edit another paragraph."""
        self.controller.session.editor.close_merging()
        self.paragraph_id = paragraph_id
        self.part = self.controller.document.part_of(paragraph_id)
        self._fill_openers()
        self.refresh(full=True)

    def _fill_openers(self) -> None:
        pack = self.controller.session.pack
        library = Part.PREAMBLE if self.part is Part.PREAMBLE else Part.OPERATIVE
        languages = self.controller.document.metadata.languages
        first, second = reading_order(languages)[:2]
        self._loading = True
        self.opener.clear()
        self.opener.addItem(_("(no opener)"), "")
        for key, phrase in pack.phrases.get(library, {}).items():
            forms = self._forms(phrase)
            self.opener.addItem(f"{forms[first]} — {forms[second]}", key)
            self.opener.setItemData(
                self.opener.count() - 1,
                in_both_languages(forms, languages),
                Qt.ItemDataRole.ToolTipRole,
            )
        self._loading = False

    def refresh(self, full: bool = False) -> None:
        """Show the paragraph as the document has it (after an edit, an undo …)."""
        paragraph = self.paragraph()
        if paragraph is None:
            return
        document = self.controller.document
        pack = self.controller.session.pack
        source = document.metadata.source_language
        self._loading = True
        try:
            self.heading.setText(self._title(paragraph.id))
            clause = pack.clauses.get(paragraph.clause) if paragraph.clause else None
            first_text, first_tip = self._first_opener_item(clause)
            self.opener.setItemText(0, first_text)
            self.opener.setItemData(0, first_tip or None, Qt.ItemDataRole.ToolTipRole)
            self.opener.setCurrentIndex(max(self.opener.findData(paragraph.opener or ""), 0))
            current_tip = self.opener.itemData(
                self.opener.currentIndex(), Qt.ItemDataRole.ToolTipRole
            )
            general = _("The phrase the paragraph starts with, in both languages")
            self.opener.setToolTip(current_tip or general)
            if clause is not None:
                ui = current_language()
                name = clause.label.get(ui) or clause.label.get("en") or clause.key
                self.clause_label.setText(_("Clause: {name}").format(name=name))
                self.clause_label.show()
                self.convert.show()
                if full or paragraph.slots != self.slots.values:
                    # Rebuilt for another paragraph or an undo, never for the form's own
                    # edit: that would delete the widget whose signal is being handled.
                    self.slots.show_clause(clause, paragraph.slots, pack, document)
                self.slots.show()
            else:
                self.clause_label.hide()
                self.convert.hide()
                self.slots.hide()
            self._set_clause_mode(clause is not None)
            for lang, column in self.columns.items():
                column.heading.setText(language_name(lang))
                column.text.setPlaceholderText(self._placeholder(lang, paragraph, clause))
                column.text.set_items(paragraph.text.get(lang, []))
                state = paragraph.translation_state(lang, source)
                column.status.setText(status_text(state))
                style = status_style(state)
                if column.status.styleSheet() != style:  # a style sheet re-polishes: costly
                    column.status.setStyleSheet(style)
                column.confirm.setVisible(state is TranslationState.STALE)
                column.setEnabled(lang in document.metadata.languages)
        finally:
            self._loading = False
        for lang in self.columns:
            self._layout_ready(lang)

    def _set_clause_mode(self, clause: bool) -> None:
        """Lay the columns out for a clause paragraph or a free-text one."""
        if clause is self._clause_mode:
            return
        self._clause_mode = clause
        for column in self.columns.values():
            column.arrange(self.grid, clause=clause)
        # The growing row: the text field of free text; below everything for a clause.
        for row in range(6):
            self.grid.setRowStretch(row, 0)
        self.grid.setRowStretch(5 if clause else 2, 1)

    def _forms(self, phrase: Phrase) -> dict[str, str]:
        """An opener in each language, agreeing with the document's body in French."""
        pack = self.controller.session.pack
        body = pack.bodies[self.controller.document.metadata.body]
        return {lang: phrase.form(lang, body) for lang in LANGUAGES}

    def _first_opener_item(self, clause: Clause | None) -> tuple[str, str]:
        """First line of the opener list and its tooltip: no opener, or the clause's own.

        The clause's opener is named once, in the interface language when the document
        has it, so the line fits the box; the tooltip gives it in full in both languages.
        """
        if clause is None or clause.opener is None:
            return _("(no opener)"), ""
        phrase = self.controller.session.pack.phrase(self.part, clause.opener)
        forms = self._forms(phrase) if phrase else dict.fromkeys(LANGUAGES, clause.opener)
        languages = self.controller.document.metadata.languages
        shown = next((lang for lang in reading_order(languages) if lang in languages), "en")
        ui = current_language()
        name = clause.label.get(ui) or clause.label.get("en") or clause.key
        tip = "\n".join(
            (
                _("The opener set by the clause “{name}”:").format(name=name),
                in_both_languages(forms, languages),
                _("Choose another opener in this list to replace it."),
            )
        )
        return _("{opener} (set by the clause)").format(opener=forms[shown]), tip

    def _placeholder(self, lang: str, paragraph: Paragraph, clause: Clause | None) -> str:
        """What an empty text field invites the user to type, in the column's language."""
        if clause is not None:  # the clause writes the sentence; the field only continues it
            return tail_placeholder(self.part, lang)
        pack = self.controller.session.pack
        phrase = pack.phrase(self.part, paragraph.opener) if paragraph.opener else None
        return text_placeholder(lang, self._forms(phrase)[lang] if phrase else None)

    def _title(self, paragraph_id: str) -> str:
        numbers = self.controller.numbers()
        label = numbers.label(paragraph_id, "en")
        position = numbers.positions[paragraph_id]
        if position.path:
            return _("Sub-paragraph {label}").format(label=f"{position.top_index} {label}")
        if position.part is Part.PREAMBLE:
            return _("Preambular paragraph {number}").format(number=position.top_index)
        return _("Operative paragraph {number}").format(number=position.top_index)

    def on_change(self, change: Change) -> None:
        """Refresh when the change concerns this paragraph (or moved things around)."""
        if self.paragraph_id is None:
            return
        if self.paragraph() is None:
            self.paragraph_id = None
            return
        if change.kind is ChangeKind.TEXT and change.target != self.paragraph_id:
            self._refresh_chips()
            return
        self.refresh(full=change.kind is not ChangeKind.TEXT)

    def _layout_ready(self, lang: str) -> None:
        column = self.columns.get(lang)
        if column is None or self.paragraph_id is None:
            return
        layout = self.controller.last_layout(lang)
        if layout is None:
            return
        parts = []
        for block in layout.blocks:
            if block.paragraph_id == self.paragraph_id:
                label = f"{block.label}&nbsp;&nbsp;" if block.label else ""
                parts.append(f"{label}{runs_html(block.runs)}")
        font = layout.font
        column.rendered.setText(
            f"<div style=\"white-space:pre-wrap; font-family:'{font}',serif;\">"
            f"{'<br/>'.join(parts)}</div>"
        )
        column.text.refresh_chips()

    def _refresh_chips(self) -> None:
        for column in self.columns.values():
            column.text.refresh_chips()

    # Chips ---------------------------------------------------------------------------------

    def chip_label(self, kind: str, ident: str, lang: str) -> str:
        """A footnote's live mark, or a cross-reference as it will read."""
        if kind == "fn":
            return self.controller.footnote_marks(lang).get(ident, "?")
        numbers = self.controller.numbers()
        if ident not in numbers.positions:
            return _("(deleted paragraph)")
        return cross_reference_text(numbers, ident, self.paragraph_id or "", lang)

    # Editing -------------------------------------------------------------------------------

    def _text_edited(self, lang: str) -> None:
        if self._loading or self.paragraph_id is None:
            return
        items = self.columns[lang].text.items()
        paragraph = self.paragraph()
        if paragraph is None or items == paragraph.text.get(lang, []):
            return  # a re-format (spelling marks, chips), not an edit: nothing to undo
        command = SetText(self.paragraph_id, lang, items, name="Edit text")
        self.controller.execute(command, typing=True)

    def convert_to_text(self) -> None:
        """Turn the clause into free text that prints the same (one undoable step)."""
        paragraph_id = self.paragraph_id
        if paragraph_id is None:
            return
        try:
            command = clause_to_text(
                self.controller.document, self.controller.session.pack, paragraph_id
            )
        except CommandError as exc:
            self.controller.refused.emit(str(exc))
            return
        if self.controller.execute(command):
            self.focus_text()

    def confirm_translation(self, lang: str) -> None:
        """Record that the translation matches the current source text."""
        paragraph = self.paragraph()
        if paragraph is None:
            return
        items = list(paragraph.text.get(lang, []))
        self.controller.execute(SetText(paragraph.id, lang, items, name="Edit text"))

    def _opener_chosen(self, _index: int) -> None:
        if self._loading or self.paragraph_id is None:
            return
        key = self.opener.currentData() or None
        self.controller.execute(SetParagraphField(self.paragraph_id, "opener", key))

    def _slots_changed(self, values: dict[str, Any], typing: bool) -> None:
        if self._loading or self.paragraph_id is None:
            return
        command = SetParagraphField(self.paragraph_id, "slots", values)
        self.controller.execute(command, typing=typing)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Change a field without turning the change into a command (the caller does)."""
        loading, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = loading

    def active_text(self) -> InlineTextEdit:
        """The text field the user last worked in (where inserts go)."""
        return self.columns[self.active_lang].text

    def focus_text(self, lang: str | None = None) -> None:
        """Put the cursor at the end of a language's text (default: the source language).

        Without a language (a paragraph just inserted), a clause paragraph gets the cursor
        in its first slot still to fill in: that, not the optional text, is what it needs.
        """
        if lang is None and self._clause_mode:
            slot = self.slots.first_input()
            if slot is not None:
                slot.setFocus()
                return
        lang = lang or self.controller.document.metadata.source_language
        field = self.columns[lang].text
        field.setFocus()
        cursor = field.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        field.setTextCursor(cursor)
        self.active_lang = lang

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Remember which language field has the focus."""
        if event.type() == QEvent.Type.FocusIn:
            for lang, column in self.columns.items():
                if column.text is watched:
                    self.active_lang = lang
        return super().eventFilter(watched, event)
