"""Numbering rules: operative numbers, sub-paragraph labels, footnotes, cross-references."""

from __future__ import annotations

import pytest

from draftdesk.commands import DeleteParagraph, Editor, InsertParagraph, MoveParagraph, SetText
from draftdesk.errors import CommandError
from draftdesk.model.document import Document, Footnote, Paragraph, Part
from draftdesk.model.inline import parse_inline
from draftdesk.numbering import number_footnotes, number_paragraphs, roman, subparagraph_label
from draftdesk.packs.model import Pack
from draftdesk.render import BlockRole, Layout, build_layout


def _para(ident: str, en: str, fr: str | None = None, **kwargs: object) -> Paragraph:
    text = {"en": parse_inline(en), "fr": parse_inline(fr if fr is not None else en)}
    return Paragraph(id=ident, text=text, **kwargs)  # type: ignore[arg-type]


def _numbered(layout: Layout) -> list[str]:
    return [
        f"{block.label} {block.text}"
        for block in layout.blocks
        if block.role in (BlockRole.OPERATIVE, BlockRole.SUBPARAGRAPH)
    ]


def test_subparagraph_labels_per_language() -> None:
    """EN (a) → (i) → a.; FR a) → i) → a. (UN Editorial Manual)."""
    assert [subparagraph_label(1, n, "en") for n in (1, 2, 26, 27)] == [
        "(a)", "(b)", "(z)", "(aa)",
    ]  # fmt: skip
    assert [subparagraph_label(1, n, "fr") for n in (1, 2)] == ["a)", "b)"]
    assert [subparagraph_label(2, n, "en") for n in (1, 4, 9, 14)] == [
        "(i)", "(iv)", "(ix)", "(xiv)",
    ]  # fmt: skip
    assert [subparagraph_label(2, n, "fr") for n in (1, 4)] == ["i)", "iv)"]
    assert subparagraph_label(3, 2, "en") == "b." == subparagraph_label(3, 2, "fr")
    assert roman(1994) == "mcmxciv"


def test_operative_numbers_follow_insert_move_delete(un_document: Document) -> None:
    """Numbers are computed: inserting, moving and deleting renumber everything after."""
    editor = Editor(un_document)
    first = un_document.operative[0].id
    last = un_document.operative[-1].id
    numbers = number_paragraphs(un_document)
    assert numbers.operative_number(first) == 1
    assert numbers.operative_number(last) == 25
    assert numbers.operative_number(un_document.preamble[0].id) is None

    editor.execute(InsertParagraph(_para("op-new", "Decides to act"), Part.OPERATIVE, 0))
    numbers = number_paragraphs(un_document)
    assert numbers.operative_number("op-new") == 1
    assert numbers.operative_number(first) == 2
    assert numbers.operative_number(last) == 26

    editor.execute(MoveParagraph("op-new", 25))
    numbers = number_paragraphs(un_document)
    assert numbers.operative_number("op-new") == 26
    assert numbers.operative_number(first) == 1
    assert numbers.operative_number(last) == 25

    editor.execute(DeleteParagraph(first))
    numbers = number_paragraphs(un_document)
    assert numbers.operative_number(un_document.operative[0].id) == 1
    assert numbers.operative_number("op-new") == 25
    assert first not in numbers.positions

    assert editor.undo() == "Delete paragraph"
    assert editor.undo() == "Move paragraph"
    assert editor.undo() == "Insert paragraph"
    assert number_paragraphs(un_document).operative_number(last) == 25


def test_end_punctuation_by_rule(un_pack: Pack, un_document: Document) -> None:
    """Preamble ",", operative ";" and the last "."; typed end punctuation is replaced."""
    un_document.operative[0].text["en"] = parse_inline("Takes note;")
    un_document.operative[0].text["fr"] = parse_inline("Prend note ;")
    un_document.operative[0].clause = None
    un_document.operative[0].slots = {}
    un_document.operative[0].opener = None
    layout = build_layout(un_document, un_pack, "en")
    preamble = [b for b in layout.blocks if b.role is BlockRole.PREAMBULAR]
    operative = _numbered(layout)
    last_texts = [next(r.text for r in reversed(b.runs) if not r.is_note) for b in preamble]
    assert len(last_texts) == 27
    assert all(text.endswith(",") for text in last_texts), last_texts
    assert operative[0] == "1. Takes note;"
    assert all(text.endswith((";", ";5")) for text in operative[1:-1])
    assert operative[-1].endswith("”.")
    french = _numbered(build_layout(un_document, un_pack, "fr"))
    assert french[0] == "1. Prend note\u202f;"


def test_subparagraphs_labels_and_punctuation(un_pack: Pack, un_document: Document) -> None:
    """A paragraph with sub-paragraphs ends with ":"; each item ";"; the last carries ";"/"."."""
    parent = _para("op-parent", "Requests the Secretary-General")
    inner = _para("op-b", "to report")
    inner.children = [_para("op-b-i", "in English"), _para("op-b-ii", "in French")]
    parent.children = [_para("op-a", "to consult"), inner]
    un_document.operative.append(parent)
    english = _numbered(build_layout(un_document, un_pack, "en"))
    assert english[-6].endswith("”;")  # the former last paragraph now ends with ";"
    assert english[-5:] == [
        "26. Requests the Secretary-General:",
        "(a) to consult;",
        "(b) to report:",
        "(i) in English;",
        "(ii) in French.",
    ]
    french = _numbered(build_layout(un_document, un_pack, "fr"))
    assert french[-5:] == [
        "26. Requests the Secretary-General\u00a0:",
        "a) to consult\u202f;",
        "b) to report\u00a0:",
        "i) in English\u202f;",
        "ii) in French.",
    ]


