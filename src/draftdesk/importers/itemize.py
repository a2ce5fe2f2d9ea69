"""Turning source paragraphs into review items: ids, labels cut off, line breaks handled."""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftdesk.importers.labels import Label, parse_label
from draftdesk.importers.openers import cut, leading_text
from draftdesk.importers.result import ImportItem, ItemKind, inline_text
from draftdesk.importers.sources import SourceParagraph
from draftdesk.model.inline import FootnoteRef, Inline, Text, merge_adjacent

_END = ",;:."


@dataclass(slots=True)
class ItemMaker:
    """Gives items consecutive ids ("item-1" …) in source order."""

    count: int = 0

    def make(
        self,
        paragraph: SourceParagraph,
        kind: ItemKind,
        content: list[Inline],
        *,
        label: str = "",
        confidence: float = 1.0,
    ) -> ImportItem:
        """An item for `paragraph` with its content (the text after its label)."""
        self.count += 1
        source = inline_text(paragraph.items)
        if paragraph.list_label:
            source = f"{paragraph.list_label} {source}"
        return ImportItem(
            id=f"item-{self.count}",
            kind=kind,
            where=paragraph.where,
            source=" ".join(source.split()),
            content=content,
            label=label,
            confidence=confidence,
        )


def plain(items: list[Inline]) -> str:
    """The text of items on one line (footnote marks left out)."""
    return " ".join("".join(i.text for i in items if isinstance(i, Text)).split())


def split_label(
    paragraph: SourceParagraph, expected_number: int | None
) -> tuple[Label | None, list[Inline]]:
    """The paragraph's label (Word's list label, or one typed at its start) and the rest."""
    if paragraph.list_label:
        found = parse_label(paragraph.list_label + " ")
        return (found[0] if found else None), paragraph.items
    lead = leading_text(paragraph.items)
    found = parse_label(lead, expected_number=expected_number)
    if found is None:
        return None, paragraph.items
    label, rest = found
    return label, cut(paragraph.items, len(lead) - len(rest))


def one_line(items: list[Inline]) -> list[Inline]:
    """Tabs and line breaks inside a body paragraph become spaces; ends are trimmed."""
    flattened: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            text = " ".join(item.text.replace("\t", " ").replace("\n", " ").split(" "))
            flattened.append(Text(_single_spaces(text), item.italic, item.superscript))
        else:
            flattened.append(item)
    flattened = merge_adjacent(flattened)
    if flattened and isinstance(flattened[0], Text):
        first = flattened[0]
        flattened[0] = Text(first.text.lstrip(), first.italic, first.superscript)
    if flattened and isinstance(flattened[-1], Text):
        last = flattened[-1]
        flattened[-1] = Text(last.text.rstrip(), last.italic, last.superscript)
    return merge_adjacent(flattened)


def _single_spaces(text: str) -> str:
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def split_breaks(paragraph: SourceParagraph) -> list[SourceParagraph]:
    """A Word paragraph whose lines are separated by line breaks, as one paragraph per line.

    Mastheads typed in Word often hold several fields in one paragraph ("Distr.: General"
    ⏎ "12 December 2017").
    """
    lines: list[list[Inline]] = [[]]
    for item in paragraph.items:
        if isinstance(item, Text) and "\n" in item.text:
            pieces = item.text.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    lines.append([])
                if piece:
                    lines[-1].append(Text(piece, item.italic, item.superscript))
        else:
            lines[-1].append(item)
    kept = [line for line in lines if plain(line)]
    if len(kept) <= 1:
        return [paragraph]
    return [
        SourceParagraph(
            line,
            where=paragraph.where,
            style=paragraph.style,
            centered=paragraph.centered,
            bold=paragraph.bold,
            first_line=paragraph.first_line,
            last_line=paragraph.last_line,
        )
        for line in kept
    ]


def strip_end(items: list[Inline]) -> list[Inline]:
    """The text without its end punctuation, which DraftDesk adds by rule.

    A mark may stand before the punctuation ("autres[2],") or after it ("organizations,[2]"):
    punctuation is removed on both sides of trailing marks.
    """
    result = list(items)
    while result and isinstance(result[-1], Text) and not result[-1].text.strip(_END + " "):
        result.pop()
    texts = [i for i, item in enumerate(result) if isinstance(item, Text)]
    if texts:
        last = result[texts[-1]]
        assert isinstance(last, Text)
        trimmed = last.text.rstrip().rstrip(_END).rstrip()
        result[texts[-1]] = Text(trimmed, last.italic, last.superscript)
    return merge_adjacent(result)


_ORDINAL_SUFFIXES = ("e", "er", "re", "es", "ers", "res")
_BEFORE_SUFFIX = re.compile(r"(?:\d|\b[IVXLC]{2,})$")
_SPACED_MARKS = re.compile(r"[\u00a0\u202f]+(?=[;:!?»])|(?<=«)[\u00a0\u202f]+")
_PUNCTUATION_BEFORE_MARK = re.compile(r"[,;:.]+$")


def canonical(items: list[Inline], lang: str) -> list[Inline]:
    """Text as DraftDesk stores it, so that rendering gives back what the source printed.

    No-break spaces the renderer puts around French punctuation become ordinary spaces;
    French ordinal suffixes in superscript ("1^er^", "XXI^e^") become plain text, which
    the renderer raises; an English footnote mark placed after punctuation goes back to
    where the source is cited, before it (the renderer puts it after again).
    """
    result: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            text = _SPACED_MARKS.sub(" ", item.text)
            previous = result[-1] if result else None
            if (
                lang == "fr"
                and item.superscript
                and text in _ORDINAL_SUFFIXES
                and isinstance(previous, Text)
                and _BEFORE_SUFFIX.search(previous.text)
            ):
                item = Text(text, previous.italic)
            else:
                item = Text(text, item.italic, item.superscript)
        elif isinstance(item, FootnoteRef) and lang == "en" and result:
            previous = result[-1]
            if isinstance(previous, Text):
                punctuation = _PUNCTUATION_BEFORE_MARK.search(previous.text)
                if punctuation and previous.text[: punctuation.start()].strip():
                    style = (previous.italic, previous.superscript)
                    result[-1] = Text(previous.text[: punctuation.start()], *style)
                    result += [item, Text(punctuation.group(), *style)]
                    continue
        result.append(item)
    return merge_adjacent(result)
