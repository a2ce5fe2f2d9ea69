"""Round trip: each example exported to Word by DraftDesk and imported back is the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from draftdesk.export.registry import EXPORTERS
from draftdesk.importers.build import build_document
from draftdesk.importers.importer import ImportOptions, import_file
from draftdesk.language import join_with_preposition, split_trailing_preposition
from draftdesk.model import fileformat
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.model.inline import FootnoteRef, Inline, to_shorthand
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry
from draftdesk.render.builder import build_layout
from draftdesk.render.layout import Layout
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE

CASES = [
    pytest.param(example, lang, id=f"{example.stem}-{lang}")
    for example in (UN_EXAMPLE, OIC_EXAMPLE)
    for lang in ("en", "fr")
]


def _docx_exporter() -> Any:
    return EXPORTERS["docx"]


def _export_and_import(
    example: Path, lang: str, registry: PackRegistry, folder: Path, options: ImportOptions
) -> tuple[Document, Document]:
    original = fileformat.load(example)
    pack = registry.get(original.metadata.pack)
    target = folder / f"{example.stem}.{lang}.docx"
    target.write_bytes(_docx_exporter().export(build_layout(original, pack, lang), pack))
    result = import_file(target, registry, options)
    return original, build_document(result, registry.get(result.pack_id)).document


def _layout_signature(layout: Layout) -> list[Any]:
    """Everything a reader sees: roles, labels, levels, runs with their styles, the notes."""
    blocks = [
        (
            block.role,
            block.label,
            block.level,
            [(r.text, r.italic, r.bold, r.superscript, r.is_note) for r in block.runs],
        )
        for block in layout.blocks
    ]
    notes = [(note.mark, [(r.text, r.italic) for r in note.runs]) for note in layout.notes]
    return [blocks, notes]


def _paragraph_signature(
    paragraph: Paragraph, part: Part, lang: str, notes: dict[str, str], pack: Pack
) -> Any:
    """A paragraph with footnote ids replaced by printed marks (ids aside).

    Text after an opener ending in a preposition may be stored contracted or not ("aux
    États" or "les États" after "Demande à"): the file format renders both alike, so the
    text is compared joined to its preposition.
    """
    slots = {
        name: notes.get(value, value) if isinstance(value, str) else _in(value, lang)
        for name, value in paragraph.slots.items()
    }
    text = _shorthand(paragraph.text.get(lang, []), notes)
    phrase = pack.phrase(part, paragraph.opener) if paragraph.opener else None
    if phrase is not None and text:
        body = pack.bodies[next(iter(pack.bodies))]
        _, preposition = split_trailing_preposition(phrase.form(lang, body), lang)
        if preposition and lang == "fr":
            text = join_with_preposition(preposition, text)
    return (
        paragraph.opener,
        paragraph.clause,
        slots,
        text,
        [_paragraph_signature(c, part, lang, notes, pack) for c in paragraph.children],
    )


def _in(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and set(value) <= {"en", "fr"}:
        return value.get(lang)
    return value


def _shorthand(items: list[Inline], notes: dict[str, str]) -> str:
    renamed = [
        FootnoteRef(notes[i.footnote_id]) if isinstance(i, FootnoteRef) else i for i in items
    ]
    return to_shorthand(renamed)


def _marks(layout: Layout) -> dict[str, str]:
    """Footnote id → a name that ignores ids: its printed mark."""
    return {
        note.footnote_id: f"note-{note.mark}" if note.mark.isdigit() else "sym"
        for note in layout.notes
    }


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_docx_round_trip_renders_the_same(
    example: Path, lang: str, registry: PackRegistry, tmp_path: Path
) -> None:
    original, imported = _export_and_import(example, lang, registry, tmp_path, ImportOptions())
    pack = registry.get(original.metadata.pack)
    assert imported.metadata.pack == original.metadata.pack
    assert imported.metadata.body == original.metadata.body
    assert imported.metadata.languages == [lang]
    assert _layout_signature(build_layout(imported, pack, lang)) == _layout_signature(
        build_layout(original, pack, lang)
    )


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_docx_round_trip_gives_the_same_document(
    example: Path, lang: str, registry: PackRegistry, tmp_path: Path
) -> None:
    """Same paragraphs, openers, clauses, slots, sub-paragraphs, footnotes and metadata."""
    original, imported = _export_and_import(example, lang, registry, tmp_path, ImportOptions())
    pack = registry.get(original.metadata.pack)
    original_marks = _marks(build_layout(original, pack, lang))
    imported_marks = _marks(build_layout(imported, pack, lang))
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        expected = [
            _paragraph_signature(p, part, lang, original_marks, pack)
            for p in original.part_list(part)
        ]
        found = [
            _paragraph_signature(p, part, lang, imported_marks, pack)
            for p in imported.part_list(part)
        ]
        assert found == expected, part
    expected_notes = {
        original_marks[n.id]: (n.symbol, to_shorthand(n.text[lang])) for n in original.footnotes
    }
    found_notes = {
        imported_marks[n.id]: (n.symbol, to_shorthand(n.text[lang])) for n in imported.footnotes
    }
    assert found_notes == expected_notes
    meta, back = original.metadata, imported.metadata
    for name in ("symbol", "session", "agenda_item", "meeting"):
        if name == "meeting" and meta.meeting is not None:
            assert back.meeting is not None
            assert (back.meeting.start, back.meeting.end) == (meta.meeting.start, meta.meeting.end)
            assert back.meeting.place == {lang: meta.meeting.place[lang]}
            continue
        assert getattr(back, name) == getattr(meta, name), name
    for name in ("title", "agenda_title", "sponsors"):
        assert (getattr(back, name).get(lang) or None) == (getattr(meta, name).get(lang) or None)
    assert {k: _in(v, lang) for k, v in back.fields.items()} == {
        k: _in(v, lang) for k, v in meta.fields.items()
    }
    printed = {block.key for block in build_layout(original, pack, lang).blocks}
    for key, name in (
        ("date", "date"),
        ("distribution", "distribution"),
        ("original", "original_language"),
    ):
        if key in printed:  # what the masthead prints comes back; the rest cannot
            assert getattr(back, name) == getattr(meta, name), name
