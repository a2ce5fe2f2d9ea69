"""Tests for Gregorian dates, ranges and spans."""

from __future__ import annotations

from datetime import date

import pytest

from draftdesk.language import LanguageError, format_date, format_date_range, format_date_span


@pytest.mark.parametrize(
    ("d", "en", "fr"),
    [
        (date(1982, 10, 22), "22 October 1982", "22 octobre 1982"),
        (date(2022, 3, 1), "1 March 2022", "1er mars 2022"),
        (date(2020, 10, 1), "1 October 2020", "1er octobre 2020"),
        (date(1946, 2, 1), "1 February 1946", "1er février 1946"),
        (date(2015, 8, 9), "9 August 2015", "9 août 2015"),
        (date(2001, 12, 7), "7 December 2001", "7 décembre 2001"),
    ],
)
def test_format_date(d: date, en: str, fr: str) -> None:
    assert format_date(d, "en") == en
    assert format_date(d, "fr") == fr


@pytest.mark.parametrize(
    ("start", "end", "en", "fr"),
    [
        (date(2022, 3, 22), date(2022, 3, 22), "on 22 March 2022", "le 22 mars 2022"),
        (date(2022, 3, 1), date(2022, 3, 1), "on 1 March 2022", "le 1er mars 2022"),
        (
            date(2022, 3, 22),
            date(2022, 3, 23),
            "on 22 and 23 March 2022",
            "les 22 et 23 mars 2022",
        ),
        (date(2022, 3, 1), date(2022, 3, 2), "on 1 and 2 March 2022", "les 1er et 2 mars 2022"),
        (date(2016, 5, 11), date(2016, 5, 13), "from 11 to 13 May 2016", "du 11 au 13 mai 2016"),
        (
            date(2016, 11, 1),
            date(2016, 11, 3),
            "from 1 to 3 November 2016",
            "du 1er au 3 novembre 2016",
        ),
        (
            date(1999, 6, 28),
            date(1999, 7, 1),
            "from 28 June to 1 July 1999",
            "du 28 juin au 1er juillet 1999",
        ),
        (
            date(2005, 12, 30),
            date(2006, 1, 2),
            "from 30 December 2005 to 2 January 2006",
            "du 30 décembre 2005 au 2 janvier 2006",
        ),
    ],
)
def test_format_date_range(start: date, end: date, en: str, fr: str) -> None:
    assert format_date_range(start, end, "en") == en
    assert format_date_range(start, end, "fr") == fr


@pytest.mark.parametrize(
    ("start", "end", "en", "fr"),
    [
        (date(2005, 12, 7), date(2005, 12, 7), "7 December 2005", "7 décembre 2005"),
        (date(2005, 12, 7), date(2005, 12, 8), "7-8 December 2005", "7-8 décembre 2005"),
        (date(2016, 4, 14), date(2016, 4, 15), "14-15 April 2016", "14-15 avril 2016"),
        (date(2008, 6, 18), date(2008, 6, 20), "18-20 June 2008", "18-20 juin 2008"),
        (
            date(2005, 11, 30),
            date(2005, 12, 1),
            "30 November-1 December 2005",
            "30 novembre-1er décembre 2005",
        ),
        (date(2005, 12, 1), date(2005, 12, 3), "1-3 December 2005", "1er-3 décembre 2005"),
        (
            date(2005, 12, 31),
            date(2006, 1, 1),
            "31 December 2005-1 January 2006",
            "31 décembre 2005-1er janvier 2006",
        ),
    ],
)
def test_format_date_span(start: date, end: date, en: str, fr: str) -> None:
    assert format_date_span(start, end, "en") == en
    assert format_date_span(start, end, "fr") == fr


def test_reversed_range_raises() -> None:
    with pytest.raises(LanguageError):
        format_date_range(date(2022, 3, 23), date(2022, 3, 22), "en")
    with pytest.raises(LanguageError):
        format_date_span(date(2022, 3, 23), date(2022, 3, 22), "fr")


def test_bad_language_raises() -> None:
    with pytest.raises(LanguageError, match="'es'"):
        format_date(date(2022, 3, 22), "es")
    with pytest.raises(LanguageError):
        format_date_range(date(2022, 3, 22), date(2022, 3, 22), "en_US")
    with pytest.raises(LanguageError):
        format_date_span(date(2022, 3, 22), date(2022, 3, 22), "")


def test_language_error_is_value_error() -> None:
    assert issubclass(LanguageError, ValueError)
