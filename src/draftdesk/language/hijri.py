"""Hijri (Umm al-Qura) dates and their OIC spelling in English and French."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from hijridate import Gregorian

from draftdesk.language.dates import day_text
from draftdesk.language.errors import LanguageError, check_language

__all__ = [
    "HIJRI_MONTHS",
    "HijriDate",
    "format_hijri",
    "format_hijri_range",
    "format_hijri_span",
    "hijri_month_name",
    "to_hijri",
]

# Month names as OIC English texts write them (not hijridate's transliteration, which has
# "Jumada al-Ula" and "Rabi' al-Awwal"), and as the OIC French reference writes them, lower
# case. OIC spelling varies between documents; callers may substitute their own table.
HIJRI_MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "Muharram",
        "Safar",
        "Rabi al-Awwal",
        "Rabi al-Thani",
        "Jumada al-Awwal",
        "Jumada al-Thani",
        "Rajab",
        "Sha'ban",
        "Ramadan",
        "Shawwal",
        "Dhul Qa'dah",
        "Dhul Hijjah",
    ),
    "fr": (
        "mouharram",
        "safar",
        "rabia al-awal",
        "rabia al-thani",
        "joumada al-oula",
        "joumada al-thania",
        "rajab",
        "chaâbane",
        "ramadan",
        "chawwal",
        "dhou al-qi'da",
        "dhou al-hijja",
    ),
}

# Era mark after the year: OIC English writes "1443H"; the French reference writes the bare
# year ("19 – 20 chaâbane 1443").
_ERA: Final[dict[str, str]] = {"en": "H", "fr": ""}
# Separator between the two ends of a span: the French reference uses a spaced en dash,
# English OIC texts a bare hyphen ("19-20 Sha'ban 1443H").
_SPAN_SEPARATOR: Final[dict[str, str]] = {"en": "-", "fr": " \u2013 "}


@dataclass(slots=True, frozen=True, order=True)
class HijriDate:
    """A date in the Hijri calendar (year, month 1-12, day 1-30)."""

    year: int
    month: int
    day: int

    def __post_init__(self) -> None:
        """Reject impossible month or day numbers (manual entries come through here too)."""
        if not 1 <= self.month <= 12:
            raise ValueError(f"Hijri month must be between 1 and 12, got {self.month}.")
        if not 1 <= self.day <= 30:
            raise ValueError(f"Hijri day must be between 1 and 30, got {self.day}.")


def to_hijri(d: date) -> HijriDate:
    """Convert a Gregorian date to its Umm al-Qura Hijri date (hijridate).

    Raises ``LanguageError`` outside hijridate's range (1924-2077): such dates need a Hijri
    date entered by hand.
    """
    try:
        year, month, day = Gregorian.fromdate(d).to_hijri().datetuple()
    except (OverflowError, ValueError) as exc:
        raise LanguageError(
            f"Cannot convert {d.isoformat()} to the Hijri calendar: automatic conversion "
            "(Umm al-Qura) only covers 1924 to 2077 (1 August 1924 - 16 November 2077). "
            "Please enter the Hijri date manually."
        ) from exc
    return HijriDate(int(year), int(month), int(day))


def hijri_month_name(month: int, lang: str) -> str:
    """Return the OIC spelling of Hijri month ``month`` (1-12): "Sha'ban" / "chaâbane"."""
    check_language(lang)
    if not 1 <= month <= 12:
        raise ValueError(f"Hijri month must be between 1 and 12, got {month}.")
    return HIJRI_MONTHS[lang][month - 1]


def _day_month(h: HijriDate, lang: str) -> str:
    # French writes the first of a month "1er", for Hijri months as for Gregorian ones.
    return f"{day_text(h.day, lang)} {hijri_month_name(h.month, lang)}"


def format_hijri(h: HijriDate, lang: str) -> str:
    """Format one Hijri date: "19 Sha'ban 1443H" / "19 chaâbane 1443"."""
    check_language(lang)
    return f"{_day_month(h, lang)} {h.year}{_ERA[lang]}"


def format_hijri_span(start: HijriDate, end: HijriDate, lang: str) -> str:
    """Format a span of Hijri dates (computed or entered by hand).

    EN: "19-20 Sha'ban 1443H", "29 Rajab-1 Sha'ban 1443H"; FR: "19 – 20 chaâbane 1443",
    "29 rajab – 1er chaâbane 1443". Raises ``LanguageError`` if ``end`` is before ``start``.
    """
    check_language(lang)
    if end < start:
        raise LanguageError(f"Hijri span ends ({end}) before it starts ({start}).")
    if start == end:
        return format_hijri(start, lang)
    sep = _SPAN_SEPARATOR[lang]
    if (start.year, start.month) == (end.year, end.month):
        first = day_text(start.day, lang)
    elif start.year == end.year:
        first = _day_month(start, lang)
    else:
        first = format_hijri(start, lang)
    return f"{first}{sep}{format_hijri(end, lang)}"


def format_hijri_range(start: date, end: date, lang: str) -> str:
    """Convert a Gregorian range to Umm al-Qura and format it as ``format_hijri_span`` does.

    2022-03-22..23 gives "19-20 Sha'ban 1443H" / "19 – 20 chaâbane 1443". Raises
    ``LanguageError`` for a reversed range or dates outside 1924-2077.
    """
    check_language(lang)
    if end < start:
        raise LanguageError(
            f"Date range ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )
    return format_hijri_span(to_hijri(start), to_hijri(end), lang)
