"""What a check reports: findings with place, severity and fix, and the text spans count in."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from draftdesk.errors import CommandError
from draftdesk.model.inline import Inline, Text, merge_adjacent

OBJECT = "\ufffc"
"""Stands for one footnote or cross-reference in a stored text (Qt's object character)."""


class Severity(StrEnum):
    """How much a finding matters; only errors make `draftdesk check` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for notes: the order a panel lists them in."""
        return ("error", "warning", "info").index(self.value)


class Target(StrEnum):
    """Which text a finding's span counts in.

    Spans never count in the printed (rendered) paragraph: typography, footnote numbers
    and end punctuation make its offsets useless to an editor. Rules that judge the printed
    paragraph (end punctuation, numbering, agreement of the opener) work out what the
    renderer will print and point at the stored characters responsible, so every span can
    be underlined in an editor and every fix edits the model.
    """

    TEXT = "text"
    """A paragraph's stored text in one language, as `editor_text` spells it."""
    OPENER = "opener"
    """The paragraph's opener as the pack prints it in that language (e.g. "Convaincu")."""
    SLOT = "slot"
    """The text of one text slot of the paragraph's clause (`slot` names it)."""
    FOOTNOTE = "footnote"
    """A footnote's stored text (`footnote_id` names it), as `editor_text` spells it."""
    TITLE = "title"
    """The document title in one language."""
    PARAGRAPH = "paragraph"
    """The paragraph as a whole (translation state, structure): the span is empty."""
    DOCUMENT = "document"
    """The document as a whole: the span is empty."""


@dataclass(slots=True, frozen=True)
class TextEdit:
    """Replace `start`–`end` of the finding's target text with `replacement`.

    `original` is the text the span held when it was checked: a fix whose text has changed
    since is refused rather than applied to the wrong characters.
    """

    start: int
    end: int
    replacement: str
    original: str


@dataclass(slots=True, frozen=True)
class OpenerChange:
    """Make `opener` the paragraph's opener and delete `start`–`end` of its stored text."""

    opener: str
    start: int
    end: int
    original: str


Fix = TextEdit | OpenerChange


@dataclass(slots=True, frozen=True)
class Finding:
    """One problem found: where, how bad, what to tell the user and how to fix it.

    `start`/`end` count characters in the text named by `target` for `lang`:
    a paragraph's stored text (`TEXT`), its printed opener (`OPENER`), a clause's text slot
    (`SLOT`), a footnote (`FOOTNOTE`) or the title (`TITLE`). `fix` is set only where
    applying it cannot change the meaning; `suggestions` lists alternatives the user may
    pick (spelling), the first of them being the one `fix` applies, if any.
    """

    rule: str
    severity: Severity
    lang: str
    message: str
    target: Target
    paragraph_id: str | None = None
    start: int = 0
    end: int = 0
    excerpt: str = ""
    fix: Fix | None = None
    suggestions: tuple[str, ...] = ()
    footnote_id: str | None = None
    slot: str | None = None

    @property
    def fixable(self) -> bool:
        """True when the finding carries an automatic fix."""
        return self.fix is not None

    @property
    def kind(self) -> tuple[str, str]:
        """What "fix all of this kind" groups by: the rule and the flagged text."""
        return (self.rule, self.excerpt)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `draftdesk check --json`."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "lang": self.lang,
            "target": self.target.value,
            "paragraph": self.paragraph_id,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
        }
        if self.footnote_id:
            data["footnote"] = self.footnote_id
        if self.slot:
            data["slot"] = self.slot
        if self.suggestions:
            data["suggestions"] = list(self.suggestions)
        if isinstance(self.fix, TextEdit):
            data["fix"] = {
                "start": self.fix.start,
                "end": self.fix.end,
                "replacement": self.fix.replacement,
            }
        elif isinstance(self.fix, OpenerChange):
            data["fix"] = {"opener": self.fix.opener, "start": self.fix.start, "end": self.fix.end}
        return data


@dataclass(slots=True)
class Report:
    """The findings of one check, in reading order, and notices about the check itself.

    A notice says once that something could not be checked ("LanguageTool server not
    reachable"); the other checks went on regardless.
    """

    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """True when at least one finding is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def by_paragraph(self) -> dict[str | None, list[Finding]]:
        """Findings grouped by paragraph id (None for footnotes, title and document)."""
        groups: dict[str | None, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.paragraph_id, []).append(finding)
        return groups


def editor_text(items: list[Inline]) -> str:
    """The text of inline items as an editor shows it: text runs verbatim, one U+FFFC each
    for a footnote or cross-reference.

    This is the text every `Target.TEXT` and `Target.FOOTNOTE` span counts in. A Qt
    editor that shows references as inline objects holds exactly this string, so spans
    need no conversion there.
    """
    return "".join(item.text if isinstance(item, Text) else OBJECT for item in items)


def superscript_ranges(items: list[Inline]) -> list[tuple[int, int]]:
    """Spans of superscript runs ("n^o^"): spelling leaves them alone."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for item in items:
        length = len(item.text) if isinstance(item, Text) else 1
        if isinstance(item, Text) and item.superscript:
            ranges.append((offset, offset + length))
        offset += length
    return ranges


def replace_span(items: list[Inline], start: int, end: int, replacement: str) -> list[Inline]:
    """Items with `start`–`end` of their editor text replaced by `replacement`.

    The replacement takes the style of the run it starts in (or of the run before it, at a
    boundary). A span that would swallow a footnote or cross-reference is refused with
    CommandError: a fix never drops a reference silently.
    """
    text = editor_text(items)
    if not 0 <= start <= end <= len(text):
        raise CommandError(f"span {start}-{end} is outside the text (length {len(text)})")
    if OBJECT in text[start:end]:
        raise CommandError("the change would remove a footnote or cross-reference")
    result: list[Inline] = []
    offset = 0
    inserted = not replacement
    for item in items:
        if not isinstance(item, Text):
            if not inserted and offset >= start:
                result.append(Text(replacement))
                inserted = True
            result.append(item)
            offset += 1
            continue
        item_start, item_end = offset, offset + len(item.text)
        offset = item_end
        if item_end < start or item_start > end or (item_end == start and start != end):
            result.append(item)
            continue
        head = item.text[: max(0, start - item_start)]
        tail = item.text[max(0, end - item_start) :] if end <= item_end else ""
        middle = ""
        if not inserted and item_start <= start <= item_end:
            middle = replacement
            inserted = True
        result.append(Text(head + middle + tail, item.italic, item.superscript))
    if not inserted:
        result.append(Text(replacement))
    return merge_adjacent(result)


def replace_in_string(text: str, start: int, end: int, replacement: str) -> str:
    """`text` with `start`–`end` replaced (for slot values and titles, stored as strings)."""
    if not 0 <= start <= end <= len(text):
        raise CommandError(f"span {start}-{end} is outside the text (length {len(text)})")
    return text[:start] + replacement + text[end:]
