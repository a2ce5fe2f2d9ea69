"""Tests for ordinals and cardinals, checked against spellers written independently here."""

from __future__ import annotations

import pytest

from draftdesk.language import (
    LanguageError,
    OrdinalFigure,
    capitalize_first,
    cardinal_words,
    ordinal_figure,
    ordinal_words,
    session_ordinal,
)

# --- Independent French speller (traditional spelling, 1-200) -----------------------------

_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def _fr_cardinal(n: int) -> str:
    if n <= 16:
        return _FR_UNITS[n]
    if n < 20:
        return "dix-" + _FR_UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = _FR_TENS[tens * 10]
        if unit == 0:
            return word
        return f"{word} et un" if unit == 1 else f"{word}-{_FR_UNITS[unit]}"
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + _fr_cardinal(n - 60)
    if n < 100:
        return "quatre-vingts" if n == 80 else "quatre-vingt-" + _fr_cardinal(n - 80)
    if n == 100:
        return "cent"
    if n < 200:
        return "cent " + _fr_cardinal(n - 100)
    assert n == 200
    return "deux cents"


def _fr_ordinal(n: int, feminine: bool = False) -> str:
    if n == 1:
        return "première" if feminine else "premier"
    word = _fr_cardinal(n)
    if word.endswith(("vingts", "cents")):
        word = word[:-1]  # the plural s goes before -ième
    if word.endswith("cinq"):
        return word + "uième"
    if word.endswith("neuf"):
        return word[:-1] + "vième"
    if word.endswith("e"):
        word = word[:-1]
    return word + "ième"


# --- Independent English speller (1-200) ----------------------------------------------------

_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_IRREGULAR = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _en_cardinal(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_ONES[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_EN_ONES[hundreds]} hundred"
    return f"{head} and {_en_cardinal(rest)}" if rest else head


def _en_ordinal(n: int) -> str:
    word = _en_cardinal(n)
    cut = max(word.rfind(" "), word.rfind("-")) + 1
    head, last = word[:cut], word[cut:]
    if last in _EN_IRREGULAR:
        return head + _EN_IRREGULAR[last]
    if last.endswith("y"):
        return head + last[:-1] + "ieth"
    return head + last + "th"


# --- Tests -----------------------------------------------------------------------------------


def test_independent_spellers_spot_checks() -> None:
    # Guard the guards: the test spellers must themselves be right.
    assert _fr_ordinal(80) == "quatre-vingtième"
    assert _fr_ordinal(71) == "soixante et onzième"
    assert _fr_ordinal(99) == "quatre-vingt-dix-neuvième"
    assert _fr_ordinal(105) == "cent cinquième"
    assert _en_ordinal(48) == "forty-eighth"
    assert _en_ordinal(112) == "one hundred and twelfth"


@pytest.mark.parametrize("n", range(1, 201))
def test_french_ordinals_1_to_200(n: int) -> None:
    assert ordinal_words(n, "fr") == _fr_ordinal(n)
    assert ordinal_words(n, "fr", feminine=True) == _fr_ordinal(n, feminine=True)


@pytest.mark.parametrize("n", range(1, 201))
def test_english_ordinals_1_to_200(n: int) -> None:
    assert ordinal_words(n, "en") == _en_ordinal(n)
    assert ordinal_words(n, "en", feminine=True) == _en_ordinal(n)


@pytest.mark.parametrize(
    ("n", "expected", "num2words_error"),
    [
        (80, "quatre-vingtième", "quatre-vingtsième"),
        (180, "cent quatre-vingtième", "cent quatre-vingtsième"),
        (200, "deux centième", "deux centsième"),
        (300, "trois centième", "trois centsième"),
        (480, "quatre cent quatre-vingtième", "quatre cent quatre-vingtsième"),
    ],
)
def test_num2words_french_errors_are_corrected(
    n: int, expected: str, num2words_error: str
) -> None:
    assert ordinal_words(n, "fr") == expected
    assert num2words_error not in ordinal_words(n, "fr")


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (48, "en", "forty-eighth"),
        (73, "en", "seventy-third"),
        (100, "en", "one hundredth"),
        (101, "en", "one hundred and first"),
        (999, "en", "nine hundred and ninety-ninth"),
        (48, "fr", "quarante-huitième"),
        (21, "fr", "vingt et unième"),
        (81, "fr", "quatre-vingt-unième"),
        (101, "fr", "cent unième"),
        (999, "fr", "neuf cent quatre-vingt-dix-neuvième"),
    ],
)
def test_ordinal_words_examples(n: int, lang: str, expected: str) -> None:
    assert ordinal_words(n, lang) == expected


@pytest.mark.parametrize(("n", "lang"), [(0, "en"), (1000, "fr"), (-3, "fr")])
def test_ordinal_words_out_of_range(n: int, lang: str) -> None:
    with pytest.raises(LanguageError):
        ordinal_words(n, lang)


def test_session_ordinal() -> None:
    assert session_ordinal(73, "en") == "seventy-third"
    assert session_ordinal(1, "en") == "first"
    assert session_ordinal(1, "fr") == "première"
    assert session_ordinal(73, "fr") == "soixante-treizième"
    assert session_ordinal(78, "fr") == "soixante-dix-huitième"
    with pytest.raises(LanguageError):
        session_ordinal(3, "it")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (82, "82nd"),
        (101, "101st"),
        (111, "111th"),
        (7451, "7451st"),
    ],
)
def test_english_figures(n: int, expected: str) -> None:
    assert str(ordinal_figure(n, "en")) == expected


def test_french_figures() -> None:
    assert ordinal_figure(1, "fr") == OrdinalFigure("1", "er")
    assert ordinal_figure(1, "fr", feminine=True) == OrdinalFigure("1", "re")
    assert str(ordinal_figure(2, "fr")) == "2e"
    assert str(ordinal_figure(49, "fr")) == "49e"
    assert str(ordinal_figure(21, "fr", feminine=True)) == "21e"
    assert ordinal_figure(4076, "fr") == OrdinalFigure("4076", "e")
    assert all("ème" not in str(ordinal_figure(n, "fr")) for n in range(1, 300))


def test_ordinal_figure_bad_input() -> None:
    with pytest.raises(LanguageError):
        ordinal_figure(3, "de")
    with pytest.raises(LanguageError):
        ordinal_figure(-1, "en")


@pytest.mark.parametrize(
    ("n", "en", "fr"),
    [
        (0, "zero", "zéro"),
        (3, "three", "trois"),
        (21, "twenty-one", "vingt et un"),
        (80, "eighty", "quatre-vingts"),
        (200, "two hundred", "deux cents"),
    ],
)
def test_cardinal_words(n: int, en: str, fr: str) -> None:
    assert cardinal_words(n, "en") == en
    assert cardinal_words(n, "fr") == fr


@pytest.mark.parametrize("n", range(0, 201))
def test_cardinal_words_match_independent_spellers(n: int) -> None:
    assert cardinal_words(n, "en") == _en_cardinal(n)
    assert cardinal_words(n, "fr") == _fr_cardinal(n)


def test_cardinal_words_out_of_range() -> None:
    with pytest.raises(LanguageError):
        cardinal_words(1000, "en")
    with pytest.raises(LanguageError):
        cardinal_words(-1, "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seventy-second", "Seventy-second"),
        ("soixante-treizième", "Soixante-treizième"),
        ("écrit", "Écrit"),
        ("Already", "Already"),
        ("rest STAYS", "Rest STAYS"),
        ("", ""),
    ],
)
def test_capitalize_first(text: str, expected: str) -> None:
    assert capitalize_first(text) == expected
