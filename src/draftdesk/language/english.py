"""English typography for text runs, plus quote and URL helpers shared with French."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

__all__ = [
    "URL_PATTERN",
    "apply_english_typography",
    "collapse_spaces",
    "convert_straight_quotes",
    "map_outside_urls",
]

# A URL or bare "www." address. It stops before whitespace, quotes and guillemets, and never
# ends on punctuation, so "voir https://undocs.org/A/72/L.5;" leaves the ";" as text.
URL_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)[^\s\"«»<>]*[^\s\"«»<>.,;:!?)\]’'”]"
)
_SPACE_RUN: Final[re.Pattern[str]] = re.compile(r" {2,}")
_SPACES: Final[str] = " \t\n\u00a0\u202f\u2009"
# Characters after which a quote mark opens rather than closes.
_OPENING_CONTEXT: Final[str] = " \t\n\u00a0\u202f([{“‘«—–-/"
_CLOSING_FOLLOWERS: Final[str] = _SPACES + ".,;:!?)]}…"


def map_outside_urls(text: str, transform: Callable[[str], str]) -> str:
    """Apply ``transform`` to the parts of ``text`` that are not URLs; URLs are kept verbatim.

    Typography rules (spaces before "?" or ":", curly apostrophes) would break an address.
    """
    if "://" not in text and "www." not in text:
        return transform(text)  # the common case: nothing URL_PATTERN could match
    parts: list[str] = []
    pos = 0
    for match in URL_PATTERN.finditer(text):
        if match.start() > pos:
            parts.append(transform(text[pos : match.start()]))
        parts.append(match.group())
        pos = match.end()
    if pos < len(text) or not parts:
        parts.append(transform(text[pos:]))
    return "".join(parts)


def collapse_spaces(text: str) -> str:
    """Collapse runs of ordinary spaces (U+0020) to one; other spaces are left alone."""
    return _SPACE_RUN.sub(" ", text)


def _is_opening(text: str, index: int, previous_opened: bool) -> bool:
    """Decide whether the quote mark at ``index`` opens, from the characters around it."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if not before:
        # At the start of a run the quote may close a phrase begun in the previous run
        # (e.g. an italic title), so it opens only if a word follows directly.
        return bool(after) and after not in _CLOSING_FOLLOWERS
    if not after:
        return before in _OPENING_CONTEXT
    if before in _SPACES and after in _SPACES:
        # Spaced on both sides (' " '): no clue from the context, so alternate.
        return not previous_opened
    return before in _OPENING_CONTEXT


def convert_straight_quotes(text: str, opening: str, closing: str, *, mark: str = '"') -> str:
    """Replace straight quote marks ``mark`` with ``opening`` / ``closing``.

    Each mark is classified by its neighbours (after a space or at the start of a word it
    opens, after a word it closes), which also works for a quotation split over several runs;
    a mark with spaces on both sides alternates with the previous one.
    """
    if mark not in text:
        return text
    chars = list(text)
    previous_opened = False
    for i, char in enumerate(chars):
        if char == mark:
            previous_opened = _is_opening(text, i, previous_opened)
            chars[i] = opening if previous_opened else closing
    return "".join(chars)


def _english_run(text: str) -> str:
    text = collapse_spaces(text)
    text = convert_straight_quotes(text, "“", "”")
    # An apostrophe is a closing single quote; only one that starts a word opens a quote.
    return convert_straight_quotes(text, "‘", "’", mark="'")


def apply_english_typography(text: str) -> str:
    """Normalise one run of English text: curly quotes and apostrophes, single spaces.

    Straight double quotes become “ ”, straight single quotes ’ (or ‘ when they start a word),
    runs of spaces collapse to one, and no no-break spaces are inserted. URLs are untouched.
    The function is idempotent.
    """
    return map_outside_urls(text, _english_run)
