"""Tests for list joining without a serial comma."""

from __future__ import annotations

import pytest

from draftdesk.language import LanguageError, join_list


@pytest.mark.parametrize(
    ("items", "lang", "conjunction", "expected"),
    [
        (["a", "b", "c"], "en", "and", "a, b and c"),
        (["a", "b", "c"], "fr", "and", "a, b et c"),
        (["a", "b", "c"], "en", "or", "a, b or c"),
        (["a", "b", "c"], "fr", "or", "a, b ou c"),
        (["a", "b"], "en", "and", "a and b"),
        (["a", "b"], "fr", "or", "a ou b"),
        (["2006", "2011", "2016", "2021"], "fr", "and", "2006, 2011, 2016 et 2021"),
        (["only"], "en", "and", "only"),
        (["seul"], "fr", "or", "seul"),
        ([], "en", "and", ""),
        ([], "fr", "or", ""),
    ],
)
def test_join_list(items: list[str], lang: str, conjunction: str, expected: str) -> None:
    assert join_list(items, lang, conjunction=conjunction) == expected


def test_default_conjunction_is_and() -> None:
    assert join_list(("x", "y", "z"), "en") == "x, y and z"


def test_items_with_braces_are_not_format_fields() -> None:
    assert join_list(["{0}", "{1}"], "en") == "{0} and {1}"


def test_unknown_conjunction() -> None:
    with pytest.raises(ValueError, match="conjunction"):
        join_list(["a", "b"], "en", conjunction="but")


@pytest.mark.parametrize("lang", ["de", "EN", "en_GB", ""])
def test_unknown_language(lang: str) -> None:
    with pytest.raises(LanguageError):
        join_list(["a"], lang)
