"""Page furniture: paper size, running heads and page numbers in the footer."""

from __future__ import annotations

from typing import Any

from docx.shared import Twips

from draftdesk.export.docx.fields import add_page_number
from draftdesk.export.docx.reference import DocxDocument, paper_size
from draftdesk.export.docx.styles import Look
from draftdesk.export.docx.wml import Element, P, RunFormat, element, paragraph, sub


def set_paper(document: DocxDocument, paper: str) -> None:
    """The pack's paper size on every section, keeping the reference document's margins."""
    width, height = paper_size(paper)
    for section in document.sections:
        section.page_width, section.page_height = Twips(width), Twips(height)


def text_width(document: DocxDocument) -> int:
    """Width in twips between the margins of the first section."""
    section = document.sections[0]
    return int(section.page_width.twips - section.left_margin.twips - section.right_margin.twips)


def add_running_heads(
    document: DocxDocument,
    look: Look,
    symbol: str,
    fmt: RunFormat,
    header_id: str,
    footer_id: str,
) -> None:
    """Headers and footers as each body prints them.

    UN: the first page carries the masthead and no running head; later pages carry the
    symbol in the header and "page/pages" in the footer, on the outer edge (left on even
    pages, right on odd ones). OIC: the page number centred in the footer of every page.
    """
    section = document.sections[0]
    if look is Look.UN:
        document.settings.odd_and_even_pages_header_footer = True
        section.different_first_page_header_footer = True
        _fill(section.first_page_header)  # the masthead is the first page's head
        _fill(section.first_page_footer)
        for header, footer, side in (
            (section.header, section.footer, "right"),
            (section.even_page_header, section.even_page_footer, "left"),
        ):
            fmt.run(_fill(header, header_id, side), symbol)
            add_page_number(_fill(footer, footer_id, side), fmt, of_pages=True)
        return
    add_page_number(_fill(section.footer, footer_id, "center"), fmt)


def _fill(header_or_footer: Any, style_id: str = "", align: str = "") -> Element:
    """Empty a header or footer of this section and give it one paragraph; return it.

    Without `style_id` the paragraph is a plain one: the header style draws a rule.
    """
    header_or_footer.is_linked_to_previous = False
    root = header_or_footer.part.element
    for child in list(root):
        root.remove(child)
    if not style_id:
        return sub(root, P)
    p = paragraph(root, style_id)
    if align:
        p[0].append(element("jc", {"val": align}))
    return p
