"""Plain text to paragraphs: page furniture out, footnotes apart, wrapped lines joined."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from draftdesk.importers.footnotes import (
    MARK,
    RULE,
    NoteText,
    attach_marks,
    extract_notes,
    mark_inline,
)
from draftdesk.importers.labels import LabelKind, parse_label
from draftdesk.importers.result import Change, ChangeKind, Concern

SOFT_JOIN = "\u00ad"
"""Placed where a line ended in a hyphen before a lower-case word: kept or dropped later."""

_LINK = re.compile(r"^(?:https?://|www\.|undocs\.org/)\S*$", re.IGNORECASE)
# A document symbol ("A/72/L.20", "S/RES/2223 (2015)"); never ending in a full stop, which
# is how a footnote citing a document ends ("A/71/160-S/2016/621.").
_SYMBOL = r"(?:[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+(?:\s\(\d{4}\))?)"
_JOB = r"(?:(?:GE\.)?\d{2}-\d{4,6}(?:\s?\([A-Z]\))?)"
_FURNITURE_TOKEN = re.compile(
    rf"^(?:{_SYMBOL}|{_JOB}|\([A-Z]\)|\(\d{{4}}\)|\d{{6}}|\d{{1,3}}/\d{{1,3}}|\*\d{{6,8}}\*|[-–])$"
)
_PAGE = re.compile(
    r"^(?:(?:page|Page|PAGE)\s+\d{1,3}(?:\s+(?:of|sur|de)\s+\d{1,3})?|-\s?\d{1,3}\s?-)$"
)
_RECYCLE = re.compile(r"^(?:please recycle|merci de recycler)\W*$", re.IGNORECASE)
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_SUPERSCRIPT_TAIL = {"er", "re", "e", "es", "ers", "res", "ème", "o", "os"}
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-$")
_SPACES = re.compile(r"[ \t]{2,}")
_GLUED_END = re.compile(r"(?<=[^\W\d_]|[,;:.])(?:\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})$")


@dataclass(slots=True)
class TextParagraph:
    """A paragraph assembled from lines; note marks are inside `text` (see footnotes.mark)."""

    text: str
    first_line: int
    last_line: int

    @property
    def where(self) -> str:
        """ "line 12" or "lines 12–18"."""
        if self.first_line == self.last_line:
            return f"line {self.first_line}"
        return f"lines {self.first_line}–{self.last_line}"


@dataclass(slots=True)
class PreparedText:
    """What the text becomes before classification."""

    paragraphs: list[TextParagraph] = field(default_factory=list)
    notes: dict[str, NoteText] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    concerns: list[Concern] = field(default_factory=list)


def prepare_text(
    text: str,
    *,
    standalone: Callable[[str], bool],
    opener_start: Callable[[str], bool],
) -> PreparedText:
    """Turn extracted or typed text into paragraphs and footnotes.

    `standalone(line)` says a line is a paragraph on its own (a masthead field, a separator);
    `opener_start(line)` says a line begins like a preambular or operative paragraph.
    """
    prepared = PreparedText()
    known: dict[str, bool] = {}

    def alone(line: str) -> bool:
        # Asked twice for most lines (as a line and as the previous one): remembered.
        if line not in known:
            known[line] = standalone(line)
        return known[line]

    lines, page_starts = _split_lines(text)
    lines = _join_superscripts(lines)
    removed, boundaries = _remove_furniture(lines, alone, prepared.changes)
    boundaries |= page_starts
    kept = [(n, t) for n, t in lines if n not in removed]
    blocks = extract_notes(kept, boundaries)
    prepared.notes = blocks.notes
    body = [(n, t) for n, t in kept if n not in blocks.consumed]
    body = attach_marks(body, blocks.notes)
    body = _drop_page_numbers(body, prepared.changes)
    prepared.paragraphs = _assemble(body, boundaries, alone, opener_start)
    for paragraph in prepared.paragraphs:
        paragraph.text, changes = mark_inline(paragraph.text, blocks.notes, paragraph.where)
        prepared.changes += changes
    return prepared


def _split_lines(text: str) -> tuple[list[tuple[int, str]], set[int]]:
    """Numbered lines, and the lines where a form feed (a new page) begins."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[tuple[int, str]] = []
    page_starts: set[int] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" in line:
            page_starts.add(number)
            line = line.replace("\f", "")
        lines.append((number, line.replace("\u00a0", " ").replace("\t", "    ").rstrip()))
    return lines, page_starts


