"""DOCX export of the two examples, checked by XPath in document, footnotes, styles, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from draftdesk.packs.registry import PackRegistry
from draftdesk.render.layout import Layout
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.test_docx_support import NS, assert_schema_valid, export, load, outline, part, q

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("un", UN_EXAMPLE, "en"),
    ("un", UN_EXAMPLE, "fr"),
    ("oic", OIC_EXAMPLE, "en"),
    ("oic", OIC_EXAMPLE, "fr"),
]
Exported = dict[tuple[str, str], tuple[Layout, bytes]]


@pytest.fixture(scope="module")
def exported(registry: PackRegistry) -> Exported:
    """Both examples in both languages, exported once."""
    results: Exported = {}
    for family, source, lang in CASES:
        document = load(source)
        pack = registry.get(document.metadata.pack)
        results[family, lang] = export(document, pack, lang)
    return results


def test_examples_pass_the_schema_check(exported: Exported, tmp_path: Path) -> None:
    """The four example files pass docx_schema_check.py --strict (Word's schemas)."""
    paths = []
    for (family, lang), (_, data) in exported.items():
        paths.append(tmp_path / f"{family}.{lang}.docx")
        paths[-1].write_bytes(data)
    assert_schema_valid(*paths)


def _styles_used(data: bytes) -> dict[str, int]:
    styles = part(data, "word/styles.xml")
    names = {s.get(q("styleId")): s.find(q("name")).get(q("val")) for s in styles.iter(q("style"))}
    used: dict[str, int] = {}
    for style in part(data, "word/document.xml").iter(q("pStyle")):
        name = names[style.get(q("val"))]
        used[name] = used.get(name, 0) + 1
    return used


@pytest.mark.parametrize(("family", "lang"), [(f, lang) for f, _, lang in CASES])
def test_outline_matches_golden(exported: Exported, family: str, lang: str) -> None:
    """Style, text, marks and fields of every paragraph equal tests/golden/docx-*.txt."""
    stem = (UN_EXAMPLE if family == "un" else OIC_EXAMPLE).stem
    expected = (GOLDEN / f"docx-{stem}.{lang}.txt").read_text(encoding="utf-8")
    assert outline(exported[family, lang][1]) == expected


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_un_blocks_use_named_styles(exported: Exported, lang: str) -> None:
    """Each block role is drawn in its named style: 27 preambular, 25 operative paragraphs."""
    used = _styles_used(exported["un", lang][1])
    assert used["Preambular Paragraph"] == 27
    assert used["Operative Paragraph"] == 25
    for name in (
        "Masthead Organization",
        "Masthead Symbol",
        "Masthead Organ",
        "Sponsors",
        "Masthead Distribution",
        "Masthead Original",
        "Masthead Session",
        "Masthead Agenda Item",
        "Masthead Agenda Title",
        "Resolution Title",
        "Opening Formula",
    ):
        assert used.get(name), name
    notes = part(exported["un", lang][1], "word/footnotes.xml")
    note_styles = notes.xpath(
        "//w:footnote[not(@w:type)]/w:p/w:pPr/w:pStyle/@w:val", namespaces=NS
    )
    assert note_styles == ["FootnoteText"] * 7  # "*" and six numbered notes
    marks = notes.xpath(
        "//w:footnote[not(@w:type)]/w:p/w:r[1]/w:rPr/w:rStyle/@w:val", namespaces=NS
    )
    assert marks == ["FootnoteReference"] * 7


def test_un_masthead_is_a_borderless_table_with_rules(exported: Exported) -> None:
    """Symbol beside "United Nations", organ beside Distr./date/Original, heavy rule below."""
    document = part(exported["un", "en"][1], "word/document.xml")
    tables = document.findall(f"{q('body')}/{q('tbl')}")
    assert len(tables) == 1
    rows = [["".join(tc.itertext()) for tc in tr.iter(q("tc"))] for tr in tables[0].iter(q("tr"))]
    assert rows == [
        ["United Nations", "A/72/L.20"],
        ["General Assembly", "Distr.: Limited20 November 2017Original: English"],
    ]
    rules = [int(b.get(q("sz"))) for b in tables[0].iterfind(".//w:tcBorders/w:bottom", NS)]
    assert rules == [4, 4, 24, 24]
    style = part(exported["un", "en"][1], "word/styles.xml").find(
        ".//w:style[@w:styleId='MastheadTable']", NS
    )
    assert [b.get(q("val")) for b in style.find(".//w:tblBorders", NS)] == ["nil"] * 6


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_footnotes_part_holds_the_notes_in_order(exported: Exported, lang: str) -> None:
    """Separator notes, then "*" (custom mark) and notes 1-6 in order of first reference."""
    layout, data = exported["un", lang]
    notes = part(data, "word/footnotes.xml")
    kinds = [(n.get(q("type")), n.get(q("id"))) for n in notes.iter(q("footnote"))]
    assert kinds[:2] == [("separator", "-1"), ("continuationSeparator", "0")]
    assert [kind for kind, _ in kinds[2:]] == [None] * 7
    texts = ["".join(n.itertext()).strip() for n in notes.iter(q("footnote"))][2:]
    expected = ["".join(run.text for run in note.runs) for note in layout.notes]
    assert [text.lstrip("*") for text in texts] == expected
    body = part(data, "word/document.xml")
    refs = body.findall(".//w:footnoteReference", NS)
    assert [r.get(q("id")) for r in refs] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [r.get(q("customMarkFollows")) for r in refs] == ["1"] + [None] * 6
    assert refs[0].getparent().findtext(q("t")) == "*"
    assert all(n.find(".//w:footnoteRef", NS) is not None for n in list(notes)[3:])
    settings = part(data, "word/settings.xml")
    children = [etree.QName(c).localname for c in settings]
    assert children.index("footnotePr") < children.index("compat")
    assert [f.get(q("id")) for f in settings.find(q("footnotePr"))] == ["-1", "0"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_repeated_notes_2_and_5_are_noteref_fields(exported: Exported, lang: str) -> None:
    """Operative paragraphs 1 and 9 repeat notes 2 and 5: NOTEREF to the first reference."""
    layout, data = exported["un", lang]
    body = part(data, "word/document.xml")
    bookmarks = {b.get(q("name")): b for b in body.iter(q("bookmarkStart"))}
    assert sorted(bookmarks) == ["_RefNote3", "_RefNote6"]  # notes 2 and 5 (ids 3 and 6)
    for name, number, docx_id in (("_RefNote3", "2", "3"), ("_RefNote6", "5", "6")):
        start = bookmarks[name]
        reference = start.getnext()
        assert reference.find(q("footnoteReference")).get(q("id")) == docx_id
        assert reference.getnext().tag == q("bookmarkEnd")
        assert reference.getnext().get(q("id")) == start.get(q("id"))
        instr = [i for i in body.iter(q("instrText")) if name in i.text]
        assert len(instr) == 1 and instr[0].text.strip() == f"NOTEREF {name} \\f \\h"
        field_runs = instr[0].getparent().itersiblings()
        cached = [r.findtext(q("t")) for r in field_runs if r.find(q("t")) is not None]
        assert cached[0] == number
        paragraph = instr[0].getparent().getparent()
        label = paragraph.find(q("r")).findtext(q("t"))
        assert label == ("1." if number == "2" else "9.")
    assert len(body.findall(".//w:footnoteReference", NS)) == len(layout.notes)


@pytest.mark.parametrize(("family", "lang"), [(f, lang) for f, _, lang in CASES])
def test_every_run_has_the_language(exported: Exported, family: str, lang: str) -> None:
    """w:lang on every run of the body, the notes, headers and footers, and in the defaults."""
    data = exported[family, lang][1]
    tag = {"en": "en-GB", "fr": "fr-FR"}[lang]
    import zipfile
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = [
            n
            for n in archive.namelist()
            if n.startswith("word/")
            and n.rsplit("/", 1)[-1].startswith(("document", "footnotes", "header", "footer"))
        ]
    runs = 0
    for name in names:
        for run in part(data, name).iter(q("r")):
            runs += 1
            assert run.find(f"{q('rPr')}/{q('lang')}").get(q("val")) == tag, name
    assert runs > 20
    default = part(data, "word/styles.xml").find(".//w:docDefaults//w:lang", NS)
    assert default.get(q("val")) == tag
    core = part(data, "docProps/core.xml")
    assert core.findtext("dc:language", namespaces=NS) == tag


def test_french_keeps_no_break_spaces_and_raised_ordinals(exported: Exported) -> None:
    """U+202F before ';' and inside « », U+00A0 before ':'; "47e" with a superscript "e"."""
    un = part(exported["un", "fr"][1], "word/document.xml")
    pieces = [t.text for t in un.iter(q("t"))]
    assert "Original\u00a0: anglais" in pieces
    assert "\u00a0: projet de résolution" in pieces  # after the sponsors' "*"
    assert pieces.count("\u202f;") == 2  # after the repeated marks of paragraphs 1 and 9
    text = "".join(pieces)
    assert "«\u202fCoopération" in text and "autres\u202f»" in text
    assert " ;" not in text and " :" not in text  # no ordinary space before ; or :
    oic = part(exported["oic", "fr"][1], "word/document.xml")
    sups = [r for r in oic.iter(q("r")) if r.find(".//w:vertAlign", NS) is not None]
    assert [r.findtext(q("t")) for r in sups] == ["e", "e", "e", "e"]  # XXIe, 13e, 47e, 49e
    previous = sups[2].getprevious().findtext(q("t"))
    assert previous.endswith("lors de la 47")


def test_un_openers_italic_and_oic_openers_capitals(exported: Exported) -> None:
    """UN: each paragraph starts with an italic opener; OIC: operative verbs in capitals."""
    un = part(exported["un", "en"][1], "word/document.xml")
    for p in un.xpath("//w:p[w:pPr/w:pStyle/@w:val = 'OperativeParagraph']", namespaces=NS):
        opener = p.findall(q("r"))[1]
        assert opener.find(".//w:i", NS) is not None
    first = un.xpath("//w:p[w:pPr/w:pStyle/@w:val = 'PreambularParagraph']/w:r", namespaces=NS)[0]
    assert first.findtext(q("t")) == "Recalling" and first.find(".//w:i", NS) is not None
    oic = part(exported["oic", "en"][1], "word/document.xml")
    verbs = [
        p.findall(q("r"))[1].findtext(q("t")).split()[0]
        for p in oic.xpath("//w:p[w:pPr/w:pStyle/@w:val = 'OperativeParagraph']", namespaces=NS)
    ]
    assert verbs == ["APPROVES", "SETS", "REQUESTS", "THANKS", "REQUESTS"]
    assert oic.find(".//w:i", NS) is None


def test_page_size_footer_page_numbers_and_properties(exported: Exported) -> None:
    """A4 from the pack, PAGE fields in the footers, title/subject/language in core.xml."""
    for family, lang in exported:
        data = exported[family, lang][1]
        document = part(data, "word/document.xml")
        size = document.find(".//w:sectPr/w:pgSz", NS)
        assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
        core = part(data, "docProps/core.xml")
        layout = exported[family, lang][0]
        assert core.findtext("dc:subject", namespaces=NS) == layout.subject
        assert core.findtext("dc:title", namespaces=NS) == next(
            b.text for b in layout.blocks if b.role == "title"
        )
    un = exported["un", "en"][1]
    footers = [part(un, f"word/footer{i}.xml") for i in (1, 2, 3)]
    pages = ["".join(i.text for i in f.iter(q("instrText"))) for f in footers]
    assert sorted(p.strip() for p in pages) == ["", "PAGE  NUMPAGES", "PAGE  NUMPAGES"]
    headers = ["".join(part(un, f"word/header{i}.xml").itertext()) for i in (1, 2, 3)]
    assert sorted(headers) == ["", "A/72/L.20", "A/72/L.20"]
    settings = part(un, "word/settings.xml")
    assert settings.find(q("evenAndOddHeaders")) is not None
    assert part(un, "word/document.xml").find(".//w:sectPr/w:titlePg", NS) is not None
    oic_footer = part(exported["oic", "fr"][1], "word/footer1.xml")
    assert [i.text.strip() for i in oic_footer.iter(q("instrText"))] == ["PAGE"]
