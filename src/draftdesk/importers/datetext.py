"""Reading dates, date ranges, ordinals and language names back from English or French text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache

from babel import Locale

from draftdesk.language import ordinal_words, session_ordinal

_BABEL = {"en": "en_GB", "fr": "fr_FR"}
_DAY = r"(?P<{name}>\d{{1,2}})(?:er|re|st|nd|rd|th)?"
_YEAR = r"(?P<{name}>\d{{4}})"


def fold(text: str) -> str:
    """Lower case without accents: "Soixante-douzième" → "soixante-douzieme"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def month_numbers() -> dict[str, int]:
    """Month names of both languages, accent-free, with abbreviations ("sept", "déc.")."""
    names: dict[str, int] = {}
    for lang in ("en", "fr"):
        locale = Locale.parse(_BABEL[lang])
        for width in ("wide", "abbreviated"):
            for number, name in locale.months["format"][width].items():
                names[fold(name).rstrip(".")] = number
    names["sept"] = 9
    return names


def _month_pattern() -> str:
    names = sorted(month_numbers(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(name) for name in names) + r")\.?"


@cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    month = _month_pattern()
    single = re.compile(
        rf"{_DAY.format(name='d')}\s+(?P<m>{month})\s+{_YEAR.format(name='y')}"
        rf"|(?P<m2>{month})\s+{_DAY.format(name='d2')},?\s+{_YEAR.format(name='y2')}"
    )
    # "22 et 23 mars 2022", "22 and 23 March 2022", "22-23 March 2022", "du 11 au 13 mai 2016",
    # "from 11 to 13 May 2016", "30 November - 2 December 2017", "du 28 juin au 1er juillet".
    same_month = re.compile(
        rf"{_DAY.format(name='d1')}\s*(?:-|–|et|and|au|to)\s*{_DAY.format(name='d2')}\s+"
        rf"(?P<m>{month})\s+{_YEAR.format(name='y')}"
    )
    two_months = re.compile(
        rf"{_DAY.format(name='d1')}\s+(?P<m1>{month})(?:\s+{_YEAR.format(name='y1')})?"
        rf"\s*(?:-|–|au|to)\s*{_DAY.format(name='d2')}\s+(?P<m2>{month})\s+{_YEAR.format(name='y2')}"
    )
    return single, same_month, two_months


def _make(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), month_numbers()[fold(month).rstrip(".")], int(day))
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> date | None:
    """The first date in `text` ("1er août 2013", "22 October 1982", "October 22, 1982")."""
    single, _, _ = _date_patterns()
    match = single.search(fold(text))
    if match is None:
        return None
    if match.group("d"):
        return _make(match.group("y"), match.group("m"), match.group("d"))
    return _make(match.group("y2"), match.group("m2"), match.group("d2"))


def parse_date_range(text: str) -> tuple[date, date, tuple[int, int]] | None:
    """The first date or date range in `text`, with the span of text it occupies."""
    single, same_month, two_months = _date_patterns()
    folded = fold(text)
    found: list[tuple[int, date, date, tuple[int, int]]] = []
    match = two_months.search(folded)
    if match:
        end = _make(match.group("y2"), match.group("m2"), match.group("d2"))
        start = _make(match.group("y1") or match.group("y2"), match.group("m1"), match.group("d1"))
        if start and end:
            found.append((match.start(), start, end, match.span()))
    match = same_month.search(folded)
    if match:
        start = _make(match.group("y"), match.group("m"), match.group("d1"))
        end = _make(match.group("y"), match.group("m"), match.group("d2"))
        if start and end:
            found.append((match.start(), start, end, match.span()))
    match = single.search(folded)
    if match:
        day = parse_date(match.group())
        if day:
            found.append((match.start(), day, day, match.span()))
    if not found:
        return None
    # The earliest match wins; at the same place the longer (a range) wins.
    found.sort(key=lambda f: (f[0], -(f[3][1] - f[3][0])))
    _, start, end, span = found[0]
    return (start, end, span) if start <= end else None


@cache
def _ordinals() -> dict[str, int]:
    table: dict[str, int] = {}
    for number in range(1, 200):
        for lang in ("en", "fr"):
            table[fold(ordinal_words(number, lang))] = number
            table[fold(session_ordinal(number, lang))] = number
    return table


def parse_ordinal(text: str) -> int | None:
    """ "Soixante-douzième" → 72, "Forty-eighth" → 48, "48th"/"48e"/"48ème" → 48."""
    word = fold(text.strip()).replace("\u2011", "-")
    figure = re.fullmatch(r"(\d{1,3})\s?(?:st|nd|rd|th|e|eme|ieme|er|re)", word)
    if figure:
        return int(figure.group(1))
    return _ordinals().get(word)


ORDINAL_WORD = r"[A-Za-zÀ-ÿ\-\u2011]+|\d{1,3}\s?(?:st|nd|rd|th|e|ème|ieme|er|re)"
"""A pattern for an ordinal in words or figures (to be checked with parse_ordinal)."""


@cache
def language_codes() -> dict[str, str]:
    """Language names in English and French ("anglais", "English") → code ("en")."""
    names: dict[str, str] = {}
    for lang in ("en", "fr"):
        locale = Locale.parse(_BABEL[lang])
        for code in ("en", "fr", "ar", "es", "ru", "zh"):
            names[fold(locale.languages[code])] = code
    return names


def language_code(name: str) -> str | None:
    """ "Original: English" / "Original : anglais" field value → "en"."""
    return language_codes().get(fold(name.strip().rstrip(".")))
