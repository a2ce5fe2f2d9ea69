"""Real Word footnotes: the footnotes part, references, symbol marks and repeated numbers.

python-docx has no footnote API (upstream issue #1), so this module writes the OOXML
itself: a `/word/footnotes.xml` part with the separator notes, `w:footnotePr` in settings,
a `w:footnoteReference` at the first reference of each note, and for a later reference to
the same note a NOTEREF field to a bookmark around the first one, with the number the core
computed as its cached result (a second `w:footnoteReference` would print a second note).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml

from draftdesk.export.docx.fields import add_noteref
from draftdesk.export.docx.reference import SETTINGS_ORDER, DocxDocument
from draftdesk.export.docx.wml import (
    TAB,
    XML_ERROR,
    Element,
    R,
    RunFormat,
    add_text,
    element,
    insert_in_order,
    paragraph,
    sub,
    w,
)
from draftdesk.render.layout import Layout, Note, Run

_STRUCTURAL = {"separator", "continuationSeparator", "continuationNotice"}
_EMPTY_PART = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


@dataclass(slots=True)
class _Placed:
    """A note whose first reference is already in the document."""

    docx_id: int
    note: Note
    custom_mark: bool
    bookmark: str = ""


class Footnotes:
    """The footnotes of one export, written as their references are drawn."""

    def __init__(
        self, document: DocxDocument, layout: Layout, fmt: RunFormat, text_id: str, ref_id: str
    ) -> None:
        self.fmt = fmt
        self.text_id = text_id  # paragraph style "footnote text"
        self.ref_id = ref_id  # character style "footnote reference"
        self.root = _replace_part(document)
        structural = {
            note.get(w("type")): int(note.get(w("id")))
            for note in self.root.iterfind(w("footnote"))
        }
        _declare_separators(document.settings.element, structural)
        for r in self.root.iter(R):  # separator runs too: every run says its language
            fmt.tag(r)
        self.first_id = max(structural.values(), default=0) + 1
        self.notes = {note.footnote_id: note for note in layout.notes}
        self.references = Counter(
            run.note for block in layout.blocks for run in block.runs if run.note is not None
        )
        self.placed: dict[str, _Placed] = {}
        self.auto_numbered = 0
        self.next_bookmark = 1

    def reference(self, parent: Element, run: Run) -> None:
        """Draw the mark `run` into the paragraph `parent`: a note, or a repeat of one."""
        assert run.note is not None
        placed = self.placed.get(run.note)
        note = self.notes.get(run.note)
        if placed is not None:
            if placed.bookmark:
                add_noteref(parent, placed.bookmark, placed.note.mark, self.fmt, self.ref_id)
            else:  # more references drawn than the layout holds: keep the number visible
                self.fmt.run(parent, placed.note.mark, style_id=self.ref_id)
            return
        if note is None:  # a mark without a note in the layout: print it, invent nothing
            self.fmt.run(parent, run.text, superscript=True)
            return
        # Word numbers automatic notes itself, in reference order, skipping custom marks;
        # a note whose computed mark is not the number Word would print gets its mark
        # as a custom mark, so the printed mark is always the core's.
        custom = note.mark != str(self.auto_numbered + 1)
        if not custom:
            self.auto_numbered += 1
        placed = _Placed(self.first_id + len(self.placed), note, custom)
        self.placed[run.note] = placed
        bookmark_id = ""
        if self.references[run.note] > 1:
            bookmark_id = str(self.next_bookmark)
            self.next_bookmark += 1
            placed.bookmark = f"_RefNote{placed.docx_id}"
            start = sub(parent, w("bookmarkStart"))
            start.set(w("id"), bookmark_id)
            start.set(w("name"), placed.bookmark)
        r = sub(parent, R)
        self.fmt.add(r, style_id=self.ref_id)
        ref = sub(r, w("footnoteReference"))
        if custom:
            ref.set(w("customMarkFollows"), "1")
        ref.set(w("id"), str(placed.docx_id))
        if custom:
            add_text(r, note.mark)
        if bookmark_id:
            sub(parent, w("bookmarkEnd")).set(w("id"), bookmark_id)

    def finish(self) -> None:
        """Write the text of every referenced note into the footnotes part, in number order."""
        marks = {note.footnote_id: note.mark for note in self.notes.values()}
        for placed in self.placed.values():
            footnote = sub(self.root, w("footnote"))
            footnote.set(w("id"), str(placed.docx_id))
            p = paragraph(footnote, self.text_id)
            r = sub(p, R)
            self.fmt.add(r, style_id=self.ref_id)
            if placed.custom_mark:
                add_text(r, placed.note.mark)
            else:
                sub(r, w("footnoteRef"))
            r = sub(p, R)
            self.fmt.add(r)
            sub(r, TAB)
            for run in placed.note.runs:
                if run.is_note:  # a note citing a note: its mark as plain superscript
                    mark = marks.get(run.note or "", run.text)
                    self.fmt.run(p, mark, superscript=True)
                elif run.text:
                    self.fmt.run(
                        p, run.text, bold=run.bold, italic=run.italic, superscript=run.superscript
                    )


def _replace_part(document: DocxDocument) -> Element:
    """A new footnotes part keeping the separators of the reference document's, if any."""
    part = document.part
    root = parse_xml(_EMPTY_PART)
    for rid, rel in list(part.rels.items()):
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        old = rel.target_part
        try:
            old_root = old.element if isinstance(old, XmlPart) else parse_xml(old.blob)
        except (XML_ERROR, ValueError):  # a damaged part: fall back to plain separators
            old_root = None
        structural = (
            []
            if old_root is None
            else [
                note
                for note in old_root.iterfind(w("footnote"))
                if note.get(w("type")) in _STRUCTURAL
            ]
        )
        if structural:
            for note in list(root):
                root.remove(note)
            root.extend(structural)
        part.drop_rel(rid)
    new = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, part.package)
    part.relate_to(new, RT.FOOTNOTES)
    return root


def _declare_separators(settings: Element, structural: dict[str, int]) -> None:
    """`w:footnotePr` naming the separator notes, before `w:compat` as the schema orders it."""
    footnote_pr = element("footnotePr")
    for kind in ("separator", "continuationSeparator", "continuationNotice"):
        if kind in structural:
            sub(footnote_pr, w("footnote")).set(w("id"), str(structural[kind]))
    insert_in_order(settings, footnote_pr, SETTINGS_ORDER)
