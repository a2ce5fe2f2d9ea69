"""Word files built the way people type them: typed numbers, Word lists, real footnotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Run = str | tuple[str, str]  # text, or (text, flags) with flags among "i" (italic), "b", "^"


@dataclass
class WordFile:
    """A document being typed: paragraphs, Word footnotes and numbered lists."""

    document: object = field(default_factory=docx.Document)
    notes: list[tuple[int, str]] = field(default_factory=list)
    bookmarks: int = 0

    def __post_init__(self) -> None:
        styles = self.document.styles
        text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text.font.size = Pt(10)
        reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        reference.font.superscript = True

    def paragraph(self, *runs: Run, style: str | None = None, center: bool = False) -> object:
        """A paragraph typed run by run."""
        paragraph = self.document.add_paragraph(style=style)
        if center:
            paragraph.alignment = 1
        for run in runs:
            self.run(paragraph, run)
        return paragraph

    def run(self, paragraph: object, run: Run) -> object:
        """Add one run, italic, bold or superscript as its flags say."""
        text, flags = (run, "") if isinstance(run, str) else run
        added = paragraph.add_run(text)
        added.italic = "i" in flags or None
        added.bold = "b" in flags or None
        if "^" in flags:
            added.font.superscript = True
        return added

    def footnote(
        self, paragraph: object, text: str, *, mark: str = "", bookmark: bool = False
    ) -> int:
        """A real Word footnote at the end of `paragraph`; `mark` ("*") for a symbol note."""
        note_id = len(self.notes) + 1
        self.notes.append((note_id, text))
        run = paragraph.add_run()
        run.style = self.document.styles["Footnote Reference"]
        reference = run._r.makeelement(qn("w:footnoteReference"), {qn("w:id"): str(note_id)})
        if mark:
            reference.set(qn("w:customMarkFollows"), "1")
        run._r.append(reference)
        if mark:
            run._r.append(parse_xml(f'<w:t xmlns:w="{W_NS}">{escape(mark)}</w:t>'))
        if bookmark:
            self.bookmarks += 1
            name = f"_Ref{note_id:08d}"
            start = parse_xml(
                f'<w:bookmarkStart xmlns:w="{W_NS}" w:id="{self.bookmarks}" w:name="{name}"/>'
            )
            end = parse_xml(f'<w:bookmarkEnd xmlns:w="{W_NS}" w:id="{self.bookmarks}"/>')
            run._r.addprevious(start)
            run._r.addnext(end)
        return note_id

    def noteref(self, paragraph: object, note_id: int, shown: str) -> None:
        """Word's cross-reference to a footnote number (Insert > Cross-reference)."""
        name = f"_Ref{note_id:08d}"
        xml = (
            f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> NOTEREF {name} \\f \\h '
            "</w:instrText></w:r>"
            f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f"<w:t>{shown}</w:t></w:r>"
            f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'
        )
        for element in parse_xml(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'):
            paragraph._p.append(element)

    def word_list(self, levels: tuple[str, str, str] = ("%1.", "(%2)", "(%3)")) -> str:
        """A multi-level list as Word defines one (1. / (a) / (i)); returns its numId."""
        numbering = self.document.part.numbering_part.element
        abstract_id = str(90 + len(numbering.findall(qn("w:abstractNum"))))
        formats = ("decimal", "lowerLetter", "lowerRoman")
        levels = list(zip(formats, levels, strict=True))
        lvl_xml = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{lvl_xml}</w:abstractNum>'
        )
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num_id = str(900 + len(numbering.findall(qn("w:num"))))
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )
        return num_id

    def listed(self, num_id: str, level: int, *runs: Run) -> object:
        """A paragraph in a Word numbered list at `level` (0 = 1., 1 = (a), 2 = (i))."""
        paragraph = self.paragraph(*runs)
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
        return paragraph

    def table(self, rows: list[list[str]]) -> None:
        """A table, as UN mastheads are laid out in Word ("United Nations" | symbol)."""
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    def tracked(self, paragraph: object, inserted: str, deleted: str) -> None:
        """A tracked insertion and deletion, as Word writes them with Track Changes on."""
        xml = (
            f'<w:ins xmlns:w="{W_NS}" w:id="901" w:author="Delegate" '
            f'w:date="2017-11-20T10:00:00Z"><w:r><w:t xml:space="preserve">{escape(inserted)}'
            "</w:t></w:r></w:ins>"
        )
        paragraph._p.append(parse_xml(xml))
        xml = (
            f'<w:del xmlns:w="{W_NS}" w:id="902" w:author="Delegate" '
            f'w:date="2017-11-20T10:00:00Z"><w:r><w:delText xml:space="preserve">'
            f"{escape(deleted)}</w:delText></w:r></w:del>"
        )
        paragraph._p.append(parse_xml(xml))

    def line_break(self, paragraph: object) -> None:
        """A manual line break (Shift+Enter) inside a paragraph."""
        paragraph.add_run().add_break()

    def header(self, *lines: str) -> None:
        """A page header (the symbol, a page number field), as UN documents have."""
        header = self.document.sections[0].header
        header.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            header.add_paragraph(line)

    def save(self, path: Path) -> Path:
        """Write the file, with the footnotes part Word would have written."""
        if self.notes:
            self._footnotes_part()
        self.document.save(str(path))
        return path

    def _footnotes_part(self) -> None:
        notes = "".join(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for note_id, text in self.notes
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W_NS}">'
            '<w:footnote w:type="separator" w:id="-1">'
            "<w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>"
            f"{notes}</w:footnotes>"
        )
        package = self.document.part.package
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), package)
        self.document.part.relate_to(part, RT.FOOTNOTES)
