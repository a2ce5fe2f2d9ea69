"""Tests for Umm al-Qura conversion and OIC Hijri date formatting."""

from __future__ import annotations

from datetime import date

import pytest

from draftdesk.language import (
    HijriDate,
    LanguageError,
    format_hijri,
    format_hijri_range,
    format_hijri_span,
    hijri_month_name,
    to_hijri,
)

EN_MONTHS = [
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
]
FR_MONTHS = [
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
]


def test_month_names() -> None:
    assert [hijri_month_name(m, "en") for m in range(1, 13)] == EN_MONTHS
    assert [hijri_month_name(m, "fr") for m in range(1, 13)] == FR_MONTHS


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_out_of_range(month: int) -> None:
    with pytest.raises(ValueError):
        hijri_month_name(month, "en")


def test_to_hijri() -> None:
    assert to_hijri(date(2022, 3, 22)) == HijriDate(1443, 8, 19)
    assert to_hijri(date(2025, 3, 7)) == HijriDate(1446, 9, 7)


# OIC meeting dates from the style notes (§3.4), all matching Umm al-Qura.
@pytest.mark.parametrize(
    ("start", "end", "en", "fr"),
    [
        (date(2022, 3, 22), date(2022, 3, 23), "19-20 Sha'ban 1443H", "19 – 20 chaâbane 1443"),
        (
            date(2020, 11, 27),
            date(2020, 11, 28),
            "12-13 Rabi al-Thani 1442H",
            "12 – 13 rabia al-thani 1442",
        ),
        (date(2017, 7, 10), date(2017, 7, 11), "16-17 Shawwal 1438H", "16 – 17 chawwal 1438"),
        (date(2012, 11, 15), date(2012, 11, 17), "1-3 Muharram 1434H", "1er – 3 mouharram 1434"),
        (date(2013, 12, 9), date(2013, 12, 11), "6-8 Safar 1435H", "6 – 8 safar 1435"),
        (
            date(2008, 6, 18),
            date(2008, 6, 20),
            "14-16 Jumada al-Thani 1429H",
            "14 – 16 joumada al-thania 1429",
        ),
        (date(2022, 3, 22), date(2022, 3, 22), "19 Sha'ban 1443H", "19 chaâbane 1443"),
        (date(2025, 3, 7), date(2025, 3, 7), "7 Ramadan 1446H", "7 ramadan 1446"),
    ],
)
def test_format_hijri_range(start: date, end: date, en: str, fr: str) -> None:
    assert format_hijri_range(start, end, "en") == en
    assert format_hijri_range(start, end, "fr") == fr


def test_french_reference_uses_spaced_en_dash() -> None:
    text = format_hijri_range(date(2022, 3, 22), date(2022, 3, 23), "fr")
    assert "\u2013" in text
    assert text == "19 \u2013 20 chaâbane 1443"


def test_across_months() -> None:
    # Rajab 1443 had 30 days and 1 Sha'ban 1443 was 4 March 2022.
    assert to_hijri(date(2022, 3, 2)) == HijriDate(1443, 7, 29)
    assert to_hijri(date(2022, 3, 4)) == HijriDate(1443, 8, 1)
    start, end = date(2022, 3, 2), date(2022, 3, 4)
    assert format_hijri_range(start, end, "en") == "29 Rajab-1 Sha'ban 1443H"
    assert format_hijri_range(start, end, "fr") == "29 rajab – 1er chaâbane 1443"


def test_across_years() -> None:
    start, end = HijriDate(1443, 12, 29), HijriDate(1444, 1, 1)
    assert format_hijri_span(start, end, "en") == "29 Dhul Hijjah 1443H-1 Muharram 1444H"
    assert format_hijri_span(start, end, "fr") == "29 dhou al-hijja 1443 – 1er mouharram 1444"


def test_manual_dates() -> None:
    assert format_hijri(HijriDate(1420, 3, 15), "en") == "15 Rabi al-Awwal 1420H"
    assert format_hijri(HijriDate(1420, 3, 1), "fr") == "1er rabia al-awal 1420"


@pytest.mark.parametrize("bad", [(1443, 13, 1), (1443, 0, 1), (1443, 1, 31), (1443, 1, 0)])
def test_hijri_date_validation(bad: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError):
        HijriDate(*bad)


def test_out_of_range_raises_with_range_and_manual_hint() -> None:
    with pytest.raises(LanguageError) as info:
        to_hijri(date(1900, 1, 1))
    message = str(info.value)
    assert "1924" in message and "2077" in message
    assert "manual" in message
    with pytest.raises(LanguageError):
        format_hijri_range(date(1900, 1, 1), date(1900, 1, 2), "en")
    with pytest.raises(LanguageError):
        to_hijri(date(2078, 1, 1))


def test_reversed_range_raises() -> None:
    with pytest.raises(LanguageError):
        format_hijri_range(date(2022, 3, 23), date(2022, 3, 22), "en")
    with pytest.raises(LanguageError):
        format_hijri_span(HijriDate(1443, 8, 20), HijriDate(1443, 8, 19), "fr")


def test_bad_language() -> None:
    with pytest.raises(LanguageError):
        format_hijri_range(date(2022, 3, 22), date(2022, 3, 23), "ar")
    with pytest.raises(LanguageError):
        hijri_month_name(1, "ar")
