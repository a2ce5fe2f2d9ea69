"""Typography of any stored text: ordinals, spaces around punctuation, quotes, double spaces.

These rules read the text as stored, because that is what the editor shows and what a fix
changes. Where the export's typography (`draftdesk.language`) corrects a slip anyway the
finding is a note (INFO) or a warning that says so; where it does not ("49èmesession",
"1ème", "21th", a space before an English semicolon) it is an error. French text is
stored with ordinary spaces before ; : ! ? and inside « » (the renderer puts the
no-break spaces in, docs/file-format.md), so a missing no-break space in the stored text
is not a fault; a wrong kind of no-break space is noted.
"""

from __future__ import annotations

import re
from typing import Final

from draftdesk.language import ordinal_figure
from draftdesk.language.english import URL_PATTERN, convert_straight_quotes
from draftdesk.proofing.context import Hit
from draftdesk.proofing.findings import Severity
from draftdesk.proofing.messages import Messages

NNBSP: Final[str] = "\u202f"
NBSP: Final[str] = "\u00a0"

# "49ème", "2ième", "37 ème", "38ÈME", "2me", "XXIème", and glued "49èmesession".
_FR_BAD_ORDINAL: Final[re.Pattern[str]] = re.compile(
    r"(?<![\w])(?P<num>\d+|[IVXLCDM]{2,}|I)"
    r"(?P<suffix>[ \u00a0]?[iI]?[èÈ][mM][eE]|[iI]?[eE][mM][eE]|[iI]?me)"
    r"(?P<plural>[sS](?![^\W\d_]))?(?P<glue>[^\W\d_]*)"
)
_FR_BAD_PREMIER: Final[re.Pattern[str]] = re.compile(
    r"(?<![\w])1(?P<suffix>[èÈ][rR][eE]|[eE][rR][eE]|ère)(?P<plural>[sS]?)(?![\w])"
)
_FR_BARE_FIRST: Final[re.Pattern[str]] = re.compile(r"(?<![\w])1e(?P<plural>s?)(?![\w])")
_EN_ORDINAL: Final[re.Pattern[str]] = re.compile(r"(?<![\w.,])(\d+)(st|nd|rd|th)(?![\w])")
_SPACE_BEFORE_COMMA: Final[re.Pattern[str]] = re.compile(
    r"(?<=[\w”’»)])[ \u00a0\u202f\u2009]+(?=[,.](?!\.)(?!\d))"
)
_EN_SPACE_BEFORE: Final[re.Pattern[str]] = re.compile(r"(?<=\S)[ \u00a0\u202f\u2009]+(?=[;:!?])")
_FR_WRONG_HIGH: Final[re.Pattern[str]] = re.compile(
    r"[\u00a0\u2009](?=[;!?])|(?<=«)[\u00a0\u2009]|[\u00a0\u2009](?=»)"
)
_FR_WRONG_COLON: Final[re.Pattern[str]] = re.compile(r"[\u202f\u2009](?=:)")
_DIGIT: Final[re.Pattern[str]] = re.compile(r"\d")
# Spaces directly before punctuation (any kind) and the no-break spaces French may misuse.
_MAY_HAVE_SPACE_SLIP: Final[re.Pattern[str]] = re.compile(r"\s[,.;:!?]|[\u00a0\u2009\u202f]")
_DOUBLE_SPACE: Final[re.Pattern[str]] = re.compile(r"  +")
_SPACE_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {NBSP: "a no-break space (U+00A0)", "\u2009": "a thin space (U+2009)",
           NNBSP: "a narrow no-break space (U+202F)"},
    "fr": {NBSP: "une espace insécable (U+00A0)", "\u2009": "une espace fine (U+2009)",
           NNBSP: "une espace fine insécable (U+202F)"},
}  # fmt: skip


def check_typography(text: str, lang: str, say: Messages) -> list[Hit]:
    """Every typographic slip in `text` (a stored text in `lang`), in order."""
    # Each pattern runs only when a cheap substring test says it may match: a check of a
    # whole document runs these on a thousand texts (bench/proofing_bench.py).
    urls = (
        [m.span() for m in URL_PATTERN.finditer(text)] if "://" in text or "www." in text else []
    )
    hits: list[Hit] = []
    if _DIGIT.search(text) or (lang == "fr" and ("ème" in text or "ÈME" in text)):
        hits += _ordinals_fr(text, say) if lang == "fr" else _ordinals_en(text, say)
    if _MAY_HAVE_SPACE_SLIP.search(text):
        hits += _spaces(text, lang, say)
    hits += _quotes(text, lang, say)
    if "  " in text:
        hits += [
            Hit(
                "double-space",
                Severity.INFO,
                say("double-space"),
                m.start(),
                m.end(),
                m.group(),
                " ",
            )
            for m in _DOUBLE_SPACE.finditer(text)
        ]
    return sorted(
        (hit for hit in hits if not any(a < hit.end and hit.start < b for a, b in urls)),
        key=lambda hit: hit.start,
    )


