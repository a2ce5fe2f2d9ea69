"""Computed numbers: operative paragraphs, sub-paragraph labels, footnotes, cross-references."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from draftdesk.language import ordinal_words
from draftdesk.model.document import Document, Footnote, Paragraph, Part

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(number: int) -> str:
    """Lower-case roman numeral (1 → i, 14 → xiv)."""
    parts: list[str] = []
    for value, letters in _ROMAN:
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


def alphabetic(number: int) -> str:
    """a … z, then aa, bb … as UN documents continue sub-paragraph letters."""
    letter = "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]
    return letter * ((number - 1) // 26 + 1)


def subparagraph_label(level: int, index: int, lang: str) -> str:
    """Label of the `index`-th (1-based) sub-paragraph at `level` (1-based).

    EN (a) → (i) → a. ; FR a) → i) → a. (UN Editorial Manual, style-rules.md §1.6).
    """
    if level == 1:
        core = alphabetic(index)
    elif level == 2:
        core = roman(index)
    else:
        return f"{alphabetic(index)}."
    return f"({core})" if lang == "en" else f"{core})"


@dataclass(slots=True, frozen=True)
class Position:
    """Where a paragraph sits: its part, top-level number and sub-paragraph path."""

    part: Part
    top_index: int  # 1-based index among the top-level paragraphs of its part (or annex)
    path: tuple[int, ...] = ()  # 1-based indexes of sub-paragraphs below the top level
    annex_index: int = 0  # 1-based annex number for Part.ANNEX
    order: int = 0  # reading order over the whole document


@dataclass(slots=True)
class ParagraphNumbers:
    """Positions of every paragraph: the source of operative numbers and labels."""

    positions: dict[str, Position] = field(default_factory=dict)

    def operative_number(self, paragraph_id: str) -> int | None:
        """The number printed before an operative (or annex) paragraph, or None."""
        position = self.positions.get(paragraph_id)
        if position is None or position.path or position.part is Part.PREAMBLE:
            return None
        return position.top_index

    def label(self, paragraph_id: str, lang: str) -> str:
        """The label printed before a paragraph: "5." for operative, "(a)"/"a)" for subs."""
        position = self.positions[paragraph_id]
        if position.path:
            return subparagraph_label(len(position.path), position.path[-1], lang)
        if position.part is Part.PREAMBLE:
            return ""
        return f"{position.top_index}."


def number_paragraphs(document: Document) -> ParagraphNumbers:
    """Compute the position of every paragraph in document order."""
    numbers = ParagraphNumbers()
    order = 0

    def visit(
        paragraph: Paragraph, part: Part, top: int, path: tuple[int, ...], annex: int
    ) -> None:
        nonlocal order
        order += 1
        numbers.positions[paragraph.id] = Position(part, top, path, annex, order)
        for index, child in enumerate(paragraph.children, start=1):
            visit(child, part, top, (*path, index), annex)

    for index, paragraph in enumerate(document.preamble, start=1):
        visit(paragraph, Part.PREAMBLE, index, (), 0)
    for index, paragraph in enumerate(document.operative, start=1):
        visit(paragraph, Part.OPERATIVE, index, (), 0)
    for annex_number, annex in enumerate(document.annexes, start=1):
        for index, paragraph in enumerate(annex.paragraphs, start=1):
            visit(paragraph, Part.ANNEX, index, (), annex_number)
    return numbers


def number_footnotes(references: Iterable[str], footnotes: list[Footnote]) -> dict[str, str]:
    """Marks of footnotes by first reference in reading order.

    `references` are footnote ids in reading order (repeats included). A repeated reference
    reuses the number; symbol notes keep their symbol and are not counted. Footnotes never
    referenced get no mark.
    """
    by_id = {note.id: note for note in footnotes}
    marks: dict[str, str] = {}
    counter = 0
    for ident in references:
        if ident in marks or ident not in by_id:
            continue
        symbol = by_id[ident].symbol
        if symbol:
            marks[ident] = symbol
        else:
            counter += 1
            marks[ident] = str(counter)
    return marks


_XREF_WORDS = {
    "en": {"paragraph": "paragraph", "above": "above", "below": "below", "annex": "of annex"},
    "fr": {
        "paragraph": "paragraphe",
        "above": "ci-dessus",
        "below": "ci-après",
        "annex": "de l’annexe",
    },
}


def cross_reference_text(
    numbers: ParagraphNumbers, target_id: str, from_id: str, lang: str, annex_count: int = 1
) -> str:
    """Words for a cross-reference in `lang`, relative to the referring paragraph.

    "paragraph 5 (a) above" / « alinéa a) du paragraphe 5 ci-dessus ».
    """
    words = _XREF_WORDS[lang]
    target = numbers.positions[target_id]
    origin = numbers.positions.get(from_id)
    direction = ""
    if origin is not None and not _same_tree(origin, target):
        direction = " " + (words["above"] if target.order < origin.order else words["below"])
    if target.part is Part.PREAMBLE:
        return _preambular_reference(target, lang)
    labels = [
        subparagraph_label(level, index, lang) for level, index in enumerate(target.path, start=1)
    ]
    annex = ""
    if target.part is Part.ANNEX:
        annex = f" {words['annex']}" + (
            f" {_upper_roman(target.annex_index)}" if annex_count > 1 else ""
        )
        direction = ""
    if lang == "fr" and len(labels) == 1:
        return f"alinéa {labels[0]} du paragraphe {target.top_index}{annex}{direction}"
    label_text = "".join(f" {label}" for label in labels)
    return f"{words['paragraph']} {target.top_index}{label_text}{annex}{direction}"


def _preambular_reference(target: Position, lang: str) -> str:
    ordinal = ordinal_words(target.top_index, lang)
    if lang == "fr":
        return f"le {ordinal} alinéa du préambule"
    return f"the {ordinal} preambular paragraph"


def _same_tree(origin: Position, target: Position) -> bool:
    """A reference inside one paragraph's own sub-paragraphs takes no above/below."""
    return (
        origin.part == target.part
        and origin.top_index == target.top_index
        and (origin.annex_index == target.annex_index)
    )


def _upper_roman(number: int) -> str:
    return roman(number).upper()
