"""Paragraph commands of the window: insert, footnotes, cross-references, move, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from draftdesk.commands import (
    AddFootnote,
    Command,
    DeleteParagraph,
    InsertParagraph,
    MoveParagraph,
    SetText,
    new_paragraph_id,
)
from draftdesk.edit_commands import Compound, ReparentParagraph, new_footnote
from draftdesk.gui.i18n import _
from draftdesk.gui.messages import show_error
from draftdesk.model.document import Paragraph, Part, TranslationState
from draftdesk.palette import PaletteEntry, new_paragraph

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow


class ParagraphOps:
    """What the Insert, Paragraph and Translation menus do, each edit one command."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # Inserting -------------------------------------------------------------------------------

    def _insert_place(self, part: Part) -> int:
        """Where a new paragraph of `part` goes: after the selected one's top-level paragraph
        when it is in the same part, else at the end of the part."""
        document = self.window.controller.document
        current = self.window.selected_paragraph()
        if current is not None and document.part_of(current.id) is part:
            _siblings, index, parent = document.locate(current.id)
            while parent is not None:
                _siblings, index, parent = document.locate(parent.id)
            return index + 1
        return len(document.part_list(part))

    def insert_paragraph(
        self, paragraph: Paragraph, part: Part, *, name: str = "Insert paragraph"
    ) -> None:
        """Insert after the selection (or at the end of the part) and start editing it."""
        command = InsertParagraph(paragraph, part, self._insert_place(part), name=name)
        if self.window.controller.execute(command):
            self.window.select_paragraph(paragraph.id, focus_text=True)

    def insert_entry(self, entry: PaletteEntry) -> None:
        """Insert a palette entry (opener or clause) as a new paragraph."""
        paragraph = new_paragraph(
            entry, self.window.controller.session.pack, self.window.controller.document
        )
        self.insert_paragraph(paragraph, entry.part)

    def add_preambular(self) -> None:
        """A new empty preambular paragraph."""
        self._add_empty(Part.PREAMBLE)

    def add_operative(self) -> None:
        """A new empty operative paragraph."""
        self._add_empty(Part.OPERATIVE)

    def _add_empty(self, part: Part) -> None:
        prefix = "pp" if part is Part.PREAMBLE else "op"
        self.insert_paragraph(
            Paragraph(new_paragraph_id(self.window.controller.document, prefix)), part
        )

    def add_subparagraph(self) -> None:
        """A new sub-paragraph at the end of the selected paragraph's sub-paragraphs."""
        current = self.window.selected_paragraph()
        if current is None:
            return
        part = self.window.controller.document.part_of(current.id)
        paragraph = Paragraph(new_paragraph_id(self.window.controller.document, "sub"))
        command = InsertParagraph(paragraph, part, len(current.children), parent_id=current.id)
        if self.window.controller.execute(command):
            self.window.select_paragraph(paragraph.id, focus_text=True)

    def new_paragraph_after(self) -> None:
        """Enter in a text field: a new paragraph of the same kind below, as in Word."""
        current = self.window.selected_paragraph()
        if current is None:
            return
        document = self.window.controller.document
        part = document.part_of(current.id)
        _siblings, index, parent = document.locate(current.id)
        prefix = "sub" if parent else ("pp" if part is Part.PREAMBLE else "op")
        paragraph = Paragraph(new_paragraph_id(document, prefix))
        command = InsertParagraph(
            paragraph, part, index + 1, parent_id=parent.id if parent else None
        )
        if self.window.controller.execute(command):
            self.window.select_paragraph(paragraph.id, focus_text=True)

    def insert_footnote(self) -> None:
        """Insert a new footnote, or the same footnote again, at the cursor."""
        current = self.window.selected_paragraph()
        if current is None or not self.window.editing_paragraph():
            show_error(
                self.window,
                _("Insert footnote"),
                _("Select a paragraph and put the cursor where the footnote goes."),
            )
            return
        lang = self.window.editor.active_lang
        from draftdesk.gui.insert_dialogs import FootnoteDialog  # loaded when first used

        dialog = FootnoteDialog(self.window.controller, lang, self.window)
        if not dialog.exec():
            return
        existing = dialog.existing_id()
        if existing is not None:
            self._insert_chip(current.id, lang, "fn", existing, [], "Insert footnote")
            return
        note = new_footnote(self.window.controller.document, dialog.new_text())
        self._insert_chip(current.id, lang, "fn", note.id, [AddFootnote(note)], "Insert footnote")

    def _insert_chip(
        self, paragraph_id: str, lang: str, kind: str, ident: str, before: list[Command], name: str
    ) -> None:
        """Put a mark at the cursor and record it (with `before`) as one undo step."""
        editor = self.window.editor
        field = editor.active_text()
        with editor.quiet():  # the field's own change must not become a second command
            field.insert_chip(kind, ident)
        command = Compound([*before, SetText(paragraph_id, lang, field.items())], name=name)
        if not self.window.controller.execute(command):
            editor.refresh()  # refused: show the text as the document still has it

    def insert_crossref(self) -> None:
        """Insert a reference to another paragraph ("paragraph 5 above") at the cursor."""
        current = self.window.selected_paragraph()
        if current is None or not self.window.editing_paragraph():
            show_error(
                self.window,
                _("Insert cross-reference"),
                _("Select a paragraph and put the cursor where the reference goes."),
            )
            return
        lang = self.window.editor.active_lang
        from draftdesk.gui.insert_dialogs import CrossReferenceDialog

        dialog = CrossReferenceDialog(self.window.controller, current.id, lang, self.window)
        if not dialog.exec() or dialog.chosen() is None:
            return
        self._insert_chip(
            current.id, lang, "xref", str(dialog.chosen()), [], "Insert cross-reference"
        )

    def toggle_italic(self) -> None:
        """Italic on or off in the text field being edited."""
        if self.window.editing_paragraph():
            self.window.editor.active_text().toggle_italic()

    # Moving ----------------------------------------------------------------------------------

    def move_up(self) -> None:
        """Move the selected paragraph one place up among its siblings."""
        self._move(-1)

    def move_down(self) -> None:
        """Move the selected paragraph one place down among its siblings."""
        self._move(1)

    def _move(self, step: int) -> None:
        current = self.window.selected_paragraph()
        if current is None:
            return
        siblings, index, _parent = self.window.controller.document.locate(current.id)
        target = index + step
        if 0 <= target < len(siblings):
            self.window.controller.execute(MoveParagraph(current.id, target))
            self.window.select_paragraph(current.id)

    def indent(self) -> None:
        """Make the selected paragraph a sub-paragraph of the one above it."""
        current = self.window.selected_paragraph()
        if current is None:
            return
        siblings, index, _parent = self.window.controller.document.locate(current.id)
        if index == 0:
            show_error(
                self.window,
                _("Not possible"),
                _("The first paragraph has no paragraph above it to go under."),
            )
            return
        above = siblings[index - 1]
        if self.window.controller.execute(
            ReparentParagraph(current.id, above.id, len(above.children))
        ):
            self.window.select_paragraph(current.id)

    def outdent(self) -> None:
        """Take a sub-paragraph out of its parent, placing it just after it."""
        current = self.window.selected_paragraph()
        if current is None:
            return
        document = self.window.controller.document
        _siblings, _index, parent = document.locate(current.id)
        if parent is None:
            return
        _parents, parent_index, grandparent = document.locate(parent.id)
        command = ReparentParagraph(
            current.id, grandparent.id if grandparent else None, parent_index + 1
        )
        if self.window.controller.execute(command):
            self.window.select_paragraph(current.id)

    def drop_move(self, ident: str, part: str, parent: str | None, index: int) -> None:
        document = self.window.controller.document
        if document.part_of(ident).value != part:
            show_error(
                self.window,
                _("Not possible"),
                _(
                    "A paragraph stays in its part: drag it within the preamble "
                    "or the operative part."
                ),
            )
            return
        _siblings, _old, old_parent = document.locate(ident)
        if (old_parent.id if old_parent else None) == parent:
            if index != _old:
                self.window.controller.execute(MoveParagraph(ident, index))
        else:
            self.window.controller.execute(ReparentParagraph(ident, parent, index))
        self.window.select_paragraph(ident)

    def delete_paragraph(self) -> None:
        """Delete the selected paragraph (undo brings it back)."""
        current = self.window.selected_paragraph()
        if current is None:
            return
        document = self.window.controller.document
        siblings, index, parent = document.locate(current.id)
        neighbour = (
            siblings[index + 1]
            if index + 1 < len(siblings)
            else (siblings[index - 1] if index else parent)
        )
        if self.window.controller.execute(DeleteParagraph(current.id)):
            if neighbour is not None:
                self.window.select_paragraph(neighbour.id)
            else:
                self.window.show_welcome()

    # Translation -----------------------------------------------------------------------------

    def confirm_translation(self) -> None:
        """Mark the other language of the selected paragraph as up to date."""
        meta = self.window.controller.document.metadata
        other = next((lang for lang in meta.languages if lang != meta.source_language), None)
        if other and self.window.selected_paragraph() is not None:
            self.window.editor.confirm_translation(other)

    def next_untranslated(self) -> None:
        """Go to the next paragraph whose translation is missing or out of date."""
        document = self.window.controller.document
        meta = document.metadata
        paragraphs = list(document.all_paragraphs())
        current = self.window.selected_paragraph()
        start = next(
            (i + 1 for i, p in enumerate(paragraphs) if current and p.id == current.id), 0
        )
        for paragraph in paragraphs[start:] + paragraphs[:start]:
            for lang in meta.languages:
                if lang != meta.source_language and paragraph.translation_state(
                    lang, meta.source_language
                ) in (TranslationState.MISSING, TranslationState.STALE):
                    self.window.select_paragraph(paragraph.id)
                    self.window.editor.focus_text(lang)
                    return
        self.window.statusBar().showMessage(
            _("Every paragraph is translated and up to date."), 5000
        )
