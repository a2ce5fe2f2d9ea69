"""Gregorian dates, date ranges and compact date spans in UN English and French style."""

from __future__ import annotations

from datetime import date
from typing import Final

from babel.dates import format_date as _babel_format_date

from draftdesk.language.errors import LanguageError, babel_locale, check_language

__all__ = [
    "day_text",
    "format_date",
    "format_date_range",
    "format_date_span",
    "month_name",
]

# Words that introduce a date range in running text, per language:
# (one day, two consecutive days, "from", "to").
_RANGE_WORDS: Final[dict[str, tuple[str, str, str, str]]] = {
    "en": ("on", "on", "from", "to"),
    "fr": ("le", "les", "du", "au"),
}
_AND: Final[dict[str, str]] = {"en": "and", "fr": "et"}


def month_name(d: date, lang: str) -> str:
    """Return the month name of ``d`` as used in a date: "October" / "octobre"."""
    # "MMMM" is the format (genitive) month name, which is what appears inside a full date.
    return _babel_format_date(d, "MMMM", locale=babel_locale(lang))


def day_text(day: int, lang: str) -> str:
    """Return the day number as written in a date: "1" in English, "1er" in French."""
    check_language(lang)
    # French writes the first of the month as an ordinal ("1er mars"); Babel does not.
    if lang == "fr" and day == 1:
        return "1er"
    return str(day)


def _day_month(d: date, lang: str) -> str:
    return f"{day_text(d.day, lang)} {month_name(d, lang)}"


def format_date(d: date, lang: str) -> str:
    """Format ``d`` as "22 October 1982" / "22 octobre 1982" (FR day one: "1er mars 2022")."""
    return f"{_day_month(d, lang)} {d.year}"


def _check_order(start: date, end: date) -> None:
    if end < start:
        raise LanguageError(
            f"Date range ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )


def format_date_range(start: date, end: date, lang: str) -> str:
    """Format a meeting's dates for running text, with the leading preposition or article.

    EN: "on 22 March 2022", "on 22 and 23 March 2022", "from 11 to 13 May 2016",
    "from 28 June to 1 July 1999"; FR: "le 22 mars 2022", "les 22 et 23 mars 2022",
    "du 1er au 3 novembre 2016", "du 28 juin au 1er juillet 1999". Ranges across years
    give the full date on both sides. Raises ``LanguageError`` if ``end`` is before ``start``.
    """
    check_language(lang)
    _check_order(start, end)
    one_day, two_days, from_word, to_word = _RANGE_WORDS[lang]
    if start == end:
        return f"{one_day} {format_date(start, lang)}"
    same_month = (start.year, start.month) == (end.year, end.month)
    if same_month and end.day - start.day == 1:
        return f"{two_days} {day_text(start.day, lang)} {_AND[lang]} {format_date(end, lang)}"
    if same_month:
        first = day_text(start.day, lang)
    elif start.year == end.year:
        first = _day_month(start, lang)
    else:
        first = format_date(start, lang)
    return f"{from_word} {first} {to_word} {format_date(end, lang)}"


def format_date_span(start: date, end: date, lang: str) -> str:
    """Format the compact span used in parentheses: "7-8 December 2005" / "7-8 décembre 2005".

    One day gives "7 December 2005"; across months "30 November-1 December 2005"
    ("30 novembre-1er décembre 2005"); across years the full date on both sides. The
    separator is a plain hyphen with no spaces. Raises ``LanguageError`` if ``end`` < ``start``.
    """
    check_language(lang)
    _check_order(start, end)
    if start == end:
        return format_date(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        first = day_text(start.day, lang)
    elif start.year == end.year:
        first = _day_month(start, lang)
    else:
        first = format_date(start, lang)
    return f"{first}-{format_date(end, lang)}"
