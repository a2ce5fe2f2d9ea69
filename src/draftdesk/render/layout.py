"""The format-neutral Layout every exporter and the GUI preview draw from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockRole(StrEnum):
    """What a block is; exporters map each role to a named style."""

    MASTHEAD = "masthead"
    SPONSORS = "sponsors"
    TITLE = "title"
    OPENING = "opening"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    ANNEX_TITLE = "annex-title"
    ANNEX = "annex"
    CLOSING = "closing"


@dataclass(slots=True, frozen=True)
class Run:
    """A span of uniformly formatted text, or a footnote mark when `note` is set."""

    text: str
    italic: bool = False
    bold: bool = False
    superscript: bool = False
    note: str | None = None  # footnote id of a mark
    repeat: bool = False  # a later reference to an already numbered footnote

    @property
    def is_note(self) -> bool:
        """True for a footnote mark."""
        return self.note is not None


@dataclass(slots=True)
class Block:
    """One paragraph of output: a role, an optional label ("5.", "(a)") and runs."""

    role: BlockRole
    runs: list[Run]
    label: str = ""
    level: int = 0  # sub-paragraph depth (1–3); 0 for everything else
    key: str = ""  # masthead/closing line key from the pack template ("symbol", "date" …)
    paragraph_id: str | None = None

    @property
    def text(self) -> str:
        """Plain text of the runs with marks as they print (for tests and search)."""
        return "".join(run.text for run in self.runs)


@dataclass(slots=True)
class Note:
    """A footnote as printed: its mark ("1", "*") and its text runs."""

    footnote_id: str
    mark: str
    runs: list[Run]

    @property
    def is_symbol(self) -> bool:
        """True for an uncounted symbol note such as the sponsors' "*"."""
        return not self.mark.isdigit()


@dataclass(slots=True)
class Layout:
    """A whole resolution in one language, ready to draw."""

    lang: str
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    title: str = ""
    subject: str = ""
    font: str = "Times New Roman"
    font_size: float = 12.0
    paper: str = "A4"
