"""What a rule sees: one paragraph in one language, and facts about the whole document."""

from __future__ import annotations

from dataclasses import dataclass, field

from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.model.inline import Inline
from draftdesk.numbering import ParagraphNumbers
from draftdesk.packs.model import Body, Pack
from draftdesk.proofing.findings import Finding, Fix, Severity, Target
from draftdesk.proofing.messages import Messages


@dataclass(slots=True, frozen=True)
class Hit:
    """A problem in a plain string, before it is placed in a document (typography, spelling)."""

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    excerpt: str
    replacement: str | None = None
    suggestions: tuple[str, ...] = ()


@dataclass(slots=True)
class DocumentFacts:
    """Facts several paragraphs share, computed once per check (`checker.prepare`).

    A one-paragraph re-check while typing reuses them: they change only when paragraphs
    are added, moved or deleted, or citations and footnote references change elsewhere.
    """

    numbers: ParagraphNumbers
    parts: dict[str, Part] = field(default_factory=dict)
    depths: dict[str, int] = field(default_factory=dict)
    terminators: dict[str, str] = field(default_factory=dict)
    # lang -> resolution symbol -> (reading order, offset) of its first dated citation
    dated: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    # lang -> footnote ids referenced anywhere in that language
    referenced: dict[str, set[str]] = field(default_factory=dict)

    def order(self, paragraph_id: str) -> int:
        """Reading order of a paragraph (0 when unknown)."""
        position = self.numbers.positions.get(paragraph_id)
        return position.order if position else 0


@dataclass(slots=True)
class ParagraphContext:
    """One paragraph in one language, with everything a rule needs to judge it."""

    document: Document
    pack: Pack
    body: Body
    paragraph: Paragraph
    lang: str
    items: list[Inline]
    text: str
    facts: DocumentFacts
    say: Messages

    @property
    def part(self) -> Part:
        """The part the paragraph belongs to."""
        return self.facts.parts.get(self.paragraph.id, Part.ANNEX)

    @property
    def depth(self) -> int:
        """0 for a top-level paragraph, 1 for its sub-paragraphs, and so on."""
        return self.facts.depths.get(self.paragraph.id, 0)

    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        *,
        start: int = 0,
        end: int = 0,
        target: Target = Target.TEXT,
        fix: Fix | None = None,
        excerpt: str | None = None,
        suggestions: tuple[str, ...] = (),
        slot: str | None = None,
    ) -> Finding:
        """A finding about this paragraph; the excerpt defaults to the span of its text."""
        if excerpt is None:
            excerpt = self.text[start:end] if target is Target.TEXT else ""
        return Finding(
            rule,
            severity,
            self.lang,
            message,
            target,
            self.paragraph.id,
            start,
            end,
            excerpt,
            fix,
            suggestions,
            slot=slot,
        )
