"""Everything before the opening formula: masthead fields, agenda title, sponsors, title."""

from __future__ import annotations

from draftdesk.importers.itemize import ItemMaker, one_line, plain, split_breaks
from draftdesk.importers.masthead import (
    FieldMatch,
    masthead_field,
    split_fields,
    sponsors_field,
)
from draftdesk.importers.result import ImportItem, ItemKind
from draftdesk.importers.sources import SourceParagraph
from draftdesk.model.inline import FootnoteRef, Text


def classify_header(
    paragraphs: list[SourceParagraph], maker: ItemMaker, *, title_before_body: bool
) -> list[ImportItem]:
    """Items for the paragraphs before the opening formula.

    Recognised lines become masthead fields; what lies between the agenda item and the
    sponsors line is the agenda item's title; the unrecognised paragraphs just before the
    opening formula are the resolution's title. `title_before_body` is False when no
    opening formula was found, so a long paragraph is not taken for a title.
    """
    lines = [
        part
        for paragraph in paragraphs
        for line in split_breaks(paragraph)
        for part in _split_fields(line)
    ]
    items: list[ImportItem] = []
    recognised: list[FieldMatch | None] = []
    for line in lines:
        content = one_line(line.items)
        text = plain(content)
        sponsors = sponsors_field(text)
        match = sponsors or masthead_field(text)
        recognised.append(match)
        if match is None:
            items.append(maker.make(line, ItemKind.MASTHEAD, content, confidence=0.5))
            continue
        kind = ItemKind.SPONSORS if sponsors else ItemKind.MASTHEAD
        item = maker.make(line, kind, content)
        item.key = match.key
        item.values = dict(match.values)
        if not match.stored:
            item.values["stored"] = False
        if sponsors:
            refs = [i.footnote_id for i in content if isinstance(i, FootnoteRef)]
            if refs:
                item.values["mark"] = refs[0]
        items.append(item)
    _name_unrecognised(items, recognised, title_before_body)
    return items


def _split_fields(line: SourceParagraph) -> list[SourceParagraph]:
    """A line holding two masthead fields side by side, as two lines."""
    content = one_line(line.items)
    parts = split_fields(plain(content))
    if parts is None or any(not isinstance(i, Text) for i in content):
        return [line]
    return [SourceParagraph([Text(part)], where=line.where) for part in parts]


def _name_unrecognised(
    items: list[ImportItem], recognised: list[FieldMatch | None], title_before_body: bool
) -> None:
    """Agenda title, title, or a line DraftDesk cannot place."""
    fields = [match.key if match else "" for match in recognised]
    sponsors_at = fields.index("sponsors") if "sponsors" in fields else len(fields)
    agenda_at = fields.index("agenda") if "agenda" in fields else None
    last_known = max((i for i, f in enumerate(fields) if f), default=-1)
    for index, item in enumerate(items):
        if fields[index]:
            continue
        if agenda_at is not None and agenda_at < index < sponsors_at and index <= last_known:
            item.key = "agenda-title"
            item.confidence = 0.85
        elif index > last_known:
            words = len(plain(item.content).split())
            ends = plain(item.content)[-1:]
            if title_before_body or (words <= 40 and ends not in ",;"):
                item.kind = ItemKind.TITLE
                item.confidence = 0.9 if index == len(items) - 1 else 0.75
            else:
                item.kind = ItemKind.PREAMBULAR
                item.confidence = 0.4
                item.reasons.append("no opening formula before it: a title or a paragraph?")
        elif agenda_at is not None and index == agenda_at + 1:
            item.key = "agenda-title"
            item.confidence = 0.8
        else:
            item.key = "other"
            item.values["stored"] = False
            item.reasons.append("a masthead line DraftDesk does not recognise")
