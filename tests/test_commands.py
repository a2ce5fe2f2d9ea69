"""Undoable commands: every edit reverts exactly; translations go stale when the source moves."""

from __future__ import annotations

import pytest

from draftdesk.commands import (
    AddFootnote,
    DeleteParagraph,
    Editor,
    InsertParagraph,
    SetMetadata,
    SetParagraphField,
    SetText,
    new_document,
)
from draftdesk.errors import CommandError
from draftdesk.model import fileformat
from draftdesk.model.document import Document, Footnote, Paragraph, Part, TranslationState
from draftdesk.model.inline import parse_inline
from draftdesk.packs.model import Pack


def test_undo_redo_restores_the_exact_document(un_document: Document) -> None:
    """A sequence of edits undone leaves the document byte-identical; redo replays it."""
    original = fileformat.dumps(un_document)
    editor = Editor(un_document)
    editor.execute(InsertParagraph(Paragraph("op-x"), Part.OPERATIVE, 3))
    editor.execute(SetText("op-x", "en", parse_inline("Decides to act")))
    editor.execute(SetParagraphField("op-x", "opener", "decides"))
    editor.execute(AddFootnote(Footnote("fn-new", {"en": parse_inline("See x.")})))
    editor.execute(SetMetadata("symbol", "A/72/L.21"))
    editor.execute(DeleteParagraph(un_document.preamble[0].id))
    edited = fileformat.dumps(un_document)
    assert editor.modified
    names = [editor.undo() for _ in range(6)]
    assert names == ["Delete paragraph", "Edit details", "Add footnote", "Change clause",
                     "Edit text", "Insert paragraph"]  # fmt: skip
    assert editor.undo() is None
    assert fileformat.dumps(un_document) == original
    assert not editor.modified
    for _ in range(6):
        editor.redo()
    assert fileformat.dumps(un_document) == edited
    assert editor.redo() is None


def test_refused_commands_change_nothing(un_document: Document) -> None:
    """Commands that cannot apply raise CommandError and leave no trace in the history."""
    editor = Editor(un_document)
    before = fileformat.dumps(un_document)
    with pytest.raises(CommandError, match="already used"):
        editor.execute(InsertParagraph(Paragraph(un_document.operative[0].id), Part.OPERATIVE, 0))
    with pytest.raises(CommandError, match="position 99"):
        editor.execute(InsertParagraph(Paragraph("op-x"), Part.OPERATIVE, 99))
    with pytest.raises(CommandError, match="unknown footnote"):
        editor.execute(SetText(un_document.operative[0].id, "en", parse_inline("x[^nope]")))
    with pytest.raises(CommandError, match="no paragraph"):
        editor.execute(DeleteParagraph("nope"))
    assert fileformat.dumps(un_document) == before
    assert editor.undo_stack == []


def test_subparagraph_depth_is_limited(un_document: Document) -> None:
    """Sub-paragraphs nest at most three levels."""
    editor = Editor(un_document)
    parent = un_document.operative[0].id
    for level in range(3):
        editor.execute(InsertParagraph(Paragraph(f"sub-{level}"), Part.OPERATIVE, 0, parent))
        parent = f"sub-{level}"
    with pytest.raises(CommandError, match="at most 3 levels"):
        editor.execute(InsertParagraph(Paragraph("sub-3"), Part.OPERATIVE, 0, parent))


def test_editing_the_source_makes_the_translation_stale(un_document: Document) -> None:
    """EN is the source: editing it marks FR stale until FR is edited in turn."""
    editor = Editor(un_document)
    paragraph = un_document.operative[2]
    assert paragraph.translation_state("fr", "en") is TranslationState.CURRENT
    editor.execute(SetText(paragraph.id, "en", parse_inline("notes with great satisfaction")))
    assert paragraph.translation_state("fr", "en") is TranslationState.STALE
    assert paragraph.translation_state("en", "en") is TranslationState.SOURCE
    editor.execute(SetText(paragraph.id, "fr", parse_inline("note avec grande satisfaction")))
    assert paragraph.translation_state("fr", "en") is TranslationState.CURRENT
    editor.undo()
    assert paragraph.translation_state("fr", "en") is TranslationState.STALE
    editor.execute(SetText(paragraph.id, "fr", []))
    assert paragraph.translation_state("fr", "en") is TranslationState.MISSING


def test_new_document_from_pack(un_pack: Pack) -> None:
    """A new document records the pack, its version and the body; bad bodies are refused."""
    document = new_document(un_pack, "general-assembly", source_language="fr")
    meta = document.metadata
    assert (meta.pack, meta.pack_version, meta.body) == ("un-ga", "1.0.0", "general-assembly")
    assert meta.languages == ["en", "fr"] and meta.source_language == "fr"
    with pytest.raises(CommandError, match="bodies: general-assembly"):
        new_document(un_pack, "security-council")
