"""The named Word styles of a resolution: which block gets which style, and their definitions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from draftdesk.render.layout import Block, BlockRole

CM = 567  # twips in a centimetre, rounded as Word rounds it


class Look(StrEnum):
    """The two families of house style the exporter draws."""

    UN = "un"  # masthead table, indented text block, symbol in the running head
    OIC = "oic"  # centred heading stack, full-width text


@dataclass(slots=True, frozen=True)
class ParagraphFormat:
    """Paragraph properties of a style (lengths in twips, spacing in twentieths of a point)."""

    align: str = ""  # both | center | left | right ("" inherits)
    left: int = 0
    right: int = 0
    first_line: int = 0
    hanging: int = 0
    before: int = 0
    after: int = 0
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    tabs: tuple[int, ...] = ()
    rule_below: int = 0  # width of a rule under the paragraph, in eighths of a point


@dataclass(slots=True, frozen=True)
class CharFormat:
    """Character properties of a style; `size` is in points relative to the body size."""

    size: float = 0.0
    bold: bool = False
    italic: bool = False
    superscript: bool = False


@dataclass(slots=True, frozen=True)
class StyleSpec:
    """One named style as the reference document defines it."""

    name: str
    style_id: str
    kind: str = "paragraph"  # paragraph | character | table
    based_on: str = "Normal"
    next_id: str = ""
    para: ParagraphFormat = field(default_factory=ParagraphFormat)
    char: CharFormat = field(default_factory=CharFormat)
    priority: int = 10


# Names an editor sees in Word's style gallery; the built-in names are Word's own
# ("footnote text", "header") so that Word treats them as its built-in styles.
MASTHEAD_STYLES = {
    "org": "Masthead Organization",
    "symbol": "Masthead Symbol",
    "organ": "Masthead Organ",
    "distribution": "Masthead Distribution",
    "date": "Masthead Distribution",
    "original": "Masthead Original",
    "session": "Masthead Session",
    "agenda": "Masthead Agenda Item",
    "agenda-title": "Masthead Agenda Title",
    "heading": "Masthead Heading",
    "on": "Masthead Subheading",
}
MASTHEAD_LINE = "Masthead Line"
CLOSING_STYLES = {"separator": "Closing Separator", "reference": "Closing Reference"}
CLOSING_LINE = "Closing Line"
ROLE_STYLES = {
    BlockRole.SPONSORS: "Sponsors",
    BlockRole.TITLE: "Resolution Title",
    BlockRole.OPENING: "Opening Formula",
    BlockRole.PREAMBULAR: "Preambular Paragraph",
    BlockRole.OPERATIVE: "Operative Paragraph",
    BlockRole.ANNEX_TITLE: "Annex Title",
    BlockRole.ANNEX: "Annex Paragraph",
}
SUBPARAGRAPH_STYLES = ("Subparagraph 1", "Subparagraph 2", "Subparagraph 3")
FOOTNOTE_TEXT = "footnote text"
FOOTNOTE_REFERENCE = "footnote reference"
HEADER = "header"
FOOTER = "footer"
MASTHEAD_TABLE = "Masthead Table"


def style_name(block: Block) -> str:
    """The name of the Word style a block is drawn in."""
    if block.role is BlockRole.MASTHEAD:
        return MASTHEAD_STYLES.get(block.key, MASTHEAD_LINE)
    if block.role is BlockRole.CLOSING:
        return CLOSING_STYLES.get(block.key, CLOSING_LINE)
    if block.role is BlockRole.SUBPARAGRAPH:
        return SUBPARAGRAPH_STYLES[min(max(block.level, 1), len(SUBPARAGRAPH_STYLES)) - 1]
    return ROLE_STYLES[block.role]


def stylesheet(look: Look) -> list[StyleSpec]:
    """Every style the exporter uses, as the reference document of `look` defines it."""
    specs = {spec.name: spec for spec in _common()}
    for name, para in (_UN if look is Look.UN else _OIC).items():
        specs[name] = replace(specs[name], para=para)
    return list(specs.values())


def required_style_names() -> set[str]:
    """Names of the styles a reference document must define for the exporter."""
    return {spec.name for spec in _common()}


def _para(
    name: str, style_id: str, para: ParagraphFormat, size: float = 0.0, bold: bool = False
) -> StyleSpec:
    return StyleSpec(name, style_id, para=para, char=CharFormat(size=size, bold=bold))


def _common() -> list[StyleSpec]:
    body = ParagraphFormat(align="both", after=120)
    numbered = ParagraphFormat(align="both", left=CM, hanging=CM, after=120, tabs=(CM,))
    small = -2.0
    return [
        _para("Masthead Organization", "MastheadOrganization", ParagraphFormat(), size=small),
        _para("Masthead Symbol", "MastheadSymbol", ParagraphFormat(align="right"), size=8.0),
        _para("Masthead Organ", "MastheadOrgan", ParagraphFormat(), size=10.0, bold=True),
        _para("Masthead Distribution", "MastheadDistribution", ParagraphFormat(), size=small),
        _para("Masthead Original", "MastheadOriginal", ParagraphFormat(before=240), size=small),
        _para("Masthead Session", "MastheadSession", ParagraphFormat(before=120), size=small),
        _para("Masthead Agenda Item", "MastheadAgendaItem", ParagraphFormat(), size=small),
        _para(
            "Masthead Agenda Title",
            "MastheadAgendaTitle",
            ParagraphFormat(right=8 * CM),
            size=small,
            bold=True,
        ),
        _para(
            "Masthead Heading",
            "MastheadHeading",
            ParagraphFormat(align="center", after=120, keep_next=True),
            bold=True,
        ),
        _para(
            "Masthead Subheading",
            "MastheadSubheading",
            ParagraphFormat(align="center", after=120, keep_next=True),
            bold=True,
        ),
        _para("Masthead Line", "MastheadLine", ParagraphFormat(), size=small),
        _para(
            "Sponsors",
            "Sponsors",
            ParagraphFormat(before=480, after=240, keep_next=True, keep_lines=True),
            bold=True,
        ),
        _para(
            "Resolution Title",
            "ResolutionTitle",
            ParagraphFormat(after=360, keep_next=True, keep_lines=True),
            size=2.0,
            bold=True,
        ),
        _para("Opening Formula", "OpeningFormula", replace(body, keep_next=True)),
        _para("Preambular Paragraph", "PreambularParagraph", body),
        _para("Operative Paragraph", "OperativeParagraph", numbered),
        _para(
            "Subparagraph 1",
            "Subparagraph1",
            replace(numbered, left=2 * CM, tabs=(2 * CM,)),
        ),
        _para(
            "Subparagraph 2",
            "Subparagraph2",
            replace(numbered, left=3 * CM, tabs=(3 * CM,)),
        ),
        _para(
            "Subparagraph 3",
            "Subparagraph3",
            replace(numbered, left=4 * CM, tabs=(4 * CM,)),
        ),
        _para(
            "Annex Title",
            "AnnexTitle",
            ParagraphFormat(
                align="center", before=240, after=360, keep_next=True, page_break_before=True
            ),
            size=2.0,
            bold=True,
        ),
        _para("Annex Paragraph", "AnnexParagraph", numbered),
        _para(
            "Closing Separator",
            "ClosingSeparator",
            ParagraphFormat(align="center", before=360, after=120, keep_next=True),
        ),
        _para("Closing Reference", "ClosingReference", ParagraphFormat(before=240), size=small),
        _para("Closing Line", "ClosingLine", ParagraphFormat(before=120)),
        StyleSpec(
            FOOTNOTE_TEXT,
            "FootnoteText",
            para=ParagraphFormat(align="both", left=CM // 2, hanging=CM // 2, tabs=(CM // 2,)),
            char=CharFormat(size=small),
            priority=99,
        ),
        StyleSpec(
            FOOTNOTE_REFERENCE,
            "FootnoteReference",
            kind="character",
            based_on="DefaultParagraphFont",
            char=CharFormat(superscript=True),
            priority=99,
        ),
        StyleSpec(
            HEADER,
            "Header",
            para=ParagraphFormat(rule_below=6),
            char=CharFormat(size=small, bold=True),
            priority=99,
        ),
        StyleSpec(FOOTER, "Footer", char=CharFormat(size=small), priority=99),
        StyleSpec(MASTHEAD_TABLE, "MastheadTable", kind="table", based_on="TableNormal"),
    ]


# The UN text block is indented 1.27 cm from both margins, as in UN documents, so the
# masthead rules and the running head stand out to the full measure.
_BLOCK = int(1.27 * CM)
_UN: dict[str, ParagraphFormat] = {
    "Sponsors": ParagraphFormat(
        left=_BLOCK, right=_BLOCK, before=480, after=240, keep_next=True, keep_lines=True
    ),
    "Resolution Title": ParagraphFormat(
        left=_BLOCK, right=_BLOCK + 2 * CM, after=360, keep_next=True, keep_lines=True
    ),
    "Opening Formula": ParagraphFormat(
        align="both", left=_BLOCK, right=_BLOCK, first_line=_BLOCK, after=120, keep_next=True
    ),
    "Preambular Paragraph": ParagraphFormat(
        align="both", left=_BLOCK, right=_BLOCK, first_line=_BLOCK, after=120
    ),
    "Operative Paragraph": ParagraphFormat(
        align="both", left=2 * _BLOCK, right=_BLOCK, hanging=_BLOCK, after=120, tabs=(2 * _BLOCK,)
    ),
    "Subparagraph 1": ParagraphFormat(
        align="both", left=3 * _BLOCK, right=_BLOCK, hanging=_BLOCK, after=120, tabs=(3 * _BLOCK,)
    ),
    "Subparagraph 2": ParagraphFormat(
        align="both", left=4 * _BLOCK, right=_BLOCK, hanging=_BLOCK, after=120, tabs=(4 * _BLOCK,)
    ),
    "Subparagraph 3": ParagraphFormat(
        align="both", left=5 * _BLOCK, right=_BLOCK, hanging=_BLOCK, after=120, tabs=(5 * _BLOCK,)
    ),
    "Annex Paragraph": ParagraphFormat(
        align="both", left=2 * _BLOCK, right=_BLOCK, hanging=_BLOCK, after=120, tabs=(2 * _BLOCK,)
    ),
    "Closing Line": ParagraphFormat(left=_BLOCK, right=_BLOCK, before=120),
    "footnote text": ParagraphFormat(
        align="both",
        left=_BLOCK + CM // 2,
        right=_BLOCK,
        hanging=CM // 2,
        tabs=(_BLOCK + CM // 2,),
    ),
}
_OIC: dict[str, ParagraphFormat] = {
    "Preambular Paragraph": ParagraphFormat(align="both", first_line=CM, after=120),
    "Resolution Title": ParagraphFormat(
        align="center", left=CM, right=CM, after=480, keep_next=True, keep_lines=True
    ),
    "Opening Formula": ParagraphFormat(align="both", after=240, keep_next=True),
}