def _join_superscripts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """ "1" / "er" → "1er" and "n" / "o" → "no": superscripts extracted as lines of their own."""
    joined: list[tuple[int, str]] = []
    for number, text in lines:
        tail = text.strip()
        previous_at = _last_non_blank(joined)
        if previous_at is not None and tail in _SUPERSCRIPT_TAIL:
            previous_number, previous = joined[previous_at]
            stripped = previous.rstrip()
            ordinal = tail not in ("o", "os") and stripped[-1:].isdigit()
            numero = tail in ("o", "os") and re.search(r"(?:^|\s)[nN]$", stripped) is not None
            if ordinal or numero:
                joined[previous_at] = (previous_number, stripped + tail)
                del joined[previous_at + 1 :]  # the blank lines between belong to nothing
                continue
        joined.append((number, text))
    return joined


def _last_non_blank(lines: list[tuple[int, str]]) -> int | None:
    """Index of the last non-blank line, looking back over at most two blank lines."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        if lines[index][1].strip():
            return index
    return None


def _remove_furniture(
    lines: list[tuple[int, str]], standalone: Callable[[str], bool], changes: list[Change]
) -> tuple[set[int], set[int]]:
    """Line numbers of page furniture, and of the lines that follow a removed run."""
    counts = Counter(t.strip() for _, t in lines if len(t.strip()) >= 8)
    seen: set[str] = set()
    symbols: set[str] = set()  # symbols met so far: one seen before is a running head now
    removed: dict[int, str] = {}
    for index, (number, text) in enumerate(lines):
        stripped = text.strip()
        if not stripped:
            continue
        reason = ""
        if _LINK.match(stripped):
            reason = "link line"
        elif _RECYCLE.match(stripped) or _PAGE.match(stripped):
            reason = "page furniture"
        elif all(_FURNITURE_TOKEN.match(token) for token in stripped.split()):
            # A symbol alone is the masthead the first time, a running head afterwards.
            only_symbol = re.fullmatch(_SYMBOL, stripped) is not None
            if not (only_symbol and stripped not in symbols and index < 40):
                reason = "page header or footer (symbol, job number, page number)"
        elif (
            counts[stripped] >= 3
            and stripped in seen
            and not standalone(stripped)
            and not RULE.match(stripped)
        ):
            reason = "running head repeated on every page"
        seen.add(stripped)
        symbols.update(re.findall(_SYMBOL, stripped))
        if reason:
            removed[number] = reason
    _report_removed(lines, removed, changes)
    boundaries: set[int] = set()
    previous_removed = False
    for number, text in lines:
        if number in removed:
            previous_removed = True
        elif text.strip():
            if previous_removed:
                boundaries.add(number)
            previous_removed = False
    return set(removed), boundaries


def _report_removed(
    lines: list[tuple[int, str]], removed: dict[int, str], changes: list[Change]
) -> None:
    """One change per run of removed lines of the same kind."""
    run: list[tuple[int, str]] = []
    reason = ""
    text_of = dict(lines)
    position = {number: index for index, (number, _) in enumerate(lines)}
    filled = [0]  # filled[i]: how many of the first i lines are not blank
    for _, text in lines:
        filled.append(filled[-1] + bool(text.strip()))

    def only_blank_between(first: int, last: int) -> bool:
        return filled[position[last]] - filled[position[first] + 1] == 0

    def flush() -> None:
        if not run:
            return
        first, last = run[0][0], run[-1][0]
        where = f"line {first}" if first == last else f"lines {first}–{last}"
        shown = run[0][1] if len(run) == 1 else f"{run[0][1]} … ({len(run)} lines)"
        changes.append(Change(ChangeKind.REMOVED, where, shown, "", reason))
        run.clear()

    for number in sorted(removed):
        if run and (removed[number] != reason or not only_blank_between(run[-1][0], number)):
            flush()
        reason = removed[number]
        run.append((number, text_of.get(number, "").strip()))
    flush()


def _drop_page_numbers(
    lines: list[tuple[int, str]], changes: list[Change]
) -> list[tuple[int, str]]:
    """A number alone on a line that is not a footnote mark is a page number."""
    kept: list[tuple[int, str]] = []
    for number, text in lines:
        if _LONE_NUMBER.match(text.strip()):
            changes.append(
                Change(ChangeKind.REMOVED, f"line {number}", text.strip(), "", "page number")
            )
            continue
        kept.append((number, text))
    return kept


@dataclass(slots=True)
class _Line:
    number: int
    text: str
    indent: int
    blank_before: int
    after_removed: bool


def _assemble(
    lines: list[tuple[int, str]],
    boundaries: set[int],
    standalone: Callable[[str], bool],
    opener_start: Callable[[str], bool],
) -> list[TextParagraph]:
    content: list[_Line] = []
    blanks = 0
    for number, text in lines:
        if not text.strip():
            blanks += 1
            continue
        indent = len(text) - len(text.lstrip(" \t"))
        content.append(_Line(number, text.strip(), indent, blanks, number in boundaries))
        blanks = 0
    if not content:
        return []
    gaps = [line.blank_before for line in content[1:] if not line.after_removed]
    normal_gap = statistics.mode(gaps) if gaps else 0
    indents = [line.indent for line in content]
    modal_indent = statistics.mode(indents)
    pairs = list(itertools.pairwise(content))
    lower_starts = sum(
        1 for _, cur in pairs if cur.text[0].islower() and parse_label(cur.text) is None
    )
    wrapped = bool(pairs) and lower_starts / len(pairs) >= 0.08

    paragraphs: list[TextParagraph] = []
    next_number = 1
    previous: _Line | None = None
    for line in content:
        label = parse_label(line.text, expected_number=next_number)
        if previous is None or _starts(
            previous, line, label is not None, wrapped, normal_gap, modal_indent,
            standalone, opener_start,
        ):  # fmt: skip
            paragraphs.append(TextParagraph(line.text, line.number, line.number))
            if label is not None and label[0].kind is LabelKind.NUMBER:
                next_number = label[0].number + 1
        else:
            current = paragraphs[-1]
            current.text = _join_lines(current.text, line.text)
            current.last_line = line.number
        previous = line
    for paragraph in paragraphs:
        paragraph.text = _SPACES.sub(" ", paragraph.text).strip()
    return paragraphs


def _starts(
    previous: _Line,
    line: _Line,
    labelled: bool,
    wrapped: bool,
    normal_gap: int,
    modal_indent: int,
    standalone: Callable[[str], bool],
    opener_start: Callable[[str], bool],
) -> bool:
    """Whether `line` begins a new paragraph rather than continuing the previous line."""
    if standalone(previous.text) or labelled:
        return True
    # A footnote number glued to the end ("cooperation,1") is not how the sentence ends.
    previous_end = _GLUED_END.sub("", MARK.sub("", previous.text).rstrip())[-1:]
    if standalone(line.text) and not (previous_end.isalnum() and line.text[0].isdigit()):
        return True  # a masthead or closing line, unless a sentence runs on into a date
    first = line.text[0]
    if first.islower() or first.isdigit() or first in ",;:.)]":
        return False
    if not wrapped or _heading(previous.text):
        return True
    if line.blank_before > normal_gap and not line.after_removed:
        return True
    end = previous_end
    if end in (".", ";", ":", "!", "?"):
        return True
    if end in (",", "»", "”", ")"):
        return line.indent > modal_indent or opener_start(line.text)
    return False


def _heading(text: str) -> bool:
    """A line in capitals ("THE CAUSE OF PALESTINE") is a heading, never wrapped text."""
    letters = [c for c in MARK.sub("", text) if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _join_lines(text: str, following: str) -> str:
    """Join a wrapped line to its paragraph; a line-end hyphen keeps or loses its hyphen."""
    if _LINE_END_HYPHEN.search(text):
        if following[:1].islower():
            return text[:-1] + SOFT_JOIN + following  # decided with the dictionary later
        return text + following  # "al-" / "Hikma": a compound keeps its hyphen
    if text.endswith(" -"):
        return text + following  # "Bosnie -" / "Herzégovine": the space goes in repairs
    return text + " " + following
