"""Resolution citations: "37/4 of 22 October 1982", "37/4 du 22 octobre 1982", "2086 (2013)"."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from draftdesk.language.dates import format_date
from draftdesk.language.errors import LanguageError, check_language
from draftdesk.language.lists import join_list

__all__ = ["Citation", "format_citation", "format_citations"]

# Word linking a symbol to its adoption date. French "du" stays "du" before "1er"
# ("du 1er mars 2022"), so no elision logic is needed.
_DATE_LINK: Final[dict[str, str]] = {"en": "of", "fr": "du"}


@dataclass(slots=True, frozen=True)
class Citation:
    """A cited resolution or decision.

    ``symbol`` is the bare symbol ("37/4", "3369 (XXX)", "2086"); General Assembly and most
    other bodies are cited with the adoption ``date``, the Security Council with the ``year``
    only.
    """

    symbol: str
    # Annotated through the module so the field name does not shadow the type for mypy.
    date: datetime.date | None = None
    year: int | None = None


def format_citation(c: Citation, lang: str) -> str:
    """Format one citation without the word "resolution".

    With a date: "37/4 of 22 October 1982" / "37/4 du 22 octobre 1982"; with only a year:
    "2086 (2013)"; with neither: the symbol alone. A date takes precedence over a year.
    """
    check_language(lang)
    if c.date is not None:
        return f"{c.symbol} {_DATE_LINK[lang]} {format_date(c.date, lang)}"
    if c.year is not None:
        return f"{c.symbol} ({c.year})"
    return c.symbol


def format_citations(cs: Sequence[Citation], lang: str) -> str:
    """Format several citations as a list with no serial comma: "…, 67/264 … and 69/317 …".

    Raises ``LanguageError`` for an empty sequence, since a citation list cannot be empty.
    """
    check_language(lang)
    if not cs:
        raise LanguageError("format_citations needs at least one citation.")
    return join_list([format_citation(c, lang) for c in cs], lang)
