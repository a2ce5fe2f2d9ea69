"""Reading a Word document: paragraphs with italics, real footnotes, list labels, tables."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from draftdesk.importers.docx_parts import (
    Style,
    flag,
    on,
    on_attr,
    read_styles,
    related_xml,
    run_text,
    val,
)
from draftdesk.importers.result import Concern
from draftdesk.importers.sources import Source, SourceError, SourceFormat, SourceNote
from draftdesk.importers.sources import SourceParagraph as Paragraph
from draftdesk.importers.wordlists import ListNumbering, W
from draftdesk.model.inline import FootnoteRef, Inline, Text, merge_adjacent

# Subtrees whose text is not part of the paragraph as printed: deleted revisions, drawings
# and text boxes, properties, comments.
_SKIP = {
    f"{W}{name}"
    for name in ("pPr", "rPr", "del", "moveFrom", "drawing", "pict", "commentReference")
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_CONTAINERS = {
    f"{W}{name}"
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml")
} | {f"{W}dir", f"{W}bdo"}
_NOTE_TYPES_SKIPPED = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass(slots=True)
class _Field:
    """A complex field being read: its instruction, and whether its result is shown."""

    instruction: str = ""
    in_result: bool = False
    note_ref: bool = False


@dataclass(slots=True)
class _State:
    """Reading state that crosses runs and paragraphs."""

    fields: list[_Field] = field(default_factory=list)
    pending_mark: str = ""  # a note key whose custom mark ("*") follows in the text
    symbols: dict[str, str] = field(default_factory=dict)
    revisions: bool = False
    text_runs: int = 0  # runs with visible text in the current paragraph
    bold_runs: int = 0  # … of which bold


def read_docx(path: Path, name: str) -> Source:
    """Read a .docx into source paragraphs and notes; SourceError when Word cannot open it."""
    try:
        document = docx.Document(str(path))
    except KeyError:
        raise SourceError(
            "is not a readable Word document (its package lacks a part Word needs)", source=name
        ) from None
    except (PackageNotFoundError, ValueError, zipfile.BadZipFile) as exc:
        raise SourceError(f"is not a readable Word document ({exc})", source=name) from None
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"is a damaged Word document ({exc.msg})", source=name) from None
    return _Reader(document, name).read()


class _Reader:
    """Walks the body of one document in order, tables included."""

    def __init__(self, document: Any, name: str) -> None:
        self.document = document
        self.name = name
        self.styles = read_styles(document.styles.element)
        self.numbering = ListNumbering.from_xml(related_xml(document.part, RT.NUMBERING))
        self.bookmarks: dict[str, str] = {}
        self.state = _State()
        self.paragraphs: list[Paragraph] = []

    def read(self) -> Source:
        """Every paragraph of the body, the notes, and the document's properties."""
        body = self.document.element.body
        self._map_bookmarks(body)
        notes = self._read_notes(RT.FOOTNOTES, "footnote", "f")
        notes.update(self._read_notes(RT.ENDNOTES, "endnote", "e"))
        self._blocks(body)
        _resolve_typed_marks(self.paragraphs, notes, self.state.symbols)
        for key, symbol in self.state.symbols.items():
            if key in notes:
                notes[key].symbol = symbol
                notes[key].items = _without_mark(notes[key].items, symbol)
        source = Source(self.name, SourceFormat.DOCX, paragraphs=self.paragraphs, notes=notes)
        properties = self.document.core_properties
        source.properties = {
            key: value
            for key, value in (("title", properties.title), ("subject", properties.subject))
            if value
        }
        if self.state.revisions:
            source.concerns.append(
                Concern(
                    "the document", "it holds tracked changes: imported as if all were accepted"
                )
            )
        return source

    def _map_bookmarks(self, body: Any) -> None:
        """Bookmark name → note key, for NOTEREF fields that repeat a footnote number."""
        open_marks: dict[str, str] = {}
        for element in body.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}footnoteReference"):
            if element.tag == f"{W}bookmarkStart":
                open_marks[element.get(f"{W}id", "")] = element.get(f"{W}name", "")
            elif element.tag == f"{W}bookmarkEnd":
                open_marks.pop(element.get(f"{W}id", ""), None)
            else:
                for mark in open_marks.values():
                    self.bookmarks.setdefault(mark, "f" + element.get(f"{W}id", ""))

    def _blocks(self, container: Any) -> None:
        for child in container.iterchildren():
            if child.tag == f"{W}p":
                paragraph = self._paragraph(child)
                if paragraph is not None:
                    self.paragraphs.append(paragraph)
            elif child.tag == f"{W}tbl":
                for row in child.iterchildren(f"{W}tr"):
                    for cell in row.iterchildren(f"{W}tc"):
                        self._blocks(cell)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                self._blocks(child)

    def _paragraph(self, element: Any) -> Paragraph | None:
        ppr = element.find(f"{W}pPr")
        style_id = val(ppr, "pStyle") or ""
        style = self._style(style_id)
        num = style.num
        direct = ppr.find(f"{W}numPr") if ppr is not None else None
        if direct is not None:
            num = (val(direct, "numId") or "", int(val(direct, "ilvl") or 0))
        items: list[Inline] = []
        self.state.text_runs = self.state.bold_runs = 0
        self._walk(element, style_id, items)
        items = merge_adjacent(items)
        if not any(isinstance(i, Text) and i.text.strip() for i in items):
            return None
        label, level = "", None
        if num is not None and num[0] not in ("", "0"):
            label, level = self.numbering.next_label(num[0], num[1]), num[1]
        jc = val(ppr, "jc")
        centered = jc == "center" if jc is not None else bool(style.centered)
        bold = self.state.text_runs > 0 and self.state.bold_runs == self.state.text_runs
        return Paragraph(
            items,
            where=f"paragraph {len(self.paragraphs) + 1}",
            list_label=label,
            list_level=level,
            style=style.name,
            centered=centered,
            bold=bold,
        )

    def _walk(self, element: Any, style_id: str, out: list[Inline]) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag in _SKIP:
                if tag in (f"{W}del", f"{W}moveFrom"):
                    self.state.revisions = True
                continue
            if tag == f"{W}r":
                self._run(child, style_id, out)
            elif tag == f"{W}fldSimple":
                bookmark = _noteref_bookmark(child.get(f"{W}instr", ""))
                if bookmark in self.bookmarks:
                    out.append(FootnoteRef(self.bookmarks[bookmark]))
                else:
                    self._walk(child, style_id, out)
            elif tag in _CONTAINERS:
                if tag in (f"{W}ins", f"{W}moveTo"):
                    self.state.revisions = True
                self._walk(child, style_id, out)

    def _run(self, run: Any, style_id: str, out: list[Inline]) -> None:
        rpr = run.find(f"{W}rPr")
        hidden = rpr is not None and on(rpr.find(f"{W}vanish"))
        char = self._style(val(rpr, "rStyle") or "") if rpr is not None else Style()
        para = self._style(style_id)
        italic = flag(rpr, "i", char.italic, para.italic)
        bold = flag(rpr, "b", char.bold, para.bold)
        vert = val(rpr, "vertAlign")
        superscript = vert == "superscript" if vert is not None else bool(char.superscript)
        for child in run.iterchildren():
            tag = child.tag
            if tag == f"{W}fldChar":
                self._field_char(child, out)
                continue
            if tag == f"{W}instrText":
                if self.state.fields:
                    self.state.fields[-1].instruction += child.text or ""
                continue
            if self.state.fields and (
                not self.state.fields[-1].in_result or self.state.fields[-1].note_ref
            ):
                continue  # field code, or the cached number of a NOTEREF
            if tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                prefix = "f" if tag == f"{W}footnoteReference" else "e"
                key = prefix + child.get(f"{W}id", "")
                out.append(FootnoteRef(key))
                if on_attr(child.get(f"{W}customMarkFollows")):
                    self.state.pending_mark = key
                continue
            if hidden:
                continue
            text = run_text(child)
            if not text:
                continue
            if self.state.pending_mark:
                mark = ""
                while text and len(mark) < 3 and not text[0].isalnum() and not text[0].isspace():
                    mark, text = mark + text[0], text[1:]
                if mark:
                    self.state.symbols[self.state.pending_mark] = mark
                    self.state.pending_mark = ""
                if not text:
                    continue
            if text.strip():
                self.state.text_runs += 1
                self.state.bold_runs += bold
            out.append(Text(text, italic=italic, superscript=superscript))

    def _field_char(self, element: Any, out: list[Inline]) -> None:
        kind = element.get(f"{W}fldCharType")
        fields = self.state.fields
        if kind == "begin":
            fields.append(_Field())
        elif kind == "separate" and fields:
            current = fields[-1]
            current.in_result = True
            bookmark = _noteref_bookmark(current.instruction)
            if bookmark in self.bookmarks:
                current.note_ref = True
                out.append(FootnoteRef(self.bookmarks[bookmark]))
            # An unknown bookmark: the cached number shows, and is resolved as a typed mark.
        elif kind == "end" and fields:
            fields.pop()

    def _style(self, style_id: str) -> Style:
        """A style with its inherited properties resolved (basedOn chain)."""
        resolved = Style()
        seen: set[str] = set()
        current = self.styles.get(style_id)
        while current is not None and current.name not in seen:
            seen.add(current.name)
            resolved.name = resolved.name or current.name
            for attr in ("italic", "bold", "superscript", "num", "centered"):
                if getattr(resolved, attr) is None:
                    setattr(resolved, attr, getattr(current, attr))
            current = self.styles.get(current.based_on) if current.based_on else None
        return resolved

    def _read_notes(self, reltype: str, tag: str, prefix: str) -> dict[str, SourceNote]:
        root = related_xml(self.document.part, reltype)
        notes: dict[str, SourceNote] = {}
        if root is None:
            return notes
        for note in root.iterchildren(f"{W}{tag}"):
            if note.get(f"{W}type") in _NOTE_TYPES_SKIPPED:
                continue
            key = prefix + note.get(f"{W}id", "")
            items: list[Inline] = []
            for paragraph in note.iterchildren(f"{W}p"):
                if items:
                    items.append(Text(" "))
                style_id = val(paragraph.find(f"{W}pPr"), "pStyle") or ""
                self._walk(paragraph, style_id, items)
            texts: list[Inline] = [i for i in items if isinstance(i, Text)]
            where = f"{tag} {note.get(f'{W}id')}"
            notes[key] = SourceNote(key, _lstrip_items(texts), where=where)
        return notes


