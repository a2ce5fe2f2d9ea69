"""Desktop edits: typing merges into one undo step, compound edits, footnotes, re-parenting."""

from __future__ import annotations

import pytest

from draftdesk.commands import AddFootnote, Editor, InsertParagraph, SetMetadata, SetText
from draftdesk.edit_commands import (
    Compound,
    RemoveFootnote,
    ReparentParagraph,
    SetFootnoteText,
    footnote_users,
    new_footnote,
)
from draftdesk.errors import CommandError
from draftdesk.model import fileformat
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.model.inline import FootnoteRef, Text, parse_inline, plain_text
from draftdesk.numbering import number_paragraphs


def _type(editor: Editor, paragraph_id: str, text: str, start: float) -> None:
    """Type `text` one keystroke at a time, 0.1 s apart, as the editor widget does."""
    for index in range(1, len(text) + 1):
        editor.execute_merging(
            SetText(paragraph_id, "en", [Text(text[:index])], name="Typing"),
            now=start + index * 0.1,
        )


def test_typing_merges_into_one_undo_step(un_document: Document) -> None:
    """Keystrokes within the window are one step; undo restores the text before typing."""
    original = fileformat.dumps(un_document)
    editor = Editor(un_document)
    editor.execute(InsertParagraph(Paragraph("op-new"), Part.OPERATIVE, 0))
    _type(editor, "op-new", "to act", start=100.0)
    assert len(editor.undo_stack) == 2
    paragraph = un_document.find_paragraph("op-new")
    assert paragraph is not None and plain_text(paragraph.text["en"]) == "to act"
    assert editor.undo() == "Typing"
    assert "en" not in paragraph.text
    assert editor.redo() == "Typing"
    assert plain_text(paragraph.text["en"]) == "to act"
    editor.undo()
    editor.undo()
    assert fileformat.dumps(un_document) == original


def test_a_pause_or_a_save_starts_a_new_step(un_document: Document) -> None:
    """Typing after a 2 s pause, after a save or in another language is a new step."""
    editor = Editor(un_document)
    target = un_document.operative[0].id
    _type(editor, target, "ab", start=0.0)
    _type(editor, target, "abcd", start=10.0)  # long pause
    assert len(editor.undo_stack) == 2
    editor.close_merging()
    editor.mark_saved()
    editor.execute_merging(SetText(target, "en", [Text("abcde")]), now=10.6)
    assert len(editor.undo_stack) == 3 and editor.changes == 1
    editor.execute_merging(SetText(target, "fr", [Text("x")]), now=10.7)
    assert len(editor.undo_stack) == 4
    editor.execute_merging(SetMetadata("symbol", "A/1"), now=10.8)
    editor.execute_merging(SetMetadata("symbol", "A/12"), now=10.9)
    assert len(editor.undo_stack) == 5
    assert un_document.metadata.symbol == "A/12"
    editor.undo()
    assert un_document.metadata.symbol == "A/72/L.20"


def test_compound_is_one_step_and_refusal_changes_nothing(un_document: Document) -> None:
    """Insert footnote = add note + mark in the text: one undo step, all or nothing."""
    editor = Editor(un_document)
    target = un_document.operative[1]
    note = new_footnote(un_document, {"en": parse_inline("See A/72/1."), "fr": []})
    items = [*target.text["en"], FootnoteRef(note.id)]
    before = fileformat.dumps(un_document)
    editor.execute(
        Compound([AddFootnote(note), SetText(target.id, "en", items)], name="Insert footnote")
    )
    assert un_document.footnote(note.id) is not None
    assert footnote_users(un_document, note.id) == [f"paragraph {target.id!r} (EN)"]
    assert editor.undo() == "Insert footnote"
    assert fileformat.dumps(un_document) == before
    broken = Compound([AddFootnote(note), SetText("nowhere", "en", [])])
    with pytest.raises(CommandError, match="nowhere"):
        editor.execute(broken)
    assert fileformat.dumps(un_document) == before


def test_footnote_text_and_removal(un_document: Document) -> None:
    """Footnote text edits undo; a referenced footnote cannot be removed, a free one can."""
    editor = Editor(un_document)
    used = "fn-oic-name"
    editor.execute(SetFootnoteText(used, "en", parse_inline("New text.")))
    note = un_document.footnote(used)
    assert note is not None and plain_text(note.text["en"]) == "New text."
    editor.undo()
    assert plain_text(note.text["en"]).startswith("On 28 June 2011")
    with pytest.raises(CommandError, match="still used in paragraph"):
        editor.execute(RemoveFootnote(used))
    free = new_footnote(un_document, {"en": [Text("Unused.")]})
    editor.execute(AddFootnote(free))
    editor.execute(RemoveFootnote(free.id))
    assert un_document.footnote(free.id) is None
    editor.undo()
    assert un_document.footnotes[-1].id == free.id


def test_indent_and_outdent_renumber(un_document: Document) -> None:
    """Operative 3 under operative 2 becomes 2 (a); the paragraphs after it move up."""
    editor = Editor(un_document)
    second, third = un_document.operative[1].id, un_document.operative[2].id
    count = len(un_document.operative)
    editor.execute(ReparentParagraph(third, second, 0))
    numbers = number_paragraphs(un_document)
    assert numbers.label(third, "en") == "(a)"
    assert numbers.label(third, "fr") == "a)"
    assert len(un_document.operative) == count - 1
    editor.execute(ReparentParagraph(third, None, 2))  # outdent back to its place
    assert number_paragraphs(un_document).label(third, "en") == "3."
    editor.undo()
    editor.undo()
    assert [p.id for p in un_document.operative][1:3] == [second, third]
    with pytest.raises(CommandError, match="stays in its part"):
        editor.execute(ReparentParagraph(third, un_document.preamble[0].id, 0))
    with pytest.raises(CommandError, match="under itself"):
        editor.execute(ReparentParagraph(second, second, 0))
