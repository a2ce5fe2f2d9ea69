"""styles.xml: writing style definitions and document defaults, and finding styles by name."""

from __future__ import annotations

from draftdesk.export.docx.styles import CharFormat, ParagraphFormat, StyleSpec
from draftdesk.export.docx.wml import (
    PPR_ORDER,
    RPR_ORDER,
    VAL,
    Element,
    element,
    insert_in_order,
    sub,
    w,
)

# Schema order of the children of w:styles, w:style, w:pPr and w:rPr (ECMA-376 Part 1).
_STYLES_ORDER = ("docDefaults", "latentStyles", "style")
_DOC_DEFAULTS_ORDER = ("rPrDefault", "pPrDefault")


class StyleMap:
    """Style ids of a document's styles by name (Word localises ids, never the built-in names).

    A reference document made in a French Word calls "footnote text" `Notedebasdepage`;
    looking styles up by name keeps such a document usable as it is.
    """

    def __init__(self, styles: Element) -> None:
        self.styles = styles
        self.ids: dict[str, str] = {}
        for style in styles.iterfind(w("style")):
            name = style.find(w("name"))
            if name is not None and name.get(VAL):
                self.ids.setdefault(name.get(VAL).lower(), style.get(w("styleId")))

    def ensure(self, specs: list[StyleSpec], font: str, size: float) -> None:
        """Define every style of `specs` the document lacks (matched by name)."""
        for spec in specs:
            if spec.name.lower() not in self.ids:
                style_id = spec.style_id
                taken = set(self.ids.values())
                while style_id in taken:  # an unrelated style already uses the id
                    style_id += "X"
                self.styles.append(style_element(spec, style_id, font, size))
                self.ids[spec.name.lower()] = style_id

    def id(self, name: str) -> str:
        """The style id of the style called `name`."""
        return self.ids[name.lower()]


def style_element(spec: StyleSpec, style_id: str, font: str, size: float) -> Element:
    """A `w:style` element for `spec` with body text in `font` at `size` points."""
    style = element("style", {"type": spec.kind, "styleId": style_id})
    if spec.name == "Normal":
        style.set(w("default"), "1")
    sub(style, w("name")).set(VAL, spec.name)
    if spec.based_on and spec.name != "Normal":
        sub(style, w("basedOn")).set(VAL, spec.based_on)
    if spec.next_id:
        sub(style, w("next")).set(VAL, spec.next_id)
    sub(style, w("uiPriority")).set(VAL, str(spec.priority))
    if spec.priority == 99:
        sub(style, w("unhideWhenUsed"))
    else:
        sub(style, w("qFormat"))
    if spec.kind == "table":
        _table_properties(style)
        return style
    if spec.kind == "paragraph":
        _paragraph_properties(sub(style, w("pPr")), spec.para)
    _run_properties(style, spec.char, font, size)
    return style


def _paragraph_properties(ppr: Element, para: ParagraphFormat) -> None:
    if para.keep_next:
        sub(ppr, w("keepNext"))
    if para.keep_lines:
        sub(ppr, w("keepLines"))
    if para.page_break_before:
        sub(ppr, w("pageBreakBefore"))
    if para.rule_below:
        bottom = sub(sub(ppr, w("pBdr")), w("bottom"))
        for name, value in (
            ("val", "single"),
            ("sz", str(para.rule_below)),
            ("space", "1"),
            ("color", "auto"),
        ):
            bottom.set(w(name), value)
    if para.tabs:
        tabs = sub(ppr, w("tabs"))
        for position in para.tabs:
            tab = sub(tabs, w("tab"))
            tab.set(w("val"), "left")
            tab.set(w("pos"), str(position))
    spacing = sub(ppr, w("spacing"))
    spacing.set(w("before"), str(para.before))
    spacing.set(w("after"), str(para.after))
    if para.left or para.right or para.first_line or para.hanging:
        ind = sub(ppr, w("ind"))
        ind.set(w("left"), str(para.left))
        ind.set(w("right"), str(para.right))
        if para.hanging:
            ind.set(w("hanging"), str(para.hanging))
        elif para.first_line:
            ind.set(w("firstLine"), str(para.first_line))
    if para.align:
        sub(ppr, w("jc")).set(VAL, para.align)


def _run_properties(style: Element, char: CharFormat, font: str, size: float) -> None:
    if not (char.size or char.bold or char.italic or char.superscript):
        return
    rpr = sub(style, w("rPr"))
    if char.bold:
        sub(rpr, w("b"))
        sub(rpr, w("bCs"))
    if char.italic:
        sub(rpr, w("i"))
        sub(rpr, w("iCs"))
    if char.size:
        half_points = str(round((size + char.size) * 2))
        sub(rpr, w("sz")).set(VAL, half_points)
        sub(rpr, w("szCs")).set(VAL, half_points)
    if char.superscript:
        sub(rpr, w("vertAlign")).set(VAL, "superscript")


def _table_properties(style: Element) -> None:
    """A borderless table with no cell padding: the masthead grid, rules drawn per cell."""
    ppr = sub(style, w("pPr"))
    spacing = sub(ppr, w("spacing"))
    spacing.set(w("before"), "0")
    spacing.set(w("after"), "0")
    tblpr = sub(style, w("tblPr"))
    borders = sub(tblpr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, w(side)).set(VAL, "nil")
    margins = sub(tblpr, w("tblCellMar"))
    for side in ("left", "right"):
        width = sub(margins, w(side))
        width.set(w("w"), "0")
        width.set(w("type"), "dxa")


def set_document_defaults(styles: Element, font: str, size: float, lang_tag: str) -> None:
    """Font, size, spacing and language every run and paragraph inherits."""
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = insert_in_order(styles, element("docDefaults"), _STYLES_ORDER)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = insert_in_order(defaults, element("rPrDefault"), _DOC_DEFAULTS_ORDER)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = sub(rpr_default, w("rPr"))
    fonts = element("rFonts")
    for slot in ("ascii", "eastAsia", "hAnsi", "cs"):
        fonts.set(w(slot), font)
    insert_in_order(rpr, fonts, RPR_ORDER)
    half_points = str(round(size * 2))
    insert_in_order(rpr, element("sz", {"val": half_points}), RPR_ORDER)
    insert_in_order(rpr, element("szCs", {"val": half_points}), RPR_ORDER)
    set_default_language(styles, lang_tag)
    ppr_default = defaults.find(w("pPrDefault"))
    if ppr_default is None:
        ppr_default = insert_in_order(defaults, element("pPrDefault"), _DOC_DEFAULTS_ORDER)
    ppr = ppr_default.find(w("pPr"))
    if ppr is None:
        ppr = sub(ppr_default, w("pPr"))
    spacing = element("spacing", {"after": "0", "line": "240", "lineRule": "auto"})
    insert_in_order(ppr, spacing, PPR_ORDER)


def set_default_language(styles: Element, lang_tag: str) -> None:
    """The proofing language of the document defaults (`w:lang` in `w:rPrDefault`)."""
    rpr_default = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}")
    if rpr_default is None:
        set_document_defaults(styles, "Times New Roman", 12.0, lang_tag)
        return
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = sub(rpr_default, w("rPr"))
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = insert_in_order(rpr, element("lang"), RPR_ORDER)
    lang.set(VAL, lang_tag)
    lang.set(w("bidi"), "ar-SA")  # Arabic is the right-to-left language of these bodies
