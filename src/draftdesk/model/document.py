"""The resolution as data: metadata, preamble, operative part, annexes and footnotes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from draftdesk.model.inline import Inline, plain_text

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""Languages DraftDesk drafts in, in the order the interface lists them."""

MAX_SUBPARAGRAPH_DEPTH = 3
"""Sub-paragraphs nest at most three levels below a paragraph ((a) → (i) → a.)."""


class Part(StrEnum):
    """The part of a resolution a paragraph belongs to."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    ANNEX = "annex"


class TranslationState(StrEnum):
    """Whether one language of a paragraph is in step with the source language."""

    SOURCE = "source"
    CURRENT = "current"
    STALE = "stale"
    MISSING = "missing"


@dataclass(slots=True)
class Provenance:
    """Revision of one language's text and, for a translation, what it was made from."""

    rev: int = 1
    source_language: str | None = None
    source_rev: int | None = None


@dataclass(slots=True)
class Paragraph:
    """A preambular, operative or annex paragraph, or a sub-paragraph of one."""

    id: str
    opener: str | None = None
    clause: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    text: dict[str, list[Inline]] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    children: list[Paragraph] = field(default_factory=list)

    def has_content(self, lang: str) -> bool:
        """True when the paragraph says something in `lang` (opener, clause or text)."""
        return bool(self.opener or self.clause or plain_text(self.text.get(lang, [])).strip())

    def revision(self, lang: str) -> int:
        """The edit counter of `lang` (1 when never recorded)."""
        entry = self.provenance.get(lang)
        return entry.rev if entry else 1

    def translation_state(self, lang: str, source_language: str) -> TranslationState:
        """Whether `lang` is missing, stale or current relative to `source_language`.

        Openers and clauses render from the pack in every language; only free text needs
        a translator, so a language is missing when the source has text and it has none.
        """
        if lang == source_language:
            return TranslationState.SOURCE
        source_text = plain_text(self.text.get(source_language, [])).strip()
        if source_text and not plain_text(self.text.get(lang, [])).strip():
            return TranslationState.MISSING
        entry = self.provenance.get(lang)
        if (
            entry
            and entry.source_rev is not None
            and (entry.source_rev < self.revision(source_language))
        ):
            return TranslationState.STALE
        return TranslationState.CURRENT

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph and all its sub-paragraphs, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class Footnote:
    """A footnote with per-language text; `symbol` set (e.g. "*") for an uncounted note."""

    id: str
    text: dict[str, list[Inline]] = field(default_factory=dict)
    symbol: str | None = None


@dataclass(slots=True)
class Annex:
    """An annex: a title and paragraphs (unnumbered unless the pack numbers them)."""

    id: str
    title: dict[str, str] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class Meeting:
    """Where and when the body meets (OIC opening formula, Hijri dates)."""

    place: dict[str, str] = field(default_factory=dict)
    start: date | None = None
    end: date | None = None
    hijri: dict[str, str] | None = None


@dataclass(slots=True)
class Metadata:
    """Everything about a resolution that is not its paragraphs."""

    pack: str
    body: str
    pack_version: str = ""
    languages: list[str] = field(default_factory=lambda: list(LANGUAGES))
    source_language: str = "en"
    symbol: str = ""
    distribution: str = "limited"
    date: date | None = None
    original_language: str = "en"
    session: int | None = None
    agenda_item: str = ""
    agenda_title: dict[str, str] = field(default_factory=dict)
    sponsors: dict[str, list[str]] = field(default_factory=dict)
    sponsors_note: str | None = None
    title: dict[str, str] = field(default_factory=dict)
    meeting: Meeting | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class Ignore:
    """A proofing finding the drafter chose to ignore; it travels with the document.

    The key is stable under editing: the rule, the language, the flagged text and the
    paragraph (or footnote) id, never offsets. With neither id it applies to the whole
    document ("Ignore All": this word or rule everywhere).
    """

    rule: str
    lang: str
    text: str
    paragraph_id: str | None = None
    footnote_id: str | None = None


@dataclass(slots=True)
class Document:
    """A resolution: the unit a user opens, edits, saves and exports."""

    metadata: Metadata
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    ignores: list[Ignore] = field(default_factory=list)

    def part_list(self, part: Part, annex_id: str | None = None) -> list[Paragraph]:
        """The top-level paragraph list of a part (of one annex for Part.ANNEX)."""
        if part is Part.PREAMBLE:
            return self.preamble
        if part is Part.OPERATIVE:
            return self.operative
        for annex in self.annexes:
            if annex.id == annex_id:
                return annex.paragraphs
        raise KeyError(f"no annex {annex_id!r}")

    def top_level(self) -> Iterator[tuple[Part, Paragraph]]:
        """Top-level paragraphs in reading order with their part."""
        for paragraph in self.preamble:
            yield Part.PREAMBLE, paragraph
        for paragraph in self.operative:
            yield Part.OPERATIVE, paragraph
        for annex in self.annexes:
            for paragraph in annex.paragraphs:
                yield Part.ANNEX, paragraph

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and sub-paragraph in reading order."""
        for _, paragraph in self.top_level():
            yield from paragraph.walk()

    def find_paragraph(self, paragraph_id: str) -> Paragraph | None:
        """The paragraph or sub-paragraph with this id, or None."""
        return next((p for p in self.all_paragraphs() if p.id == paragraph_id), None)

    def locate(self, paragraph_id: str) -> tuple[list[Paragraph], int, Paragraph | None]:
        """The list holding a paragraph, its index there, and its parent paragraph."""

        def search(
            siblings: list[Paragraph], parent: Paragraph | None
        ) -> tuple[list[Paragraph], int, Paragraph | None] | None:
            for index, paragraph in enumerate(siblings):
                if paragraph.id == paragraph_id:
                    return siblings, index, parent
                found = search(paragraph.children, paragraph)
                if found:
                    return found
            return None

        lists = [self.preamble, self.operative, *(a.paragraphs for a in self.annexes)]
        for siblings in lists:
            found = search(siblings, None)
            if found:
                return found
        raise KeyError(paragraph_id)

    def depth(self, paragraph_id: str) -> int:
        """0 for a top-level paragraph, 1 for its sub-paragraphs, and so on."""
        depth = 0
        _, _, parent = self.locate(paragraph_id)
        while parent is not None:
            depth += 1
            _, _, parent = self.locate(parent.id)
        return depth

    def part_of(self, paragraph_id: str) -> Part:
        """The part a paragraph (or sub-paragraph) belongs to."""
        for part, top in self.top_level():
            if any(p.id == paragraph_id for p in top.walk()):
                return part
        raise KeyError(paragraph_id)

    def footnote(self, footnote_id: str) -> Footnote | None:
        """The footnote with this id, or None."""
        return next((f for f in self.footnotes if f.id == footnote_id), None)

    def ids(self) -> set[str]:
        """Every paragraph id in the document."""
        return {p.id for p in self.all_paragraphs()}
