"""The UN first-page masthead: a borderless table with the rules UN documents print."""

from __future__ import annotations

from collections.abc import Callable

from draftdesk.export.docx.wml import Element, P, sub, w
from draftdesk.render.layout import Block

# Where each masthead line goes in the grid: (row, cell). Row 0 holds "United Nations"
# and the symbol; row 1 the organ and the distribution column, as on a UN first page.
TABLE_CELLS = {
    "org": (0, 0),
    "symbol": (0, 1),
    "organ": (1, 0),
    "distribution": (1, 1),
    "date": (1, 1),
    "original": (1, 1),
}
# Rules under the rows, in eighths of a point: a hairline, then the heavy bar.
_ROW_RULES = (4, 24)
# Column shares of the text width: "United Nations" | symbol …, organ … | Distr. column.
_GRID = (0.42, 0.24, 0.34)
_ROW_SPANS = ((1, 2), (2, 1))

DrawParagraph = Callable[[Element, Block], Element]


def is_table_masthead(blocks: list[Block]) -> bool:
    """True when the masthead lines are those of a UN-style first page."""
    return any(block.key in ("org", "symbol") for block in blocks)


def draw_table(
    parent: Element, blocks: list[Block], width: int, style_id: str, draw: DrawParagraph
) -> list[Block]:
    """Append the masthead table for the table lines of `blocks`; return the other lines.

    `draw(cell, block)` appends one block's paragraph to a cell; a cell with no line gets
    an empty paragraph, because Word needs a paragraph as the last element of every cell.
    """
    cells: dict[tuple[int, int], list[Block]] = {}
    rest: list[Block] = []
    for block in blocks:
        place = TABLE_CELLS.get(block.key)
        if place is None:
            rest.append(block)
        else:
            cells.setdefault(place, []).append(block)
    columns = [round(width * share) for share in _GRID]
    columns[-1] = width - sum(columns[:-1])
    tbl = sub(parent, w("tbl"))
    tbl_pr = sub(tbl, w("tblPr"))
    sub(tbl_pr, w("tblStyle")).set(w("val"), style_id)
    tbl_w = sub(tbl_pr, w("tblW"))
    tbl_w.set(w("w"), str(width))
    tbl_w.set(w("type"), "dxa")
    sub(tbl_pr, w("tblLayout")).set(w("type"), "fixed")
    grid = sub(tbl, w("tblGrid"))
    for column in columns:
        sub(grid, w("gridCol")).set(w("w"), str(column))
    for row, spans in enumerate(_ROW_SPANS):
        tr = sub(tbl, w("tr"))
        sub(sub(tr, w("trPr")), w("cantSplit"))
        first_column = 0
        for cell, span in enumerate(spans):
            cell_width = sum(columns[first_column : first_column + span])
            first_column += span
            tc = sub(tr, w("tc"))
            _cell_properties(
                tc, cell_width, span, _ROW_RULES[row], "bottom" if row == 0 else "top"
            )
            lines = cells.get((row, cell), [])
            for block in lines:
                draw(tc, block)
            if not lines:
                sub(tc, P)
    return rest


def _cell_properties(tc: Element, width: int, span: int, rule: int, align: str) -> None:
    tc_pr = sub(tc, w("tcPr"))
    tc_w = sub(tc_pr, w("tcW"))
    tc_w.set(w("w"), str(width))
    tc_w.set(w("type"), "dxa")
    if span > 1:
        sub(tc_pr, w("gridSpan")).set(w("val"), str(span))
    bottom = sub(sub(tc_pr, w("tcBorders")), w("bottom"))
    for name, value in (("val", "single"), ("sz", str(rule)), ("space", "0"), ("color", "auto")):
        bottom.set(w(name), value)
    margins = sub(tc_pr, w("tcMar"))
    padding = sub(margins, w("bottom"))
    padding.set(w("w"), "60")
    padding.set(w("type"), "dxa")
    sub(tc_pr, w("vAlign")).set(w("val"), align)