def _without_mark(items: list[Inline], symbol: str) -> list[Inline]:
    """A symbol note repeats its custom mark ("*") where a numbered note has footnoteRef."""
    items = _lstrip_items(items)
    if items and isinstance(items[0], Text) and items[0].text.startswith(symbol):
        first = items[0]
        items = [Text(first.text[len(symbol) :], first.italic, first.superscript), *items[1:]]
    return _lstrip_items(items)


def _lstrip_items(items: list[Inline]) -> list[Inline]:
    items = merge_adjacent(items)
    while items and isinstance(items[0], Text) and not items[0].text.strip():
        items = items[1:]
    if items and isinstance(items[0], Text):
        first = items[0]
        items = [Text(first.text.lstrip(), first.italic, first.superscript), *items[1:]]
    return items


def _noteref_bookmark(instruction: str) -> str:
    """The bookmark a NOTEREF field points at ("" for any other field)."""
    parts = instruction.split()
    if len(parts) > 1 and parts[0].upper() == "NOTEREF":
        return parts[1]
    return ""


def _resolve_typed_marks(
    paragraphs: list[Paragraph], notes: dict[str, SourceNote], symbols: dict[str, str]
) -> None:
    """Superscript numbers typed by hand repeat a note: "2" is the second numbered note.

    Officers often repeat a footnote number by typing it in superscript (or Word shows the
    cached number of a cross-reference whose bookmark is gone); both mean a second
    reference to the note that carries that number.
    """
    order: list[str] = []
    for paragraph in paragraphs:
        for item in paragraph.items:
            if (
                isinstance(item, FootnoteRef)
                and item.footnote_id not in symbols
                and item.footnote_id in notes
                and item.footnote_id not in order
            ):
                order.append(item.footnote_id)
    if not order:
        return
    for paragraph in paragraphs:
        resolved: list[Inline] = []
        for item in paragraph.items:
            digits = item.text.strip() if isinstance(item, Text) and item.superscript else ""
            if digits.isdigit() and 1 <= int(digits) <= len(order):
                resolved.append(FootnoteRef(order[int(digits) - 1]))
            else:
                resolved.append(item)
        paragraph.items = merge_adjacent(resolved)
