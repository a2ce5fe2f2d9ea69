"""Joining lists of items with "and"/"or" and no serial comma, as UN texts do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from babel.lists import format_list

from draftdesk.language.errors import babel_locale

__all__ = ["CONJUNCTIONS", "join_list"]

# Babel list-pattern style for each conjunction. The en_GB and fr_FR patterns have no serial
# comma ("a, b and c", "a, b ou c"), which is exactly the UN rule, so we rely on them rather
# than hand-rolling the join.
CONJUNCTIONS: Final[dict[str, Literal["standard", "or"]]] = {"and": "standard", "or": "or"}


def join_list(items: Sequence[str], lang: str, *, conjunction: str = "and") -> str:
    """Join ``items`` as "a, b and c" / "a, b et c" (or "or" / "ou"), with no serial comma.

    One item is returned as is and an empty sequence gives "". ``conjunction`` is "and" or
    "or" (English names, whatever the output language).
    """
    locale = babel_locale(lang)
    try:
        style = CONJUNCTIONS[conjunction]
    except KeyError:
        raise ValueError(
            f"Unsupported conjunction {conjunction!r}: expected 'and' or 'or'."
        ) from None
    if not items:
        return ""
    return format_list(list(items), style=style, locale=locale)
