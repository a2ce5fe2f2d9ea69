"""WordprocessingML building blocks: qualified names, runs, text, schema-ordered insertion."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.oxml.parser import OxmlElement
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# XML 1.0 forbids C0 controls (except tab, newline, carriage return), lone surrogates and
# U+FFFE/U+FFFF; lxml refuses them, and a pasted form feed must not abort an export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TAB_OR_BREAK = re.compile("([\t\n])")

Element = Any  # lxml elements (python-docx's custom classes when inside its parts)


def w(local: str) -> str:
    """Clark name of a WordprocessingML element or attribute: w("p") == "{…/main}p"."""
    return f"{{{W_NS}}}{local}"


P, PPR, PSTYLE, R, RPR, RSTYLE, T, TAB, BR = (
    w(name) for name in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "tab", "br")
)
BOLD, ITALIC, VERT_ALIGN, LANG, VAL = w("b"), w("i"), w("vertAlign"), w("lang"), w("val")
FLD_CHAR, FLD_CHAR_TYPE, INSTR_TEXT = w("fldChar"), w("fldCharType"), w("instrText")

sub = etree.SubElement
XML_ERROR = etree.XMLSyntaxError  # what lxml raises for a part that is not well-formed

# Schema order of the children of w:rPr and w:pPr (ECMA-376 Part 1, §17.3.1-2).
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (carriage returns become spaces)."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraph(parent: Element, style_id: str) -> Element:
    """Append a `w:p` with the paragraph style `style_id` to `parent`."""
    p = sub(parent, P)
    sub(sub(p, PPR), PSTYLE).set(VAL, style_id)
    return p


class RunFormat:
    """Builds `w:rPr` for one language, in the element order Word writes (ECMA-376 §17.3.2).

    The order matters to the Open XML SDK validator and to the schema checker's strict mode:
    rStyle, b, i, vertAlign, lang.
    """

    def __init__(self, lang_tag: str) -> None:
        self.lang_tag = lang_tag

    def add(
        self,
        run: Element,
        *,
        bold: bool = False,
        italic: bool = False,
        superscript: bool = False,
        style_id: str = "",
    ) -> Element:
        """Append a `w:rPr` with these properties and the language tag to the run."""
        rpr = sub(run, RPR)
        if style_id:
            sub(rpr, RSTYLE).set(VAL, style_id)
        if bold:
            sub(rpr, BOLD)
        if italic:
            sub(rpr, ITALIC)
        if superscript:
            sub(rpr, VERT_ALIGN).set(VAL, "superscript")
        sub(rpr, LANG).set(VAL, self.lang_tag)
        return rpr

    def tag(self, run: Element) -> None:
        """Give an existing run this language, keeping its other properties."""
        rpr = run.find(RPR)
        if rpr is None:
            rpr = element("rPr")
            run.insert(0, rpr)
        lang = rpr.find(LANG)
        if lang is None:
            lang = insert_in_order(rpr, element("lang"), RPR_ORDER)
        lang.set(VAL, self.lang_tag)

    def run(
        self,
        parent: Element,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        superscript: bool = False,
        style_id: str = "",
    ) -> Element:
        """Append a formatted run holding `text` (tabs and line breaks as Word elements)."""
        r = sub(parent, R)
        self.add(r, bold=bold, italic=italic, superscript=superscript, style_id=style_id)
        add_text(r, text)
        return r


def add_text(run: Element, text: str) -> None:
    """Append `text` to a run: `w:t` pieces, `w:tab` for tabs and `w:br` for line breaks."""
    text = clean(text)
    if "\t" not in text and "\n" not in text:
        _add_t(run, text)
        return
    for piece in _TAB_OR_BREAK.split(text):
        if piece == "\t":
            sub(run, TAB)
        elif piece == "\n":
            sub(run, BR)
        elif piece:
            _add_t(run, piece)


def _add_t(run: Element, text: str) -> None:
    t = sub(run, T)
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(XML_SPACE, "preserve")


def insert_in_order(parent: Element, child: Element, order: Sequence[str]) -> Element:
    """Insert `child` into `parent` where the schema sequence `order` (local names) puts it.

    An existing element with the same tag is replaced, so calling this twice is harmless.
    """
    local = etree.QName(child).localname
    for existing in parent.findall(w(local)):
        parent.remove(existing)
    later = set(order[order.index(local) + 1 :])
    for index, sibling in enumerate(parent):
        if isinstance(sibling.tag, str) and etree.QName(sibling).localname in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def element(tag: str, attributes: dict[str, str] | None = None) -> Element:
    """A free-standing `w:` element with `w:`-qualified attributes.

    Made by python-docx's parser, so the element gets python-docx's element class and
    python-docx can still work on the tree it is inserted into.
    """
    return OxmlElement(f"w:{tag}", {w(name): value for name, value in (attributes or {}).items()})
