"""The resolution document model and its file format."""

from __future__ import annotations

from draftdesk.model.document import (
    LANGUAGES,
    Annex,
    Document,
    Footnote,
    Meeting,
    Metadata,
    Paragraph,
    Part,
    Provenance,
)
from draftdesk.model.inline import CrossRef, FootnoteRef, Inline, Text, parse_inline, to_shorthand

__all__ = [
    "LANGUAGES",
    "Annex",
    "CrossRef",
    "Document",
    "Footnote",
    "FootnoteRef",
    "Inline",
    "Meeting",
    "Metadata",
    "Paragraph",
    "Part",
    "Provenance",
    "Text",
    "parse_inline",
    "to_shorthand",
]
