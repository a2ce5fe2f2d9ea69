"""WordprocessingML helpers: styles with inheritance, on/off properties, run text, parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from draftdesk.importers.wordlists import W

_FALSE = {"0", "false", "off"}
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
"""Parts of a Word file are data from a stranger: no entities, no network."""


@dataclass(slots=True)
class Style:
    """What DraftDesk needs of a Word style, before inheritance is resolved."""

    name: str = ""
    based_on: str = ""
    italic: bool | None = None
    bold: bool | None = None
    superscript: bool | None = None
    num: tuple[str, int] | None = None
    centered: bool | None = None


def read_styles(root: Any) -> dict[str, Style]:
    """The paragraph and character styles of `w:styles`, by style id."""
    styles: dict[str, Style] = {}
    for element in root.iterchildren(f"{W}style"):
        style_id = element.get(f"{W}styleId", "")
        name_el = element.find(f"{W}name")
        rpr = element.find(f"{W}rPr")
        ppr = element.find(f"{W}pPr")
        num = None
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is not None and val(numpr, "numId"):
            num = (val(numpr, "numId") or "", int(val(numpr, "ilvl") or 0))
        vert = val(rpr, "vertAlign")
        jc = val(ppr, "jc")
        styles[style_id] = Style(
            name=name_el.get(f"{W}val", style_id) if name_el is not None else style_id,
            based_on=val(element, "basedOn") or "",
            italic=on(rpr.find(f"{W}i"))
            if rpr is not None and rpr.find(f"{W}i") is not None
            else None,
            bold=on(rpr.find(f"{W}b"))
            if rpr is not None and rpr.find(f"{W}b") is not None
            else None,
            superscript=vert == "superscript" if vert is not None else None,
            num=num,
            centered=jc == "center" if jc is not None else None,
        )
    return styles


def related_xml(part: Any, reltype: str) -> Any | None:
    """The parsed XML of the part related to `part` by `reltype`, or None."""
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            try:
                return etree.fromstring(rel.target_part.blob, SAFE_PARSER)
            except etree.XMLSyntaxError:
                return None
    return None


def run_text(element: Any) -> str:
    """The text one child of a run stands for (text, tab, break, hyphen, symbol)."""
    tag = element.tag
    if tag == f"{W}t":
        return str(element.text or "")
    if tag == f"{W}tab":
        return "\t"
    if tag in (f"{W}br", f"{W}cr"):
        return "\n"
    if tag == f"{W}noBreakHyphen":
        return "-"
    if tag == f"{W}sym":
        code = element.get(f"{W}char", "")
        try:
            value = int(code, 16)
        except ValueError:
            return ""
        # Symbol-font characters live in the private area F000–F0FF; their low byte is ASCII.
        return chr(value - 0xF000) if 0xF020 <= value <= 0xF07E else chr(value)
    return ""


def val(element: Any | None, name: str) -> str | None:
    """The w:val of child `name` of `element`, or None."""
    if element is None:
        return None
    child = element.find(f"{W}{name}")
    if child is None:
        return None
    value = child.get(f"{W}val")
    return str(value) if value is not None else None


def on(element: Any | None) -> bool:
    """A Word on/off property: present without w:val, or with a true value."""
    if element is None:
        return False
    value = element.get(f"{W}val")
    return value is None or value.lower() not in _FALSE


def on_attr(value: str | None) -> bool:
    """A Word on/off attribute value that is set and not false."""
    return value is not None and value.lower() not in _FALSE


def flag(rpr: Any | None, name: str, *inherited: bool | None) -> bool:
    """A run toggle (italic, bold): set on the run, else the first inherited value."""
    if rpr is not None:
        element = rpr.find(f"{W}{name}")
        if element is not None:
            return on(element)
    return next((value for value in inherited if value is not None), False)
