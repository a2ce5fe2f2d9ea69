"""The clause palette: search in both languages, part filter, paragraphs that render at once."""

from __future__ import annotations

from draftdesk.commands import Editor, InsertParagraph
from draftdesk.model.document import Document, Part
from draftdesk.packs.model import Pack
from draftdesk.palette import (
    EntryKind,
    fold,
    has_placeholder,
    new_paragraph,
    palette_entries,
    search,
)
from draftdesk.render import Renderer


def test_search_finds_french_without_accents(un_pack: Pack) -> None:
    """ "reaffirmant" finds « Réaffirmant » and ranks it before mere mentions."""
    entries = palette_entries(un_pack, un_pack.bodies["general-assembly"])
    found = search(entries, "reaffirmant", Part.PREAMBLE)
    assert found[0].fr == "Réaffirmant"
    assert found[0].en == "Reaffirming"
    assert all(e.part is Part.PREAMBLE for e in found)
    assert fold("Étant « Conscients »") == "etant « conscients »"
    assert search(entries, "welcomes", Part.OPERATIVE)[0].en == "Welcomes"  # exact first


def test_french_forms_agree_with_the_body(un_pack: Pack, oic_pack: Pack) -> None:
    """The Assembly is feminine: « Consciente de »; the OIC Council masculine: « Conscient de »."""
    un = search(palette_entries(un_pack, un_pack.bodies["general-assembly"]), "aware of")
    assert un[0].fr == "Consciente de"
    council = oic_pack.bodies["council-of-foreign-ministers"]
    oic = search(palette_entries(oic_pack, council), "aware of")
    assert oic[0].fr.startswith("Conscient")
    assert not oic[0].fr.startswith("Consciente")


def test_filter_and_clause_search(un_pack: Pack) -> None:
    """Clauses are found by their label in either language; the filter keeps one part."""
    entries = palette_entries(un_pack, un_pack.bodies["general-assembly"])
    by_fr = search(entries, "ordre du jour provisoire")
    assert [e.key for e in by_fr] == ["include-in-agenda"]
    assert by_fr[0].kind is EntryKind.CLAUSE
    operative = search(entries, "", Part.OPERATIVE)
    assert operative and all(e.part is Part.OPERATIVE for e in operative)
    assert search(entries, "zzzz-nothing") == []


def test_every_clause_inserted_from_the_palette_renders(
    un_pack: Pack, un_document: Document
) -> None:
    """Default slot values make every clause render in both languages straight away."""
    editor = Editor(un_document)
    renderer = Renderer(un_pack)
    entries = palette_entries(un_pack, un_pack.bodies["general-assembly"])
    for entry in (e for e in entries if e.kind is EntryKind.CLAUSE):
        paragraph = new_paragraph(entry, un_pack, un_document)
        editor.execute(InsertParagraph(paragraph, entry.part, 0))
        for lang in ("en", "fr"):
            block = next(
                b
                for b in renderer.layout(un_document, lang).blocks
                if b.paragraph_id == paragraph.id
            )
            assert block.text, entry.key
    request = next(e for e in entries if e.key == "request-report-session")
    paragraph = new_paragraph(request, un_pack, un_document)
    assert paragraph.slots["session"] == 72  # the document's session
    assert has_placeholder(paragraph.slots["subject"])
    assert not has_placeholder({"en": "on the question"})
