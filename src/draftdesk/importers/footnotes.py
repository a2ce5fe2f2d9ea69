"""Footnotes in extracted text: note blocks after a rule line, and the marks that cite them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftdesk.importers.result import Change, ChangeKind

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
"""Private-use characters around a note key inside text ("…autres\ue0002\ue001,")."""

MARK = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")
RULE = re.compile(r"^[ \t]*[_\u2014\u2015\u2500-]{5,}[ \t]*$")
"""The rule that starts the footnotes of a page ("__________________")."""

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_NOTE_MARK = rf"(?P<mark>\*{{1,3}}|\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}})"
_NOTE_START = re.compile(rf"^[ \t]*{_NOTE_MARK}(?:[ \t.)]+(?P<text>\S.*))?$")
_LONE_MARK = re.compile(rf"^[ \t]*{_NOTE_MARK}[ \t]*$")
# A number glued to the end of a word ("autres2,") or after a closing quote or bracket.
# English puts the mark after punctuation ("Secretary-General,1"), French before it.
_GLUED = re.compile(
    r"(?:(?<=[a-zà-ÿœ]{2})|(?<=[a-zà-ÿœ][,;:.])|(?<=[»”)]))(?P<number>\d{1,2})(?=[\s,;:.)»”]|$)"
)
_SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_UNITS = ("km", "cm", "mm", "kg")


def mark(key: str) -> str:
    """A note key as it sits inside text while paragraphs are assembled."""
    return f"{MARK_OPEN}{key}{MARK_CLOSE}"


def mark_key(text: str) -> str:
    """The note key of a marker as written ("¹²" → "12", "*" → "*")."""
    return text.strip().translate(_FROM_SUPERSCRIPT)


@dataclass(slots=True)
class NoteText:
    """A footnote found in a note block: its key, text and the lines it came from."""

    key: str
    lines: list[str] = field(default_factory=list)
    first_line: int = 0

    @property
    def text(self) -> str:
        """The note's lines joined into one paragraph."""
        return " ".join(line.strip() for line in self.lines if line.strip())

    @property
    def complete(self) -> bool:
        """Notes end with a full stop; one that does not continues on the next page."""
        return self.text.rstrip().endswith((".", ".»", ".”", ")"))


@dataclass(slots=True)
class NoteBlocks:
    """Notes taken out of the text, the line numbers they occupied, and what was done."""

    notes: dict[str, NoteText] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    changes: list[Change] = field(default_factory=list)


def extract_notes(lines: list[tuple[int, str]], boundaries: set[int]) -> NoteBlocks:
    """Take the note blocks out of numbered `lines` (removed furniture already left out).

    A block starts at a rule line. Its notes start with a mark (alone on a line or before the
    text) that continues the count; a line without one continues the current note. The block
    ends at a page boundary (`boundaries`: line numbers that follow removed page furniture)
    or when a complete note is followed by a line that does not start the next one. Text
    before the first mark of a block continues the last note of the previous block (a note
    split across pages).
    """
    found = NoteBlocks()
    last_number = 0
    current: NoteText | None = None
    index = 0
    while index < len(lines):
        number, text = lines[index]
        if not RULE.match(text):
            index += 1
            continue
        found.consumed.add(number)
        index += 1
        in_block = True
        while index < len(lines) and in_block:
            number, text = lines[index]
            if number in boundaries:
                break  # the page ends: a note cut short goes on after the next rule
            if RULE.match(text):
                break
            if not text.strip():
                found.consumed.add(number)
                index += 1
                continue
            start = _NOTE_START.match(text)
            key = mark_key(start.group("mark")) if start else ""
            if start and _continues_count(key, last_number, found.notes):
                current = NoteText(key, first_line=number)
                found.notes[key] = current
                if key.isdigit():
                    last_number = int(key)
                if start.group("text"):
                    current.lines.append(start.group("text"))
            elif current is not None and not current.complete:
                current.lines.append(text)
            elif current is not None and current.lines == [] and current.key:
                current.lines.append(text)  # the text of a mark that stood alone
            else:
                in_block = False
                continue
            found.consumed.add(number)
            index += 1
    return found


def _continues_count(key: str, last_number: int, notes: dict[str, NoteText]) -> bool:
    if key.startswith("*"):
        return key not in notes
    return key.isdigit() and int(key) == last_number + 1


def attach_marks(
    lines: list[tuple[int, str]], notes: dict[str, NoteText]
) -> list[tuple[int, str]]:
    """Turn marks standing alone on a line into markers glued to the previous line.

    PDF extraction puts a superscript on a line of its own ("…islamique" / "1" / " à");
    a lone number is a mark only when a note carries that number. A punctuation line that
    follows (",", ";") and a line that goes on in lower case are glued back too.
    """
    result: list[tuple[int, str]] = []
    glue_next = False
    for number, text in lines:
        stripped = text.strip()
        if not stripped:
            glue_next = False
            result.append((number, text))
            continue
        lone = _LONE_MARK.match(text)
        last = _last_content(result)
        if lone and last is not None and mark_key(lone.group("mark")) in notes:
            previous_number, previous = result[last]
            key = mark_key(lone.group("mark"))
            result[last] = (previous_number, previous.rstrip() + mark(key))
            glue_next = True
            continue
        if glue_next and last is not None and (stripped[0].islower() or stripped[0] in ",;:.)"):
            previous_number, previous = result[last]
            space = "" if stripped[0] in ",;:.)" else " "
            result[last] = (previous_number, previous.rstrip() + space + stripped)
            glue_next = stripped[0] in ",;:.)"
            continue
        glue_next = False
        result.append((number, text))
    return result


def _last_content(lines: list[tuple[int, str]]) -> int | None:
    """Index of the last non-blank line, if it directly precedes (no blank line between)."""
    if lines and lines[-1][1].strip():
        return len(lines) - 1
    return None


def mark_inline(text: str, notes: dict[str, NoteText], where: str) -> tuple[str, list[Change]]:
    """Turn superscript digits and numbers glued to words into markers of existing notes."""
    changes: list[Change] = []

    def superscript(match: re.Match[str]) -> str:
        key = mark_key(match.group())
        return mark(key) if key in notes else match.group()

    text = _SUPERSCRIPT_RUN.sub(superscript, text)

    def glued(match: re.Match[str]) -> str:
        key = match.group("number")
        word_start = max(0, match.start() - 3)
        if key not in notes or text[word_start : match.start()].endswith(_UNITS):
            return match.group()
        word_start = text.rfind(" ", 0, max(0, text.rfind(" ", 0, match.start())))
        context = text[word_start + 1 : match.end()]
        changes.append(
            Change(
                ChangeKind.CORRECTED,
                where,
                context,
                context[: -len(key)] + f"[{key}]",
                "a footnote number glued to the word before it",
            )
        )
        return mark(key)

    return _GLUED.sub(glued, text), changes
