"""The rendering pipeline: openers, agreement, contraction, styles, typography, OIC formula."""

from __future__ import annotations

import copy

import pytest

from draftdesk.errors import RenderError
from draftdesk.model.document import Document, Paragraph
from draftdesk.model.inline import parse_inline
from draftdesk.packs.model import Body, Pack
from draftdesk.render import BlockRole, Layout, Run, build_layout


def _first_block(layout: Layout, role: BlockRole) -> tuple[str, list[Run]]:
    block = next(b for b in layout.blocks if b.role is role)
    return block.text, block.runs


def _with_body(pack: Pack, gender: str, number: str) -> Pack:
    other = copy.deepcopy(pack)
    body = other.bodies["general-assembly"]
    other.bodies["general-assembly"] = Body(body.key, body.name, gender, number, body.definite)
    return other


@pytest.mark.parametrize(
    ("gender", "number", "expected"),
    [("f", "sg", "Convaincue"), ("m", "sg", "Convaincu"), ("m", "pl", "Convaincus"),
     ("f", "pl", "Convaincues")],
)  # fmt: skip
def test_french_opener_agrees_with_the_body(
    un_pack: Pack, un_document: Document, gender: str, number: str, expected: str
) -> None:
    """ "Convinced" is "Convaincue" for l'Assemblée générale, "Convaincu" for a masculine body."""
    paragraph = next(p for p in un_document.preamble if p.opener == "convinced")
    layout = build_layout(un_document, _with_body(un_pack, gender, number), "fr")
    block = next(b for b in layout.blocks if b.paragraph_id == paragraph.id)
    assert block.runs[0] == Run(expected, italic=True)
    english = build_layout(un_document, un_pack, "en")
    assert next(b for b in english.blocks if b.paragraph_id == paragraph.id).runs[0] == Run(
        "Convinced", italic=True
    )


def test_opener_preposition_contracts_with_the_text(un_pack: Pack, un_document: Document) -> None:
    """ "Prenant note de" + "les résultats" prints "Prenant note des résultats", opener italic."""
    paragraph = un_document.preamble[10]
    paragraph.opener = "taking-note-of"
    paragraph.text["fr"] = parse_inline("les résultats de la réunion")
    paragraph.text["en"] = parse_inline("the outcome of the meeting")
    fr = build_layout(un_document, un_pack, "fr")
    block = next(b for b in fr.blocks if b.paragraph_id == paragraph.id)
    assert block.runs[:2] == [
        Run("Prenant note", italic=True),
        Run(" des résultats de la réunion,"),
    ]
    en = build_layout(un_document, un_pack, "en")
    block = next(b for b in en.blocks if b.paragraph_id == paragraph.id)
    assert block.runs[:2] == [
        Run("Taking note", italic=True),
        Run(" of the outcome of the meeting,"),
    ]


def test_oic_operative_verbs_in_capitals_and_terminators(
    oic_pack: Pack, oic_document: Document
) -> None:
    """OIC: capitalised operative verbs, preamble ";" then ":", every operative ends "."."""
    layout = build_layout(oic_document, oic_pack, "fr")
    operative = [b for b in layout.blocks if b.role is BlockRole.OPERATIVE]
    assert [b.text.split()[0] for b in operative] == [
        "APPROUVE", "FIXE", "DEMANDE", "REMERCIE", "DEMANDE",
    ]  # fmt: skip
    assert not any(b.runs[0].italic for b in operative)
    assert all(b.text.endswith(".") for b in operative)
    preamble = [b.text for b in layout.blocks if b.role is BlockRole.PREAMBULAR]
    assert all(text.endswith("\u202f;") for text in preamble[:-1])
    assert preamble[-1].endswith("\u00a0:")


def test_oic_opening_formula_with_hijri_dates(oic_pack: Pack, oic_document: Document) -> None:
    """The session formula carries the Gregorian and the Umm al-Qura Hijri dates."""
    fr, _ = _first_block(build_layout(oic_document, oic_pack, "fr"), BlockRole.OPENING)
    assert fr == (
        "La quarante-huitième session du Conseil des ministres des Affaires étrangères de "
        "l’Organisation de la coopération islamique (Session\u00a0: Partenariats pour l’Unité, "
        "la Justice et le Développement) tenue à Islamabad, République islamique du Pakistan, "
        "les 22 et 23 mars 2022, les 19 – 20 chaâbane 1443."
    )
    en, _ = _first_block(build_layout(oic_document, oic_pack, "en"), BlockRole.OPENING)
    assert en.endswith("on 22 and 23 March 2022 (19-20 Sha’ban 1443H),")
    assert oic_document.metadata.meeting is not None
    oic_document.metadata.meeting.hijri = {"fr": "18 – 19 chaâbane 1443", "en": "18-19 Sha'ban"}
    fr, _ = _first_block(build_layout(oic_document, oic_pack, "fr"), BlockRole.OPENING)
    assert fr.endswith("les 18 – 19 chaâbane 1443.")


