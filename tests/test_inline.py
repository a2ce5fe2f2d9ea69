"""The inline shorthand: one parser, one printer, exact round trips."""

from __future__ import annotations

import pytest

from draftdesk.errors import DocumentError
from draftdesk.model.inline import CrossRef, FootnoteRef, Text, parse_inline, to_shorthand


def test_parse_all_constructs() -> None:
    """Italic, superscript, footnote and cross-reference markers become items."""
    items = parse_inline("*Recalling* its report[^fn-2], see [[para:op-3]]; n^o^ 53 \\* \\[x]")
    assert items == [
        Text("Recalling", italic=True),
        Text(" its report"),
        FootnoteRef("fn-2"),
        Text(", see "),
        CrossRef("op-3"),
        Text("; n"),
        Text("o", superscript=True),
        Text(" 53 * [x]"),
    ]


@pytest.mark.parametrize(
    "source",
    ["plain", "*a* b *c*", "x[^n1][^n2]y", "[[para:a-1]]", "a \\* b \\[c] \\^ \\\\", "n^o^ 1",
     "« guillemets » et ’apostrophes’", ""],
)  # fmt: skip
def test_round_trip(source: str) -> None:
    """to_shorthand(parse_inline(s)) parses back to the same items."""
    items = parse_inline(source)
    assert parse_inline(to_shorthand(items)) == items


@pytest.mark.parametrize(
    ("source", "message"),
    [("*unclosed", "italic marker"), ("^sup", "superscript marker"), ("[^]", "footnote"),
     ("[^bad id]", "footnote"), ("[[para:]]", "cross-reference"),
     ("[[note:x]]", "cross-reference"), ("[[para:x", "cross-reference")],
)  # fmt: skip
def test_malformed_shorthand_is_refused(source: str, message: str) -> None:
    """Malformed markers raise DocumentError naming where they are."""
    with pytest.raises(DocumentError, match=message) as caught:
        parse_inline(source, where="$.operative[0].text.en")
    assert caught.value.path == "$.operative[0].text.en"
