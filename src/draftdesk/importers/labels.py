"""Paragraph labels as people type them: "1.", "1)", "21 ", "(a)", "a)", "(i)", "i.", "OP3"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class LabelKind(StrEnum):
    """What a label numbers."""

    NUMBER = "number"  # an operative (or annex) paragraph
    LETTER = "letter"  # first sub-paragraph level: (a) a) a.
    ROMAN = "roman"  # second level: (i) i) i.
    PREAMBULAR = "preambular"  # PP1 in negotiation drafts
    OPERATIVE = "operative"  # OP1 in negotiation drafts
    BULLET = "bullet"


@dataclass(slots=True, frozen=True)
class Label:
    """A label found at the start of a paragraph."""

    text: str  # as written: "(a)", "21", "1."
    kind: LabelKind
    core: str  # "a", "iv", "21"
    style: str  # "(x)", "x)", "x.", "x" — the punctuation around the core
    bis: str = ""  # "bis", "ter" … of negotiation drafts

    @property
    def number(self) -> int:
        """The numeric value: the number, the letter's rank (a = 1) or the roman value."""
        if self.kind in (LabelKind.NUMBER, LabelKind.PREAMBULAR, LabelKind.OPERATIVE):
            return int(self.core)
        if self.kind is LabelKind.LETTER:
            return letter_rank(self.core)
        if self.kind is LabelKind.ROMAN:
            return roman_value(self.core)
        return 0


_LABEL = re.compile(
    r"""^[ \t\u00a0]*(?:
        (?P<negotiation>(?:PP|OP|pp|op)[ ]?(?P<neg_number>\d{1,3}))(?:[.:)])?
      | \((?P<paren>[a-z]{1,3}|[ivxl]{1,7}|\d{1,3})\)
      | (?P<number>\d{1,3})(?:[ ]?(?P<bis>bis|ter|quater))?(?P<number_punct>[.)])
      | (?P<alpha>[a-z]{1,2}|[ivxl]{1,7})(?P<alpha_punct>[.)])
      | (?P<bullet>[•·▪‣◦●■□➢\-–—])
    )(?=[ \t\u00a0]|$)""",
    re.VERBOSE,
)
# "21 Encourage": a number with its full stop missing, before a capital letter.
_BARE_NUMBER = re.compile(r"^[ \t\u00a0]*(?P<number>\d{1,3})[ \t\u00a0]+(?=[A-ZÀ-ÖØ-Þ«“\"])")
_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def parse_label(text: str, *, expected_number: int | None = None) -> tuple[Label, str] | None:
    """The label at the start of `text` and the text after it, or None.

    A bare number without its full stop ("21 Encourage") counts only when it is
    `expected_number`, the number the next operative paragraph should have.
    """
    match = _LABEL.match(text)
    if match:
        rest = text[match.end() :].lstrip(" \t\u00a0")
        return _label(match), rest
    bare = _BARE_NUMBER.match(text)
    if bare and expected_number is not None and int(bare.group("number")) == expected_number:
        rest = text[bare.end() :]
        return Label(bare.group("number"), LabelKind.NUMBER, bare.group("number"), "x"), rest
    return None


def _label(match: re.Match[str]) -> Label:
    written = match.group(0).strip(" \t\u00a0")
    if match.group("negotiation"):
        upper = match.group("negotiation").upper()
        kind = LabelKind.PREAMBULAR if upper.startswith("PP") else LabelKind.OPERATIVE
        return Label(written, kind, match.group("neg_number"), "x")
    if match.group("bullet"):
        return Label(written, LabelKind.BULLET, "", "")
    if match.group("paren"):
        core, style = match.group("paren"), "(x)"
    elif match.group("number"):
        return Label(
            written,
            LabelKind.NUMBER,
            match.group("number"),
            "x" + match.group("number_punct"),
            match.group("bis") or "",
        )
    else:
        core, style = match.group("alpha"), "x" + match.group("alpha_punct")
    if core.isdigit():
        return Label(written, LabelKind.NUMBER, core, style)
    kind = LabelKind.ROMAN if is_roman(core) else LabelKind.LETTER
    return Label(written, kind, core, style)


def is_roman(core: str) -> bool:
    """True for a lower-case roman numeral up to xxxix ("i", "iv", "xii")."""
    return bool(core) and bool(_ROMAN.match(core))


def letter_rank(core: str) -> int:
    """a → 1 … z → 26, aa → 27 (UN documents continue with doubled letters)."""
    return (len(core) - 1) * 26 + ord(core[0]) - ord("a") + 1


def roman_value(core: str) -> int:
    """The value of a lower-case roman numeral."""
    total = 0
    for index, char in enumerate(core):
        value = _ROMAN_VALUES.get(char, 0)
        following = _ROMAN_VALUES.get(core[index + 1], 0) if index + 1 < len(core) else 0
        total += -value if value < following else value
    return total


def as_letter(label: Label) -> Label:
    """Read an ambiguous roman-looking label ("(i)" after "(h)") as a letter."""
    return Label(label.text, LabelKind.LETTER, label.core, label.style, label.bis)