def test_french_ordinal_suffixes_are_superscript(oic_pack: Pack, oic_document: Document) -> None:
    """ "XXIe siècle", "13e Sommet", "49e session": suffix runs are raised."""
    layout = build_layout(oic_document, oic_pack, "fr")
    raised = [
        (block.runs[i - 1].text[-3:], run.text)
        for block in layout.blocks
        for i, run in enumerate(block.runs)
        if run.superscript and not run.is_note
    ]
    assert raised == [("XXI", "e"), (" 13", "e"), (" 47", "e"), (" 49", "e")]


def test_masthead_lines_and_sponsors_note(un_pack: Pack, un_document: Document) -> None:
    """UN masthead: lines from the pack template, bold sponsors line with the * mark."""
    layout = build_layout(un_document, un_pack, "fr")
    keys = [b.key for b in layout.blocks if b.role is BlockRole.MASTHEAD]
    assert keys == [
        "org", "symbol", "organ", "distribution", "date", "original", "session", "agenda",
        "agenda-title",
    ]  # fmt: skip
    texts = {b.key: b.text for b in layout.blocks}
    assert texts["distribution"] == "Distr. limitée"
    assert texts["original"] == "Original\u00a0: anglais"
    assert texts["session"] == "Soixante-douzième session"
    assert texts["agenda"] == "Point 126 u) de l’ordre du jour"
    sponsors = next(b for b in layout.blocks if b.role is BlockRole.SPONSORS)
    assert sponsors.runs == [
        Run("Turquie", bold=True),
        Run("*", superscript=True, note="fn-on-behalf"),
        Run("\u00a0: projet de résolution", bold=True),
    ]
    opening, runs = _first_block(layout, BlockRole.OPENING)
    assert opening == "L’Assemblée générale," and runs[0].italic


def test_unknown_opener_and_clause_are_named(un_pack: Pack, un_document: Document) -> None:
    """An unknown opener or clause is a RenderError naming the paragraph and the key."""
    un_document.preamble[0].opener = "not-an-opener"
    with pytest.raises(RenderError, match=r"paragraph 'pp-01' \(EN\): unknown opener"):
        build_layout(un_document, un_pack, "en")
    un_document.preamble[0].opener = None
    un_document.preamble[0].clause = "no-such-clause"
    with pytest.raises(RenderError, match="unknown clause 'no-such-clause'"):
        build_layout(un_document, un_pack, "en")


def test_clause_slots_are_checked(un_pack: Pack, un_document: Document) -> None:
    """Wrong slot types and missing required slots are named with the paragraph."""
    paragraph: Paragraph = next(
        p for p in un_document.operative if p.clause == "include-in-agenda"
    )
    paragraph.slots["session"] = "seventy-third"
    with pytest.raises(RenderError, match="slot 'session': expected a whole number"):
        build_layout(un_document, un_pack, "fr")
    del paragraph.slots["session"]
    with pytest.raises(RenderError, match="needs slot 'session'"):
        build_layout(un_document, un_pack, "fr")
    paragraph.slots["session"] = 74
    paragraph.slots["colour"] = "blue"
    with pytest.raises(RenderError, match="'colour' is not a slot"):
        build_layout(un_document, un_pack, "fr")
    del paragraph.slots["colour"]
    fr = build_layout(un_document, un_pack, "fr")
    block = next(b for b in fr.blocks if b.paragraph_id == paragraph.id)
    assert "de sa soixante-quatorzième session" in block.text


def test_english_typography_uses_curly_quotes(un_pack: Pack, un_document: Document) -> None:
    """Straight quotes typed in English come out as “ ” and ’."""
    paragraph = un_document.operative[2]
    paragraph.text["en"] = parse_inline('that the "Alliance" can\'t wait')
    en = build_layout(un_document, un_pack, "en")
    block = next(b for b in en.blocks if b.paragraph_id == paragraph.id)
    assert block.text.endswith("that the “Alliance” can’t wait;")


def test_a_paragraph_with_no_words_prints_its_number_alone(
    un_pack: Pack, un_document: Document
) -> None:
    """Just inserted or not yet translated: "3." and nothing else, never "3. ;" or "3. ."."""
    blank = Paragraph("op-blank")
    un_document.operative.insert(2, blank)
    for lang in ("en", "fr"):
        layout = build_layout(un_document, un_pack, lang)
        block = next(b for b in layout.blocks if b.paragraph_id == "op-blank")
        assert (block.label, block.text) == ("3.", "")
    last = Paragraph("op-last")
    un_document.operative.append(last)
    en = build_layout(un_document, un_pack, "en")
    assert next(b for b in en.blocks if b.paragraph_id == "op-last").text == ""
