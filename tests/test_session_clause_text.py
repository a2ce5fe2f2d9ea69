"""Convert to free text (headless): a clause paragraph becomes free text that prints the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.commands import Editor
from draftdesk.edit_commands import clause_to_text
from draftdesk.errors import CommandError
from draftdesk.model import fileformat
from draftdesk.model.inline import FootnoteRef, Text
from draftdesk.packs.registry import PackRegistry
from draftdesk.render.builder import Renderer
from draftdesk.validation import pack_for
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE


@pytest.mark.parametrize("example", [UN_EXAMPLE, OIC_EXAMPLE], ids=["un", "oic"])
def test_every_clause_converts_and_prints_the_same(example: Path, registry: PackRegistry) -> None:
    """Both examples, every clause paragraph: the same blocks in both languages; undoing all
    steps gives back the file's document exactly."""
    document = fileformat.load(example)
    pack = pack_for(document, registry)
    languages = document.metadata.languages
    before = {
        lang: [(b.paragraph_id, b.text) for b in Renderer(pack).layout(document, lang).blocks]
        for lang in languages
    }
    original = fileformat.dumps(document)
    editor = Editor(document)
    clause_ids = [p.id for p in document.all_paragraphs() if p.clause]
    assert len(clause_ids) >= 4
    for paragraph_id in clause_ids:
        editor.execute(clause_to_text(document, pack, paragraph_id))
    assert not any(p.clause or p.slots for p in document.all_paragraphs())
    for lang in languages:
        after = [(b.paragraph_id, b.text) for b in Renderer(pack).layout(document, lang).blocks]
        assert after == before[lang]
    assert [c.name for c in editor.undo_stack] == ["Convert to free text"] * len(clause_ids)
    while editor.undo():
        pass
    assert fileformat.dumps(document) == original


def test_converted_words_keep_footnotes_and_provenance(registry: PackRegistry) -> None:
    """op-01 of the UN example: the clause's footnote stays a live reference, the implied
    opener becomes explicit, and no translation turns out of date."""
    document = fileformat.load(UN_EXAMPLE)
    pack = pack_for(document, registry)
    paragraph = document.find_paragraph("op-01")
    assert paragraph is not None
    provenance = dict(paragraph.provenance)
    states = {lang: paragraph.translation_state(lang, "en") for lang in ("en", "fr")}
    Editor(document).execute(clause_to_text(document, pack, "op-01"))
    assert paragraph.opener == "takes-note-with-appreciation-of"
    assert paragraph.text["en"] == [
        Text("the report of the Secretary-General"),
        FootnoteRef("fn-sg-report"),
    ]
    assert paragraph.text["fr"] == [
        Text("le rapport du Secrétaire général"),
        FootnoteRef("fn-sg-report"),
    ]
    assert paragraph.provenance == provenance
    assert {lang: paragraph.translation_state(lang, "en") for lang in ("en", "fr")} == states


def test_free_text_after_the_clause_is_kept(registry: PackRegistry) -> None:
    """Text typed after the clause follows the clause's words, spaced as printed."""
    document = fileformat.load(UN_EXAMPLE)
    pack = pack_for(document, registry)
    paragraph = document.find_paragraph("op-24")
    assert paragraph is not None
    paragraph.text = {"en": [Text(", as appropriate")], "fr": [Text("et rapport")]}
    printed = {
        lang: [b.text for b in Renderer(pack).layout(document, lang).blocks]
        for lang in ("en", "fr")
    }
    Editor(document).execute(clause_to_text(document, pack, "op-24"))
    assert paragraph.text["en"][-1] == Text(", as appropriate")
    assert paragraph.text["fr"][-2:] == [Text(" "), Text("et rapport")]
    for lang in ("en", "fr"):
        assert [b.text for b in Renderer(pack).layout(document, lang).blocks] == printed[lang]


def test_refused_without_a_clause_or_with_an_empty_required_slot(
    registry: PackRegistry,
) -> None:
    """A free paragraph, an unknown id, a clause missing a required value: CommandError
    naming the paragraph, and the document is unchanged."""
    document = fileformat.load(UN_EXAMPLE)
    pack = pack_for(document, registry)
    with pytest.raises(CommandError, match="paragraph 'op-02' has no clause"):
        clause_to_text(document, pack, "op-02")
    with pytest.raises(CommandError, match="no paragraph 'op-99'"):
        clause_to_text(document, pack, "op-99")
    paragraph = document.find_paragraph("op-25")
    assert paragraph is not None
    del paragraph.slots["item"]
    before = fileformat.dumps(document)
    with pytest.raises(CommandError, match=r"cannot convert: .*op-25.*item"):
        clause_to_text(document, pack, "op-25")
    assert fileformat.dumps(document) == before