def _ordinals_fr(text: str, say: Messages) -> list[Hit]:
    hits: list[Hit] = []
    for match in _FR_BAD_ORDINAL.finditer(text):
        number, glue = match.group("num"), match.group("glue")
        suffix = match.group("suffix")
        if suffix.lower() == "me" and glue:
            continue  # "2mesures" is not an ordinal slip we can be sure of
        found = match.group()
        if number in ("1", "I"):
            hits.append(
                Hit(
                    "ordinal-suffix",
                    Severity.ERROR,
                    say("ordinal-ambiguous", found=found),
                    match.start(),
                    match.end(),
                    found,
                )
            )
            continue
        expected = f"{number}e{(match.group('plural') or '').lower()}" + (
            f" {glue}" if glue else ""
        )
        hits.append(
            Hit(
                "ordinal-suffix",
                Severity.ERROR if glue else Severity.WARNING,
                say("ordinal-suffix", expected=expected, found=found),
                match.start(),
                match.end(),
                found,
                expected,
            )
        )
    for match in _FR_BAD_PREMIER.finditer(text):
        expected = "1re" + match.group("plural").lower()
        hits.append(
            Hit(
                "ordinal-suffix",
                Severity.WARNING,
                say("ordinal-suffix", expected=expected, found=match.group()),
                match.start(),
                match.end(),
                match.group(),
                expected,
            )
        )
    for match in _FR_BARE_FIRST.finditer(text):
        hits.append(
            Hit(
                "ordinal-suffix",
                Severity.ERROR,
                say("ordinal-ambiguous", found=match.group()),
                match.start(),
                match.end(),
                match.group(),
            )
        )
    return hits


def _ordinals_en(text: str, say: Messages) -> list[Hit]:
    hits: list[Hit] = []
    for match in _EN_ORDINAL.finditer(text):
        expected = str(ordinal_figure(int(match.group(1)), "en"))
        if expected != match.group().lower():
            hits.append(
                Hit(
                    "ordinal-suffix",
                    Severity.ERROR,
                    say("ordinal-suffix", expected=expected, found=match.group()),
                    match.start(),
                    match.end(),
                    match.group(),
                    expected,
                )
            )
    return hits


def _spaces(text: str, lang: str, say: Messages) -> list[Hit]:
    patterns = [_SPACE_BEFORE_COMMA, _EN_SPACE_BEFORE] if lang == "en" else [_SPACE_BEFORE_COMMA]
    hits = [
        Hit(
            "punctuation-space",
            Severity.ERROR,
            say("space-before-punctuation", mark=text[m.end()]),
            m.start(),
            m.end(),
            m.group(),
            "",
        )
        for pattern in patterns
        for m in pattern.finditer(text)
    ]
    if lang == "en":
        return hits
    names = _SPACE_NAMES[say.ui_lang]
    checks = ((_FR_WRONG_HIGH, "nbsp-narrow", NNBSP), (_FR_WRONG_COLON, "nbsp-word", NBSP))
    for pattern, key, right in checks:
        hits += [
            Hit(
                "punctuation-space",
                Severity.INFO,
                say(key, found=names[m.group()]),
                m.start(),
                m.end(),
                m.group(),
                right,
            )
            for m in pattern.finditer(text)
        ]
    return hits


def _quotes(text: str, lang: str, say: Messages) -> list[Hit]:
    if '"' not in text:
        return []
    opening, closing = ("«", "»") if lang == "fr" else ("“", "”")
    converted = convert_straight_quotes(text, opening, closing)
    hits: list[Hit] = []
    for index, char in enumerate(text):
        if char != '"':
            continue
        mark = converted[index]
        if lang == "fr":
            # Stored French keeps ordinary spaces inside « »; the renderer makes them fine.
            after = text[index + 1 : index + 2]
            before = text[index - 1 : index]
            if mark == "«" and after and not after.isspace():
                mark = "« "
            elif mark == "»" and before and not before.isspace():
                mark = " »"
        hits.append(
            Hit(
                "straight-quotes",
                Severity.INFO,
                say("straight-quotes-fr" if lang == "fr" else "straight-quotes-en"),
                index,
                index + 1,
                '"',
                mark,
            )
        )
    return hits
