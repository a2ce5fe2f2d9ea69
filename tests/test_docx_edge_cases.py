"""Documents at the edges export to schema-valid files that LibreOffice opens and prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from draftdesk.export.docx import export_docx
from draftdesk.model import fileformat
from draftdesk.model.document import Document
from draftdesk.packs.model import Pack
from draftdesk.render import build_layout
from draftdesk.render.layout import Block, BlockRole, Layout, Note, Run
from tests.test_docx_support import (
    NS,
    assert_schema_valid,
    export,
    part,
    pdf_pages,
    q,
    to_pdf,
)

LONG = 50_000
HOSTILE = "a < b && c > d <w:p/> ]]> \u200fمرحبا\u200e \u202bembedded\u202c 😀 🇺🇳 \u2060end"


def _paragraph(ident: str, en: str, fr: str, children: list[Any] | None = None) -> dict[str, Any]:
    return {"id": ident, "text": {"en": en, "fr": fr}, "children": children or []}


def _document(
    preamble: list[dict[str, Any]],
    operative: list[dict[str, Any]],
    footnotes: list[dict[str, Any]] | None = None,
) -> Document:
    data = {
        "format": "draftdesk",
        "format_version": 1,
        "metadata": {
            "pack": "un-ga",
            "body": "general-assembly",
            "languages": ["en", "fr"],
            "source_language": "en",
            "symbol": "A/80/L.99",
            "distribution": "limited",
            "date": "2025-10-01",
            "original_language": "en",
            "session": 80,
            "agenda_item": "12",
            "agenda_title": {"en": "Edge cases", "fr": "Cas limites"},
            "sponsors": {"en": ["Andorra", "Chile"], "fr": ["Andorre", "Chili"]},
            "title": {"en": "Edge cases", "fr": "Cas limites"},
        },
        "preamble": preamble,
        "operative": operative,
        "footnotes": footnotes or [],
    }
    return fileformat.loads(json.dumps(data))


def _note(ident: str, en: str, fr: str) -> dict[str, Any]:
    return {"id": ident, "text": {"en": en, "fr": fr}}


CASES: dict[str, Document] = {
    "no-footnotes": _document(
        [_paragraph("pp-1", "*Recalling* its resolution 79/1", "*Rappelant* sa résolution 79/1")],
        [_paragraph("op-1", "*Decides* to remain seized", "*Décide* de rester saisie")],
    ),
    "operative-note-only": _document(
        [_paragraph("pp-1", "*Noting* the report", "*Notant* le rapport")],
        [
            _paragraph(
                "op-1", "*Takes note* of the report[^fn-a]", "*Prend note* du rapport[^fn-a]"
            ),
            _paragraph("op-2", "*Requests* a report[^fn-a]", "*Prie* de faire rapport[^fn-a]"),
        ],
        [_note("fn-a", "A/80/1.", "A/80/1.")],
    ),
    "three-levels": _document(
        [],
        [
            _paragraph(
                "op-1",
                "*Decides* as follows",
                "*Décide* ce qui suit",
                [
                    _paragraph(
                        "a",
                        "first level",
                        "premier niveau",
                        [
                            _paragraph(
                                "i",
                                "second level",
                                "deuxième niveau",
                                [
                                    _paragraph("x", "third level", "troisième niveau"),
                                    _paragraph(
                                        "y", "third level again", "troisième niveau encore"
                                    ),
                                ],
                            ),
                        ],
                    ),
                    _paragraph("b", "first level again", "premier niveau encore"),
                ],
            ),
        ],
    ),
    "long-paragraph": _document(
        [
            _paragraph(
                "pp-1", "*Noting* " + "word " * (LONG // 5), "*Notant* " + "mot " * (LONG // 4)
            )
        ],
        [_paragraph("op-1", "*Decides* so", "*Décide* ainsi")],
    ),
    "hostile-text": _document(
        [_paragraph("pp-1", f"*Noting* {HOSTILE}", f"*Notant* {HOSTILE}")],
        [_paragraph("op-1", "*Decides* x\x0by\x0cz\tw[^fn-h]", "*Décide* x\x0by\x0cz\tw[^fn-h]")],
        [_note("fn-h", f"Note {HOSTILE}", f"Note {HOSTILE}")],
    ),
}


@pytest.fixture(scope="module")
def files(un_pack: Pack) -> dict[str, bytes]:
    """Every edge case in both languages, exported."""
    exported: dict[str, bytes] = {}
    for name, document in CASES.items():
        for lang in ("en", "fr"):
            _, data = export(document, un_pack, lang)
            exported[f"{name}.{lang}"] = data
    return exported


def test_every_case_passes_the_schema_check(files: dict[str, bytes], tmp_path: Path) -> None:
    """Each edge case, in both languages, passes docx_schema_check.py --strict."""
    paths = []
    for name, data in files.items():
        paths.append(tmp_path / f"{name}.docx")
        paths[-1].write_bytes(data)
    assert_schema_valid(*paths)


def test_no_footnotes_still_has_separators_only(files: dict[str, bytes]) -> None:
    """No notes: no references, and a footnotes part with just the separator notes."""
    data = files["no-footnotes.en"]
    assert part(data, "word/document.xml").find(".//w:footnoteReference", NS) is None
    notes = part(data, "word/footnotes.xml")
    assert [n.get(q("type")) for n in notes] == ["separator", "continuationSeparator"]


def test_note_cited_only_in_operative_part(files: dict[str, bytes]) -> None:
    """First citation in paragraph 1 is note 1; paragraph 2 repeats it as NOTEREF = 1."""
    body = part(files["operative-note-only.fr"], "word/document.xml")
    refs = body.findall(".//w:footnoteReference", NS)
    assert [r.get(q("id")) for r in refs] == ["1"]
    assert body.xpath("//w:instrText/text()", namespaces=NS) == [" NOTEREF _RefNote1 \\f \\h "]
    second = body.xpath("//w:p[.//w:instrText]", namespaces=NS)[0]
    assert second.xpath("string(w:r[1]/w:t)", namespaces=NS) == "2."
    cached = second.xpath(
        "w:r[w:fldChar/@w:fldCharType='separate']/following-sibling::w:r[1]/w:t/text()",
        namespaces=NS,
    )
    assert cached == ["1"]


def test_three_levels_of_subparagraphs(files: dict[str, bytes]) -> None:
    """(a) → (i) → a. in English, a) → i) → a. in French, each in its level's style."""
    for lang, labels in (
        ("en", ["(a)", "(i)", "a.", "b.", "(b)"]),
        ("fr", ["a)", "i)", "a.", "b.", "b)"]),
    ):
        body = part(files[f"three-levels.{lang}"], "word/document.xml")
        subs = body.xpath(
            "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'Subparagraph')]", namespaces=NS
        )
        assert [p.xpath("string(w:r[1]/w:t)", namespaces=NS) for p in subs] == labels
        styles = [p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for p in subs]
        assert styles == [
            "Subparagraph1",
            "Subparagraph2",
            "Subparagraph3",
            "Subparagraph3",
            "Subparagraph1",
        ]


