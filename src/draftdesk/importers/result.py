"""What an import found: reviewable items, notes, changes and doubts (the review model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from draftdesk.model.inline import FootnoteRef, Inline, Text

UNSURE_BELOW = 0.7
"""Items classified with less confidence than this are listed as unsure."""


class ItemKind(StrEnum):
    """What a source paragraph was recognised as; the user may change it in the review."""

    MASTHEAD = "masthead"  # a masthead field line (symbol, date, session …)
    SPONSORS = "sponsors"  # "Turkey*: draft resolution"
    TITLE = "title"
    OPENING = "opening"  # the opening formula ("The General Assembly,")
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"  # (a), (i) … below the previous paragraph
    CONTINUATION = "continuation"  # continues the previous paragraph (page break, wrap)
    ANNEX_HEADING = "annex-heading"  # "Annex", "Annexe II"
    ANNEX = "annex"  # a paragraph of an annex
    CLOSING = "closing"  # closing lines (meeting, separator, reference line)
    IGNORED = "ignored"  # left out of the document


PARAGRAPH_KINDS = frozenset(
    {ItemKind.PREAMBULAR, ItemKind.OPERATIVE, ItemKind.SUBPARAGRAPH, ItemKind.ANNEX}
)
"""Kinds that become paragraphs of the document."""


class ChangeKind(StrEnum):
    """Why the importer's text differs from the source."""

    REMOVED = "removed"  # page furniture, links lines, job numbers
    JOINED = "joined"  # hyphenation, words split by a stray space, split paragraphs
    CORRECTED = "corrected"  # a typo or an extraction artefact fixed
    RENDERED = "rendered"  # DraftDesk's rules print it differently (numbers, agreement …)


@dataclass(slots=True, frozen=True)
class Change:
    """One change made to the source text, with where it was and why."""

    kind: ChangeKind
    where: str
    before: str
    after: str
    reason: str


@dataclass(slots=True, frozen=True)
class Concern:
    """A place where the importer was unsure or could not keep something."""

    where: str
    message: str


@dataclass(slots=True)
class ImportItem:
    """A source paragraph with its classification, ready to be reviewed and corrected."""

    id: str
    kind: ItemKind
    where: str  # "lines 12–18" or "paragraph 7"
    source: str  # the paragraph as read, footnote marks as [n]
    content: list[Inline]  # the text after its label, repaired; footnote ids are note keys
    label: str = ""  # the label found in the source ("21", "(a)"), "" when none
    level: int = 0  # sub-paragraph depth (1–3) for SUBPARAGRAPH
    key: str = ""  # MASTHEAD / CLOSING: which field ("symbol", "date", "reference" …)
    values: dict[str, Any] = field(default_factory=dict)  # parsed field values
    opener: str | None = None  # phrase key of the matched opener
    opener_text: str = ""  # the opener as written in the source
    alternatives: list[str] = field(default_factory=list)  # other keys of the same words
    clause: str | None = None  # a clause template the paragraph's text is written with
    slots: dict[str, Any] = field(default_factory=dict)  # the clause's slot values
    text: list[Inline] = field(default_factory=list)  # the text after the opener
    unmatched_opener: str = ""  # an opener-like beginning the phrase library lacks
    confidence: float = 1.0
    reasons: list[str] = field(default_factory=list)  # why the importer is unsure
    changes: list[Change] = field(default_factory=list)

    @property
    def unsure(self) -> bool:
        """True when the classification should be checked by a person."""
        return self.confidence < UNSURE_BELOW

    @property
    def plain(self) -> str:
        """The content as plain text with footnote marks as [key]."""
        return inline_text(self.content)


@dataclass(slots=True)
class ImportedNote:
    """A footnote found in the source, by the key its references use."""

    key: str
    text: list[Inline]
    where: str
    symbol: str | None = None  # "*" for a symbol note


@dataclass(slots=True)
class ImportCounts:
    """The numbers an import report starts with."""

    preambular: int = 0
    operative: int = 0
    subparagraphs: int = 0
    annexes: int = 0
    footnotes: int = 0
    symbol_notes: int = 0
    references: int = 0
    repeated: list[str] = field(default_factory=list)  # note keys referenced more than once


@dataclass(slots=True)
class ImportResult:
    """Everything an import found, before (and after) the user's review."""

    source_name: str
    source_format: str  # "Word document" or "plain text"
    encoding: str
    lang: str
    lang_reason: str  # "detected" or "given"
    pack_id: str
    pack_reason: str
    body: str
    body_reason: str
    items: list[ImportItem] = field(default_factory=list)
    notes: dict[str, ImportedNote] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)  # not tied to one item
    concerns: list[Concern] = field(default_factory=list)  # not tied to one item
    properties: dict[str, str] = field(default_factory=dict)  # Word title, subject

    def item(self, item_id: str) -> ImportItem:
        """The item with this id; KeyError when there is none."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def of_kind(self, *kinds: ItemKind) -> list[ImportItem]:
        """Items of the given kinds, in source order."""
        return [item for item in self.items if item.kind in kinds]

    def counts(self) -> ImportCounts:
        """Paragraph, sub-paragraph, footnote and reference counts of the current items."""
        counts = ImportCounts()
        references: dict[str, int] = {}
        for item in self.items:
            if item.kind is ItemKind.PREAMBULAR:
                counts.preambular += 1
            elif item.kind is ItemKind.OPERATIVE:
                counts.operative += 1
            elif item.kind is ItemKind.SUBPARAGRAPH:
                counts.subparagraphs += 1
            elif item.kind is ItemKind.ANNEX_HEADING and item.key == "heading":
                counts.annexes += 1
            if item.kind is not ItemKind.IGNORED:
                for inline in item.content:
                    if isinstance(inline, FootnoteRef):
                        references[inline.footnote_id] = references.get(inline.footnote_id, 0) + 1
        for note in self.notes.values():
            if note.symbol:
                counts.symbol_notes += 1
            else:
                counts.footnotes += 1
        counts.references = sum(count for key, count in references.items() if key in self.notes)
        counts.repeated = [
            key for key, count in references.items() if count > 1 and key in self.notes
        ]
        return counts


def inline_text(items: list[Inline]) -> str:
    """Plain text of inline items with footnote marks as [key] (for reports and review)."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, Text):
            parts.append(item.text)
        elif isinstance(item, FootnoteRef):
            parts.append(f"[{item.footnote_id}]")
    return "".join(parts)
