"""The open document as the widgets see it: commands in, change notices and layouts out."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from draftdesk.commands import (
    AddFootnote,
    Command,
    DeleteParagraph,
    InsertParagraph,
    MoveParagraph,
    SetMetadata,
    SetParagraphField,
    SetText,
)
from draftdesk.edit_commands import Compound, RemoveFootnote, ReparentParagraph, SetFootnoteText
from draftdesk.errors import CommandError, DraftDeskError
from draftdesk.model.document import Document, Paragraph
from draftdesk.numbering import ParagraphNumbers, number_paragraphs
from draftdesk.render.builder import Renderer
from draftdesk.render.layout import Layout
from draftdesk.session import Session

TYPING_WINDOW = 2.0
"""Seconds within which keystrokes in one field undo as one step."""


class ChangeKind(StrEnum):
    """What an edit touched, so each widget refreshes only what it shows."""

    TEXT = "text"  # one paragraph's text, opener, clause or slots
    FOOTNOTE = "footnote"  # one footnote's text
    METADATA = "metadata"
    STRUCTURE = "structure"  # paragraphs or footnotes added, removed, moved
    DOCUMENT = "document"  # a different document (new, open, reload, recovery)


@dataclass(slots=True, frozen=True)
class Change:
    """A change notice: its kind and, for TEXT/FOOTNOTE, which paragraph or footnote."""

    kind: ChangeKind
    target: str | None = None
    lang: str | None = None


def change_of(command: Command) -> Change:
    """The change a command makes (also when it is undone or redone)."""
    if isinstance(command, SetText):
        return Change(ChangeKind.TEXT, command.paragraph_id, command.lang)
    if isinstance(command, SetParagraphField):
        return Change(ChangeKind.TEXT, command.paragraph_id)
    if isinstance(command, SetFootnoteText):
        return Change(ChangeKind.FOOTNOTE, command.footnote_id, command.lang)
    if isinstance(command, SetMetadata):
        return Change(ChangeKind.METADATA, command.field_name)
    if isinstance(
        command,
        (
            InsertParagraph,
            DeleteParagraph,
            MoveParagraph,
            ReparentParagraph,
            AddFootnote,
            RemoveFootnote,
            Compound,
        ),
    ):
        return Change(ChangeKind.STRUCTURE)
    return Change(ChangeKind.DOCUMENT)


class DocumentController(QObject):
    """Wraps a Session: runs commands, keeps layouts fresh, tells widgets what changed.

    Layouts are rendered on demand from the one pipeline (Renderer → Layout) and cached
    until the next edit. The language the preview shows is rendered at once; the other
    is rendered when the editor is idle (its footnote numbers follow a moment later).
    """

    changed = Signal(object)  # Change
    layout_ready = Signal(str)  # language whose layout was just rendered
    modified_changed = Signal(bool)
    refused = Signal(str)  # a command could not be applied: the reason, one line
    structural_edit = Signal()  # worth an immediate autosave

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.renderer = Renderer(session.pack)
        self.generation = 0
        self.structure_generation = 0  # advanced by edits that can change numbering
        self._layouts: dict[str, tuple[int, Layout]] = {}
        self._errors: dict[str, tuple[int, str]] = {}
        self._numbers: tuple[int, ParagraphNumbers] | None = None
        self._found: tuple[int, dict[str, Paragraph | None]] = (-1, {})
        self._marks: dict[str, tuple[Layout, dict[str, str]]] = {}
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(600)  # after the first paint, between bursts of typing
        self._idle.timeout.connect(self._render_all)

    # Document access -------------------------------------------------------------------

    @property
    def document(self) -> Document:
        """The document being edited."""
        return self.session.document

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        """The paragraph with this id as the document holds it now, or None.

        Looked up once per edit: the editor asks several times for each change, and a
        look-up walks the resolution.
        """
        generation, found = self._found
        if generation != self.generation:
            found = {}
            self._found = (self.generation, found)
        if paragraph_id not in found:
            found[paragraph_id] = self.document.find_paragraph(paragraph_id)
        return found[paragraph_id]

    def replace_session(self, session: Session) -> None:
        """Show another document (new, opened, reloaded or recovered)."""
        self.session = session
        self.renderer = Renderer(session.pack)
        self._touch(Change(ChangeKind.DOCUMENT))

    # Editing ---------------------------------------------------------------------------

    def execute(self, command: Command, *, typing: bool = False) -> bool:
        """Run a command through the undo history; False (and `refused`) when refused."""
        editor = self.session.editor
        try:
            if typing:
                editor.execute_merging(command, now=time.monotonic(), window=TYPING_WINDOW)
            else:
                editor.close_merging()
                editor.execute(command)
        except CommandError as exc:
            self.refused.emit(str(exc))
            return False
        change = change_of(command)
        self._touch(change)
        if change.kind is ChangeKind.STRUCTURE:
            self.structural_edit.emit()
        return True

    def undo(self) -> str | None:
        """Undo the last step; returns its name."""
        return self._history(undo=True)

    def redo(self) -> str | None:
        """Redo the last undone step; returns its name."""
        return self._history(undo=False)

    def _history(self, *, undo: bool) -> str | None:
        editor = self.session.editor
        editor.close_merging()
        stack = editor.undo_stack if undo else editor.redo_stack
        if not stack:
            return None
        command = stack[-1]
        name = editor.undo() if undo else editor.redo()
        change = change_of(command)
        self._touch(change)
        if change.kind is ChangeKind.STRUCTURE:
            self.structural_edit.emit()
        return name

    def undo_name(self) -> str | None:
        """Name of the step Undo would revert, or None."""
        stack = self.session.editor.undo_stack
        return stack[-1].name if stack else None

    def redo_name(self) -> str | None:
        """Name of the step Redo would re-apply, or None."""
        stack = self.session.editor.redo_stack
        return stack[-1].name if stack else None

    def saved(self) -> None:
        """Tell the widgets the document was just saved (title bar mark, autosave)."""
        self.modified_changed.emit(self.session.modified)

    def _touch(self, change: Change) -> None:
        self.generation += 1
        if change.kind not in (ChangeKind.TEXT, ChangeKind.FOOTNOTE, ChangeKind.METADATA):
            self.structure_generation += 1
        self.changed.emit(change)
        self.modified_changed.emit(self.session.modified)
        self._idle.start()

    # Rendering ---------------------------------------------------------------------------

    def numbers(self) -> ParagraphNumbers:
        """Positions and labels of every paragraph as the document is now."""
        # Numbers follow the paragraph tree only: text, footnote and metadata edits keep them.
        if self._numbers is None or self._numbers[0] != self.structure_generation:
            self._numbers = (self.structure_generation, number_paragraphs(self.document))
        return self._numbers[1]

    def layout(self, lang: str) -> Layout | None:
        """The current Layout of `lang`, rendered now if stale; None when it cannot render."""
        cached = self._layouts.get(lang)
        if cached is not None and cached[0] == self.generation:
            return cached[1]
        error = self._errors.get(lang)
        if error is not None and error[0] == self.generation:
            return None
        try:
            layout = self.renderer.layout(self.document, lang, self.numbers())
        except (DraftDeskError, ValueError) as exc:  # LanguageError is a ValueError
            self._errors[lang] = (self.generation, str(exc))
            return None
        self._layouts[lang] = (self.generation, layout)
        self.layout_ready.emit(lang)
        return layout

    def last_layout(self, lang: str) -> Layout | None:
        """The most recent Layout of `lang` even if an edit made it stale (for numbers)."""
        cached = self._layouts.get(lang)
        if cached is None or cached[0] != self.generation:
            self._idle.start()
        return cached[1] if cached else None

    def render_error(self, lang: str) -> str | None:
        """Why `lang` does not render as the document is now, or None."""
        self.layout(lang)
        error = self._errors.get(lang)
        return error[1] if error and error[0] == self.generation else None

    def footnote_marks(self, lang: str) -> dict[str, str]:
        """Footnote id → printed mark ("3", "*") in `lang`, from its latest Layout."""
        layout = self.last_layout(lang)
        if layout is None:
            return {}
        cached = self._marks.get(lang)
        if cached is None or cached[0] is not layout:  # asked once per chip the editor draws
            cached = (layout, {note.footnote_id: note.mark for note in layout.notes})
            self._marks[lang] = cached
        return cached[1]

    def _render_all(self) -> None:
        for lang in self.document.metadata.languages:
            self.layout(lang)
