"""Tests for English typography."""

from __future__ import annotations

import pytest

from draftdesk.language import apply_english_typography

CASES = [
    ('the "Programme of Action"', "the “Programme of Action”"),
    ('"A world fit for children", 11', "“A world fit for children”, 11"),
    ('He said "yes" and "no".', "He said “yes” and “no”."),
    ("the Organization's mandate", "the Organization’s mandate"),
    ("the States' rights", "the States’ rights"),
    ("the 'Partnering for Unity' session", "the ‘Partnering for Unity’ session"),
    ("'Partnering'", "‘Partnering’"),
    ("Sha'ban 1443H", "Sha’ban 1443H"),
    ('Session of "Partnering for Unity"', "Session of “Partnering for Unity”"),
    ('the "', "the “"),
    ('" session', "” session"),
    ("too   many  spaces", "too many spaces"),
    ("Decides:", "Decides:"),
    ("Why?", "Why?"),
    ("\u00a0kept", "\u00a0kept"),
    ("see https://undocs.org/en/A/RES/37/4", "see https://undocs.org/en/A/RES/37/4"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_english_typography(text: str, expected: str) -> None:
    assert apply_english_typography(text) == expected


@pytest.mark.parametrize("text", [case[0] for case in CASES])
def test_english_typography_is_idempotent(text: str) -> None:
    once = apply_english_typography(text)
    assert apply_english_typography(once) == once


def test_no_no_break_spaces_inserted() -> None:
    result = apply_english_typography('Decides ; "quoted" : yes ! why ?')
    assert "\u00a0" not in result
    assert "\u202f" not in result
