"""Inline items of a paragraph and the one parser/printer of their text shorthand."""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftdesk.errors import DocumentError


@dataclass(slots=True, frozen=True)
class Text:
    """A run of text, optionally italic or superscript."""

    text: str
    italic: bool = False
    superscript: bool = False


@dataclass(slots=True, frozen=True)
class FootnoteRef:
    """A reference to a footnote by id; its number is computed, never stored."""

    footnote_id: str


@dataclass(slots=True, frozen=True)
class CrossRef:
    """A reference to another paragraph by id ("paragraph 5 above")."""

    paragraph_id: str


Inline = Text | FootnoteRef | CrossRef

_ESCAPABLE = "*[^\\"
_MARKUP = re.compile(r"[*\[^\\]")


def parse_inline(source: str, *, where: str = "") -> list[Inline]:
    """Parse the shorthand (`*italic*`, `^sup^`, `[^fn]`, `[[para:id]]`) into inline items.

    Raises DocumentError naming `where` for unbalanced markers or malformed references.
    """
    if not _MARKUP.search(source):
        return [Text(source)] if source else []  # most text has no markup: skip the scan
    items: list[Inline] = []
    buffer: list[str] = []
    italic = False
    superscript = False
    i = 0
    n = len(source)

    def flush() -> None:
        if buffer:
            items.append(Text("".join(buffer), italic=italic, superscript=superscript))
            buffer.clear()

    while i < n:
        char = source[i]
        if char == "\\" and i + 1 < n and source[i + 1] in _ESCAPABLE:
            buffer.append(source[i + 1])
            i += 2
        elif char == "*":
            flush()
            italic = not italic
            i += 1
        elif char == "^":
            flush()
            superscript = not superscript
            i += 1
        elif source.startswith("[^", i):
            end = source.find("]", i)
            ident = source[i + 2 : end] if end != -1 else ""
            if not _is_identifier(ident):
                raise DocumentError(
                    f"malformed footnote reference near {source[i : i + 20]!r}", path=where
                )
            flush()
            items.append(FootnoteRef(ident))
            i = end + 1
        elif source.startswith("[[", i):
            end = source.find("]]", i)
            body = source[i + 2 : end] if end != -1 else ""
            kind, _, ident = body.partition(":")
            if kind != "para" or not _is_identifier(ident):
                raise DocumentError(
                    f"malformed cross-reference near {source[i : i + 24]!r} "
                    "(expected [[para:paragraph-id]])",
                    path=where,
                )
            flush()
            items.append(CrossRef(ident))
            i = end + 2
        else:
            # Plain text up to the next possible marker goes in one slice: a character at a
            # time made reading a long document's paragraphs the slowest step of opening it.
            following = _MARKUP.search(source, i + 1)
            stop = following.start() if following else n
            buffer.append(source[i:stop])
            i = stop
    if italic:
        raise DocumentError("an italic marker '*' is not closed", path=where)
    if superscript:
        raise DocumentError("a superscript marker '^' is not closed", path=where)
    flush()
    return merge_adjacent(items)


def to_shorthand(items: list[Inline]) -> str:
    """Print inline items back as shorthand; `parse_inline(to_shorthand(x)) == x`.

    Markers are emitted where the style changes, so "*Supplément n^o^ 53*" prints back
    exactly as it was written.
    """
    parts: list[str] = []
    italic = superscript = False
    for item in items:
        if isinstance(item, Text):
            if item.superscript != superscript and superscript:
                parts.append("^")
                superscript = False
            if item.italic != italic:
                parts.append("*")
                italic = item.italic
            if item.superscript != superscript:
                parts.append("^")
                superscript = item.superscript
            parts.append("".join("\\" + c if c in _ESCAPABLE else c for c in item.text))
            continue
        if superscript:
            parts.append("^")
            superscript = False
        if italic:
            parts.append("*")
            italic = False
        if isinstance(item, FootnoteRef):
            parts.append(f"[^{item.footnote_id}]")
        else:
            parts.append(f"[[para:{item.paragraph_id}]]")
    if superscript:
        parts.append("^")
    if italic:
        parts.append("*")
    return "".join(parts)


def plain_text(items: list[Inline]) -> str:
    """The text of the items without references (for search, length checks, comparison)."""
    return "".join(item.text for item in items if isinstance(item, Text))


def merge_adjacent(items: list[Inline]) -> list[Inline]:
    """Merge neighbouring text runs of the same style and drop empty ones."""
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            if not item.text:
                continue
            last = merged[-1] if merged else None
            if (
                isinstance(last, Text)
                and last.italic == item.italic
                and last.superscript == item.superscript
            ):
                merged[-1] = Text(last.text + item.text, last.italic, last.superscript)
                continue
        merged.append(item)
    return merged


def referenced_footnotes(items: list[Inline]) -> list[str]:
    """Footnote ids referenced by the items, in order (repeats kept)."""
    return [item.footnote_id for item in items if isinstance(item, FootnoteRef)]


def referenced_paragraphs(items: list[Inline]) -> list[str]:
    """Paragraph ids cross-referenced by the items, in order."""
    return [item.paragraph_id for item in items if isinstance(item, CrossRef)]


def _is_identifier(value: str) -> bool:
    return bool(value) and value[0].isalnum() and all(c.isalnum() or c in "-_." for c in value)
