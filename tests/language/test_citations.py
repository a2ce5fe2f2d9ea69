"""Tests for resolution citations, including the first preambular paragraph of A/72 (OIC)."""

from __future__ import annotations

from datetime import date

import pytest

from draftdesk.language import Citation, LanguageError, format_citation, format_citations

# The 27 resolutions cited in the first preambular paragraph of the reference draft
# (004_ab897fdad5167ce5.txt: "Rappelant ses résolutions 37/4 du 22 octobre 1982, …").
A72_CITATIONS = [
    Citation(symbol, adopted)
    for symbol, adopted in [
        ("37/4", date(1982, 10, 22)),
        ("38/4", date(1983, 10, 28)),
        ("39/7", date(1984, 11, 8)),
        ("40/4", date(1985, 10, 25)),
        ("41/3", date(1986, 10, 16)),
        ("42/4", date(1987, 10, 15)),
        ("43/2", date(1988, 10, 17)),
        ("44/8", date(1989, 10, 18)),
        ("45/9", date(1990, 10, 25)),
        ("46/13", date(1991, 10, 28)),
        ("47/18", date(1992, 11, 23)),
        ("48/24", date(1993, 11, 24)),
        ("49/15", date(1994, 11, 15)),
        ("50/17", date(1995, 11, 20)),
        ("51/18", date(1996, 11, 14)),
        ("52/4", date(1997, 10, 22)),
        ("53/16", date(1998, 10, 29)),
        ("54/7", date(1999, 10, 25)),
        ("55/9", date(2000, 10, 30)),
        ("56/47", date(2001, 12, 7)),
        ("57/42", date(2002, 11, 21)),
        ("59/8", date(2004, 10, 22)),
        ("61/49", date(2006, 12, 4)),
        ("63/114", date(2008, 12, 5)),
        ("65/140", date(2010, 12, 16)),
        ("67/264", date(2013, 5, 17)),
        ("69/317", date(2015, 9, 10)),
    ]
]

A72_FR = (
    "37/4 du 22 octobre 1982, 38/4 du 28 octobre 1983, 39/7 du 8 novembre 1984, "
    "40/4 du 25 octobre 1985, 41/3 du 16 octobre 1986, 42/4 du 15 octobre 1987, "
    "43/2 du 17 octobre 1988, 44/8 du 18 octobre 1989, 45/9 du 25 octobre 1990, "
    "46/13 du 28 octobre 1991, 47/18 du 23 novembre 1992, 48/24 du 24 novembre 1993, "
    "49/15 du 15 novembre 1994, 50/17 du 20 novembre 1995, 51/18 du 14 novembre 1996, "
    "52/4 du 22 octobre 1997, 53/16 du 29 octobre 1998, 54/7 du 25 octobre 1999, "
    "55/9 du 30 octobre 2000, 56/47 du 7 décembre 2001, 57/42 du 21 novembre 2002, "
    "59/8 du 22 octobre 2004, 61/49 du 4 décembre 2006, 63/114 du 5 décembre 2008, "
    "65/140 du 16 décembre 2010, 67/264 du 17 mai 2013 et 69/317 du 10 septembre 2015"
)

A72_EN = (
    "37/4 of 22 October 1982, 38/4 of 28 October 1983, 39/7 of 8 November 1984, "
    "40/4 of 25 October 1985, 41/3 of 16 October 1986, 42/4 of 15 October 1987, "
    "43/2 of 17 October 1988, 44/8 of 18 October 1989, 45/9 of 25 October 1990, "
    "46/13 of 28 October 1991, 47/18 of 23 November 1992, 48/24 of 24 November 1993, "
    "49/15 of 15 November 1994, 50/17 of 20 November 1995, 51/18 of 14 November 1996, "
    "52/4 of 22 October 1997, 53/16 of 29 October 1998, 54/7 of 25 October 1999, "
    "55/9 of 30 October 2000, 56/47 of 7 December 2001, 57/42 of 21 November 2002, "
    "59/8 of 22 October 2004, 61/49 of 4 December 2006, 63/114 of 5 December 2008, "
    "65/140 of 16 December 2010, 67/264 of 17 May 2013 and 69/317 of 10 September 2015"
)


def test_reference_paragraph_has_27_citations() -> None:
    assert len(A72_CITATIONS) == 27


def test_reference_paragraph_french_word_for_word() -> None:
    assert "Rappelant ses résolutions " + format_citations(A72_CITATIONS, "fr") == (
        "Rappelant ses résolutions " + A72_FR
    )


def test_reference_paragraph_english() -> None:
    assert format_citations(A72_CITATIONS, "en") == A72_EN


@pytest.mark.parametrize(
    ("citation", "lang", "expected"),
    [
        (Citation("37/4", date(1982, 10, 22)), "en", "37/4 of 22 October 1982"),
        (Citation("37/4", date(1982, 10, 22)), "fr", "37/4 du 22 octobre 1982"),
        (Citation("76/1", date(2022, 3, 1)), "fr", "76/1 du 1er mars 2022"),
        (Citation("76/1", date(2022, 3, 1)), "en", "76/1 of 1 March 2022"),
        (Citation("3369 (XXX)", date(1975, 10, 10)), "fr", "3369 (XXX) du 10 octobre 1975"),
        (Citation("2086", year=2013), "en", "2086 (2013)"),
        (Citation("2086", year=2013), "fr", "2086 (2013)"),
        (Citation("S-8/1"), "en", "S-8/1"),
        (Citation("S-8/1"), "fr", "S-8/1"),
    ],
)
def test_format_citation(citation: Citation, lang: str, expected: str) -> None:
    assert format_citation(citation, lang) == expected


def test_security_council_list() -> None:
    cs = [Citation("1996", year=2011), Citation("2046", year=2012), Citation("2206", year=2015)]
    assert format_citations(cs, "en") == "1996 (2011), 2046 (2012) and 2206 (2015)"
    assert format_citations(cs, "fr") == "1996 (2011), 2046 (2012) et 2206 (2015)"


def test_single_and_two_citations() -> None:
    one = [Citation("66/140", date(2011, 12, 19))]
    assert format_citations(one, "en") == "66/140 of 19 December 2011"
    two = [*one, Citation("70/54", date(2015, 12, 7))]
    assert format_citations(two, "fr") == "66/140 du 19 décembre 2011 et 70/54 du 7 décembre 2015"


def test_empty_list_raises() -> None:
    with pytest.raises(LanguageError):
        format_citations([], "en")


def test_bad_language_raises() -> None:
    with pytest.raises(LanguageError):
        format_citation(Citation("37/4"), "de")


def test_citation_is_frozen() -> None:
    c = Citation("37/4")
    with pytest.raises(AttributeError):
        c.symbol = "38/4"  # type: ignore[misc]