def test_long_paragraph_is_kept_whole(files: dict[str, bytes]) -> None:
    """The 50,000-character paragraph arrives whole in one paragraph."""
    body = part(files["long-paragraph.en"], "word/document.xml")
    longest = max(("".join(p.itertext()) for p in body.iter(q("p"))), key=len)
    assert len(longest) >= LONG
    assert longest.startswith("Noting word word")


def test_hostile_text_survives_escaped(files: dict[str, bytes], un_pack: Pack) -> None:
    """<, &, markup-like text, bidi marks and emoji arrive as text; controls are dropped."""
    for lang in ("en", "fr"):
        data = files[f"hostile-text.{lang}"]
        layout = build_layout(CASES["hostile-text"], un_pack, lang)
        printed = next(b.text for b in layout.blocks if b.role == "preambular")
        assert "a < b && c > d <w" in printed and "\u202bembedded\u202c 😀 🇺🇳 \u2060end" in printed
        body = part(data, "word/document.xml")
        paragraphs = ["".join(p.itertext()) for p in body.iter(q("p"))]
        assert printed in paragraphs
        notes = "".join(part(data, "word/footnotes.xml").itertext())
        assert "".join(r.text for r in layout.notes[0].runs) in notes
        operative = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='OperativeParagraph']", namespaces=NS)[
            0
        ]
        assert "xyz" in "".join(operative.itertext())  # vertical tab and form feed dropped
        assert operative.find(".//w:tab", NS) is not None  # a typed tab is a Word tab


def test_libreoffice_opens_and_prints_every_case(files: dict[str, bytes], tmp_path: Path) -> None:
    """LibreOffice converts each file to PDF and the PDF holds the case's text."""
    paths = []
    for name, data in files.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = to_pdf(paths, tmp_path)
    expected = {
        "no-footnotes": "remain seized",
        "operative-note-only": "A/80/1.",
        "three-levels": "third level again",
        "long-paragraph": "word word word",
        "hostile-text": "a < b && c > d",
    }
    for pdf in pdfs:
        case, lang = pdf.stem.rsplit(".", 1)
        text = "\n".join(pdf_pages(pdf))
        needle = expected[case]
        if lang == "fr":
            needle = {
                "remain seized": "rester saisie",
                "third level again": "niveau encore",
                "word word word": "mot mot mot",
            }.get(needle, needle)
        assert needle in " ".join(text.split()), pdf.name
    long_pages = pdf_pages(next(p for p in pdfs if p.stem == "long-paragraph.en"))
    assert len(long_pages) >= 8


def test_marks_word_would_not_print_become_custom_marks(un_pack: Pack, tmp_path: Path) -> None:
    """A note numbered "7" first in reading order keeps its "7" (Word alone would print 1)."""
    layout = Layout("en", title="T", subject="A/1")
    runs = [Run("Decides", italic=True), Run(" so"), Run("7", superscript=True, note="fn-x"),
            Run("?", superscript=True, note="fn-unknown")]  # fmt: skip
    layout.blocks.append(Block(BlockRole.OPERATIVE, runs, label="1."))
    layout.notes.append(Note("fn-x", "7", [Run("See A/1.")]))
    data = export_docx(layout, un_pack)
    (tmp_path / "custom-mark.docx").write_bytes(data)
    assert_schema_valid(tmp_path / "custom-mark.docx", only_if_present=True)
    body = part(data, "word/document.xml")
    reference = body.find(".//w:footnoteReference", NS)
    assert reference.get(q("customMarkFollows")) == "1"
    assert reference.getparent().findtext(q("t")) == "7"
    texts = [t.text for t in body.iter(q("t"))]
    assert texts[-1] == "?"  # a mark without a note is printed, not invented
    notes = part(data, "word/footnotes.xml")
    assert notes.xpath("string(//w:footnote[@w:id='1'])", namespaces=NS) == "7See A/1."
