"""From the reviewed import to a Document: metadata, paragraphs, sub-paragraphs, footnotes."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from draftdesk.importers.datetext import fold
from draftdesk.importers.itemize import plain, strip_end
from draftdesk.importers.masthead import SYMBOL
from draftdesk.importers.result import Concern, ImportItem, ImportResult, ItemKind, inline_text
from draftdesk.importers.review import assign_opener, opener_index
from draftdesk.language import LanguageError, format_hijri_range
from draftdesk.model.document import (
    Annex,
    Document,
    Footnote,
    Meeting,
    Metadata,
    Paragraph,
    Provenance,
)
from draftdesk.model.inline import FootnoteRef, Inline, Text, merge_adjacent, to_shorthand
from draftdesk.packs.model import Pack, SlotType


@dataclass(slots=True)
class Built:
    """A document and where each of its paragraphs and header lines came from."""

    document: Document
    paragraph_items: dict[str, str] = field(default_factory=dict)  # paragraph id → item id
    footnote_keys: dict[str, str] = field(default_factory=dict)  # note key → footnote id
    source_texts: dict[str, str] = field(default_factory=dict)  # paragraph id → source text
    concerns: list[Concern] = field(default_factory=list)


def build_document(result: ImportResult, pack: Pack) -> Built:
    """The Document the (possibly corrected) import describes, in its one language."""
    lang = result.lang
    meta = Metadata(
        pack=pack.id,
        pack_version=pack.version,
        body=result.body,
        languages=[lang],
        source_language=lang,
        original_language=lang,
    )
    built = Built(Document(meta))
    items = _merge_continuations(result, pack)
    _read_header(result, items, meta, pack)
    _read_paragraphs(items, built, lang)
    _attach_footnotes(result, built, items, pack)
    return built


def _merge_continuations(result: ImportResult, pack: Pack) -> list[ImportItem]:
    """Items with every CONTINUATION joined to the paragraph it continues (openers redone)."""
    merged: list[ImportItem] = []
    index = opener_index(result, pack)
    typed = result.source_format == "plain text"
    for item in result.items:
        if item.kind is ItemKind.IGNORED:
            continue
        if item.kind is ItemKind.CONTINUATION and merged:
            previous = copy.deepcopy(merged[-1])
            tail = plain(previous.content)[-1:]
            joint = "" if tail == "-" else " "
            previous.content = merge_adjacent([*previous.content, Text(joint), *item.content])
            assign_opener(previous, index, pack, typed=typed)
            merged[-1] = previous
            continue
        merged.append(item)
    return merged


def _read_header(
    result: ImportResult, items: list[ImportItem], meta: Metadata, pack: Pack
) -> None:
    lang = result.lang
    titles: list[str] = []
    agenda_titles: list[str] = []
    fields: dict[str, Any] = {}
    for item in items:
        values = item.values
        if item.kind is ItemKind.TITLE:
            titles.append(_shorthand(item.content))
        elif item.kind is ItemKind.SPONSORS:
            meta.sponsors = {lang: [_escaped(name) for name in values.get("sponsors", [])]}
        elif item.kind is ItemKind.MASTHEAD and item.key == "agenda-title":
            agenda_titles.append(_shorthand(item.content))
        elif item.kind is ItemKind.MASTHEAD and values.get("stored", True):
            _masthead_values(item, meta, fields)
        elif item.kind is ItemKind.OPENING:
            _opening_values(values, meta, fields, lang)
        elif item.kind is ItemKind.CLOSING and item.key == "reference":
            fields["reference_line"] = _escaped(values["reference_line"])
    subject = result.properties.get("subject", "")
    if not meta.symbol and SYMBOL.fullmatch(subject):
        meta.symbol = subject  # DraftDesk's own Word files carry the symbol as their subject
    if titles:
        meta.title = {lang: " ".join(titles)}
    if agenda_titles:
        meta.agenda_title = {lang: " ".join(agenda_titles)}
    if "/L." in meta.symbol:
        meta.distribution = "limited"
    elif "/RES/" in meta.symbol or "resolution_number" in fields:
        meta.distribution = "general"
    for item in items:
        if item.kind is ItemKind.MASTHEAD and "distribution" in item.values:
            meta.distribution = str(item.values["distribution"])
    meta.fields = {key: value for key, value in fields.items() if key in pack.fields}


def _escaped(value: object) -> str:
    """Masthead values are printed through the inline shorthand: "*" and "[" are literal."""
    return to_shorthand([Text(str(value))])


def _shorthand(items: list[Inline]) -> str:
    """A title or heading as shorthand, its italics kept (footnote marks have no place)."""
    return to_shorthand(merge_adjacent([i for i in items if isinstance(i, Text)])).strip()


def _masthead_values(item: ImportItem, meta: Metadata, fields: dict[str, Any]) -> None:
    values = item.values
    if "symbol" in values and not meta.symbol:
        meta.symbol = _escaped(values["symbol"])
    if isinstance(values.get("date"), date) and meta.date is None:
        meta.date = values["date"]
    if "original_language" in values:
        meta.original_language = str(values["original_language"])
    if "session" in values and meta.session is None:
        meta.session = int(values["session"])
    if "agenda_item" in values:
        meta.agenda_item = _escaped(values["agenda_item"])
    for key in ("resolution_number", "committee_code"):
        if key in values:
            fields[key] = _escaped(values[key])


def _opening_values(
    values: dict[str, Any], meta: Metadata, fields: dict[str, Any], lang: str
) -> None:
    if "session" in values and meta.session is None:
        meta.session = int(values["session"])
    if "theme" in values:
        fields["theme"] = {lang: _escaped(values["theme"])}
    start, end = values.get("start"), values.get("end")
    if "place" in values or isinstance(start, date):
        meta.meeting = Meeting(
            place={lang: _escaped(values.get("place", ""))},
            start=start if isinstance(start, date) else None,
            end=end if isinstance(end, date) else None,
        )
        hijri = values.get("hijri")
        if isinstance(hijri, str) and not _computed_hijri(hijri, meta.meeting, lang):
            meta.meeting.hijri = {lang: _escaped(hijri)}


def _computed_hijri(written: str, meeting: Meeting, lang: str) -> bool:
    """Whether DraftDesk computes the same Hijri dates as the source gives (no override)."""
    if meeting.start is None:
        return False
    try:
        computed = format_hijri_range(meeting.start, meeting.end or meeting.start, lang)
    except LanguageError:
        return False
    return _loose(computed) == _loose(written)


def _loose(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


def _read_paragraphs(items: list[ImportItem], built: Built, lang: str) -> None:
    document = built.document
    stack: list[Paragraph] = []  # the current top-level paragraph and its open sub-paragraphs
    annex: Annex | None = None
    current: list[Paragraph] = document.preamble
    for item in items:
        kind = item.kind
        if kind is ItemKind.ANNEX_HEADING:
            if item.key == "title" and annex is not None:
                annex.title = {lang: _shorthand(item.content)}
            else:
                title = {lang: _shorthand(item.content)}
                annex = Annex(f"annex-{len(document.annexes) + 1}", title)
                document.annexes.append(annex)
                current, stack = annex.paragraphs, []
            continue
        if kind not in (
            ItemKind.PREAMBULAR,
            ItemKind.OPERATIVE,
            ItemKind.ANNEX,
            ItemKind.SUBPARAGRAPH,
        ):
            continue
        in_annex = current is not document.preamble and current is not document.operative
        if kind is ItemKind.SUBPARAGRAPH and stack:
            depth = max(1, min(item.level, len(stack)))
            parent = stack[depth - 1]
            ident = f"{parent.id}-{len(parent.children) + 1}"
            child = _paragraph(ident, item, lang, keep_end=in_annex)
            parent.children.append(child)
            del stack[depth:]
            stack.append(child)
            _record(built, child, item)
            continue
        if kind is ItemKind.SUBPARAGRAPH:
            built.concerns.append(
                Concern(
                    item.where, "a sub-paragraph with no paragraph before it: kept as a paragraph"
                )
            )
        if kind is ItemKind.PREAMBULAR:
            current = document.preamble
            prefix = "pp"
        elif kind is ItemKind.OPERATIVE or annex is None:
            current = document.operative
            prefix = "op"
        else:
            current = annex.paragraphs
            prefix = annex.id
        in_annex = annex is not None and current is annex.paragraphs
        paragraph = _paragraph(f"{prefix}-{len(current) + 1:02d}", item, lang, keep_end=in_annex)
        current.append(paragraph)
        stack = [paragraph]
        _record(built, paragraph, item)


def _record(built: Built, paragraph: Paragraph, item: ImportItem) -> None:
    built.paragraph_items[paragraph.id] = item.id
    text = inline_text(item.content)
    built.source_texts[paragraph.id] = f"{item.label} {text}" if item.label else text


def _paragraph(ident: str, item: ImportItem, lang: str, *, keep_end: bool) -> Paragraph:
    """A paragraph of the document; annex text keeps its full stops (no rule adds them)."""
    return Paragraph(
        id=ident,
        opener=item.opener,
        clause=item.clause,
        slots=copy.deepcopy(item.slots),
        text={lang: list(item.text) if keep_end else strip_end(item.text)},
        provenance={lang: Provenance()},
    )


def _footnote_slots(paragraph: Paragraph, pack: Pack) -> list[str]:
    clause = pack.clauses.get(paragraph.clause or "")
    if clause is None:
        return []
    return [
        name
        for name, spec in clause.slots.items()
        if spec.type is SlotType.FOOTNOTE and name in paragraph.slots
    ]


def _slot_notes(paragraph: Paragraph, pack: Pack) -> list[str]:
    return [str(paragraph.slots[name]) for name in _footnote_slots(paragraph, pack)]


def _attach_footnotes(
    result: ImportResult, built: Built, items: list[ImportItem], pack: Pack
) -> None:
    """Footnote ids in order of first reference; references rewritten to them."""
    document = built.document
    order: list[str] = []
    sponsors_mark = ""
    for item in items:
        if item.kind is ItemKind.SPONSORS:
            sponsors_mark = str(item.values.get("mark", ""))
    paragraphs = list(document.all_paragraphs())
    for paragraph in paragraphs:
        keys = _slot_notes(paragraph, pack)
        keys += [
            i.footnote_id
            for i in paragraph.text.get(result.lang, [])
            if isinstance(i, FootnoteRef)
        ]
        order.extend(key for key in keys if key not in order)
    if not sponsors_mark:
        unused_symbols = [k for k, n in result.notes.items() if n.symbol and k not in order]
        sponsors_mark = unused_symbols[0] if unused_symbols else ""
    ids: dict[str, str] = {}
    counter = 0
    for key in [sponsors_mark, *order, *result.notes]:
        if not key or key in ids or key not in result.notes:
            continue
        note = result.notes[key]
        if note.symbol:
            ids[key] = "fn-sponsors" if key == sponsors_mark else f"fn-symbol-{len(ids) + 1}"
        else:
            counter += 1
            ids[key] = f"fn-{counter}"
        text: list[Inline] = [i for i in note.text if isinstance(i, Text)]
        document.footnotes.append(Footnote(ids[key], {result.lang: text}, note.symbol))
    built.footnote_keys = ids
    if sponsors_mark in ids:
        document.metadata.sponsors_note = ids[sponsors_mark]
        if not document.metadata.sponsors.get(result.lang):
            built.concerns.append(
                Concern(
                    result.notes[sponsors_mark].where,
                    f"the sponsors' note {result.notes[sponsors_mark].symbol} has no sponsors "
                    "line to stand on: it prints once the sponsors are filled in",
                )
            )
    for paragraph in paragraphs:
        for name in _footnote_slots(paragraph, pack):
            paragraph.slots[name] = ids.get(str(paragraph.slots[name]), paragraph.slots[name])
        rewritten: list[Inline] = []
        for inline in paragraph.text.get(result.lang, []):
            if isinstance(inline, FootnoteRef):
                if inline.footnote_id in ids:
                    rewritten.append(FootnoteRef(ids[inline.footnote_id]))
                else:
                    built.concerns.append(
                        Concern(
                            built.paragraph_items.get(paragraph.id, paragraph.id),
                            f"a footnote mark {inline.footnote_id!r} without its note: left out",
                        )
                    )
            else:
                rewritten.append(inline)
        paragraph.text[result.lang] = merge_adjacent(rewritten)