def test_footnotes_numbered_by_first_reference() -> None:
    """Numbers follow first reference; repeats reuse them; symbol notes are not counted."""
    notes = [Footnote("a"), Footnote("b"), Footnote("star", symbol="*"), Footnote("c")]
    marks = number_footnotes(["star", "c", "a", "c", "b", "a", "unknown"], notes)
    assert marks == {"star": "*", "c": "1", "a": "2", "b": "3"}
    assert number_footnotes([], notes) == {}


def test_footnote_numbers_follow_a_move(un_pack: Pack, un_document: Document) -> None:
    """Moving the paragraph that first cites a note renumbers the notes and their text."""
    layout = build_layout(un_document, un_pack, "en")
    assert [note.mark for note in layout.notes] == ["*", "1", "2", "3", "4", "5", "6"]
    editor = Editor(un_document)
    # The second preambular paragraph cites footnote 1; move it to the end of the preamble.
    citing_one = un_document.preamble[1]
    editor.execute(MoveParagraph(citing_one.id, len(un_document.preamble) - 1))
    moved = build_layout(un_document, un_pack, "en")
    before = {note.footnote_id: note.mark for note in layout.notes}
    after = {note.footnote_id: note.mark for note in moved.notes}
    moved_note = next(k for k, v in before.items() if v == "1")
    assert after[moved_note] == "6"
    assert [after[k] for k, v in sorted(before.items(), key=lambda kv: kv[1]) if v in "23456"] == [
        "1", "2", "3", "4", "5",
    ]  # fmt: skip
    # The repeated references still print the same number as their first reference.
    marks = [run for block in moved.blocks for run in block.runs if run.is_note]
    by_note: dict[str, set[str]] = {}
    for run in marks:
        assert run.note is not None
        by_note.setdefault(run.note, set()).add(run.text)
    assert all(len(texts) == 1 for texts in by_note.values())
    assert sum(run.repeat for run in marks) == 2


def test_footnote_mark_after_punctuation_in_english_before_in_french(
    un_pack: Pack, un_document: Document
) -> None:
    """EN "…organizations,[2]" but FR "…autres[2]," (UN Editorial Manual, footnotes)."""
    en = build_layout(un_document, un_pack, "en")
    fr = build_layout(un_document, un_pack, "fr")
    examined_en = next(b for b in en.blocks if b.text.startswith("Having examined"))
    examined_fr = next(b for b in fr.blocks if b.text.startswith("Ayant examiné"))
    assert examined_en.text.endswith("organizations,2")
    assert examined_fr.text.endswith("autres2,")
    assert examined_en.runs[-2].text.endswith("regional and other organizations,")
    assert (examined_en.runs[-1].text, examined_en.runs[-1].note) == ("2", "fn-sg-report")


def test_cross_references_follow_their_target(un_pack: Pack, un_document: Document) -> None:
    """ "paragraph 24 above" becomes "paragraph 2 above" when its target moves up."""
    editor = Editor(un_document)
    target = un_document.operative[23].id
    source = "op-xref"
    reference = _para(source, f"Recalls [[para:{target}]]", f"Rappelle le [[para:{target}]]")
    editor.execute(InsertParagraph(reference, Part.OPERATIVE, 24))
    source_block = _block_of(build_layout(un_document, un_pack, "en"), source)
    assert source_block == "25. Recalls paragraph 24 above;"
    editor.execute(MoveParagraph(target, 1))
    assert _block_of(build_layout(un_document, un_pack, "en"), source) == (
        "25. Recalls paragraph 2 above;"
    )
    assert _block_of(build_layout(un_document, un_pack, "fr"), source) == (
        "25. Rappelle le paragraphe 2 ci-dessus\u202f;"
    )
    editor.execute(MoveParagraph(source, 0))
    assert _block_of(build_layout(un_document, un_pack, "en"), source) == (
        "1. Recalls paragraph 3 below;"
    )


def test_cross_reference_to_subparagraph_and_preamble(
    un_pack: Pack, un_document: Document
) -> None:
    """Sub-paragraph targets print "paragraph 26 (a)" / « alinéa a) du paragraphe 26 »."""
    parent = _para("op-parent", "Decides")
    parent.children = [_para("op-a", "to act"), _para("op-b", "to report")]
    un_document.operative.append(parent)
    editor = Editor(un_document)
    first = un_document.operative[0].id
    editor.execute(SetText(first, "en", parse_inline("See [[para:op-b]] and [[para:pp-03]]")))
    editor.execute(SetText(first, "fr", parse_inline("Voir [[para:op-b]] et [[para:pp-03]]")))
    en = _block_of(build_layout(un_document, un_pack, "en"), first)
    fr = _block_of(build_layout(un_document, un_pack, "fr"), first)
    assert "See paragraph 26 (b) below and the third preambular paragraph" in en
    assert "Voir alinéa b) du paragraphe 26 ci-après et le troisième alinéa du préambule" in fr


def test_delete_refused_while_cross_referenced(un_document: Document) -> None:
    """A referenced paragraph cannot be deleted; the document is left unchanged."""
    editor = Editor(un_document)
    target = un_document.operative[3].id
    editor.execute(SetText(un_document.operative[0].id, "en", parse_inline(f"[[para:{target}]]")))
    count = len(un_document.operative)
    with pytest.raises(CommandError, match="cross-referenced"):
        editor.execute(DeleteParagraph(target))
    assert len(un_document.operative) == count
    assert editor.undo() == "Edit text"
    editor.execute(DeleteParagraph(target))
    assert len(un_document.operative) == count - 1


def _block_of(layout: Layout, paragraph_id: str) -> str:
    block = next(b for b in layout.blocks if b.paragraph_id == paragraph_id)
    return f"{block.label} {block.text}".strip()
