"""Layout → .docx bytes: the pack's reference document filled with styled blocks and notes."""

from __future__ import annotations

import io

from draftdesk.export.docx.footnotes import Footnotes
from draftdesk.export.docx.masthead import draw_table, is_table_masthead
from draftdesk.export.docx.page import add_running_heads, set_paper, text_width
from draftdesk.export.docx.properties import language_tag, set_language, set_properties
from draftdesk.export.docx.reference import look_of, open_reference
from draftdesk.export.docx.styleparts import StyleMap
from draftdesk.export.docx.styles import (
    FOOTER,
    FOOTNOTE_REFERENCE,
    FOOTNOTE_TEXT,
    HEADER,
    MASTHEAD_TABLE,
    style_name,
    stylesheet,
)
from draftdesk.export.docx.wml import TAB, Element, R, RunFormat, add_text, paragraph, sub
from draftdesk.packs.model import Pack
from draftdesk.render.layout import Block, BlockRole, Layout


def export_docx(layout: Layout, pack: Pack) -> bytes:
    """The Word document of `layout`, styled by `pack`'s reference document."""
    document = open_reference(pack)
    look = look_of(pack)
    lang_tag = language_tag(layout.lang)
    styles = StyleMap(document.styles.element)
    styles.ensure(stylesheet(look), layout.font, layout.font_size)
    set_language(document, lang_tag)
    set_paper(document, layout.paper)
    fmt = RunFormat(lang_tag)
    notes = Footnotes(
        document, layout, fmt, styles.id(FOOTNOTE_TEXT), styles.id(FOOTNOTE_REFERENCE)
    )
    body = document.element.body
    sect_pr = body.get_or_add_sectPr()
    width = text_width(document)
    for child in list(body):
        body.remove(child)  # the reference's sample paragraphs
    _BodyWriter(styles, fmt, notes).write(body, layout.blocks, width)
    body.append(sect_pr)
    notes.finish()
    add_running_heads(document, look, layout.subject, fmt, styles.id(HEADER), styles.id(FOOTER))
    set_properties(document, layout, lang_tag)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _BodyWriter:
    """Draws blocks as paragraphs in their named styles."""

    def __init__(self, styles: StyleMap, fmt: RunFormat, notes: Footnotes) -> None:
        self.styles = styles
        self.fmt = fmt
        self.notes = notes
        self.style_ids: dict[str, str] = {}

    def write(self, body: Element, blocks: list[Block], width: int) -> None:
        """Append every block; the leading masthead lines become the masthead table if UN."""
        start = 0
        while start < len(blocks) and blocks[start].role is BlockRole.MASTHEAD:
            start += 1
        masthead = blocks[:start]
        if is_table_masthead(masthead):
            masthead = draw_table(
                body, masthead, width, self.styles.id(MASTHEAD_TABLE), self.paragraph
            )
        for block in masthead:
            self.paragraph(body, block)
        for block in blocks[start:]:
            self.paragraph(body, block)

    def paragraph(self, parent: Element, block: Block) -> Element:
        """Append one block as a paragraph: label and tab, then its runs."""
        name = style_name(block)
        style_id = self.style_ids.get(name)
        if style_id is None:
            style_id = self.style_ids[name] = self.styles.id(name)
        p = paragraph(parent, style_id)
        fmt = self.fmt
        if block.label:
            r = sub(p, R)
            fmt.add(r)
            add_text(r, block.label)
            sub(r, TAB)
        for run in block.runs:
            if run.note is not None:
                self.notes.reference(p, run)
            elif run.text:
                fmt.run(p, run.text, bold=run.bold, italic=run.italic, superscript=run.superscript)
        return p
