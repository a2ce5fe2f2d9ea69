"""Validating reader that turns parsed `.draftdesk` JSON into a Document, naming each fault."""

from __future__ import annotations

from typing import Any

from draftdesk.model.document import (
    LANGUAGES,
    MAX_SUBPARAGRAPH_DEPTH,
    Annex,
    Document,
    Footnote,
    Ignore,
    Meeting,
    Metadata,
    Paragraph,
    Provenance,
)
from draftdesk.model.inline import (
    referenced_footnotes,
    referenced_paragraphs,
)
from draftdesk.model.json_reader import ID_PATTERN, JsonReader

DISTRIBUTIONS = ("general", "limited", "restricted")

_TOP_KEYS = {
    "format",
    "format_version",
    "metadata",
    "preamble",
    "operative",
    "annexes",
    "footnotes",
    "generator",
    "ignores",
}
_META_KEYS = {
    "pack",
    "pack_version",
    "body",
    "languages",
    "source_language",
    "symbol",
    "distribution",
    "date",
    "original_language",
    "session",
    "agenda_item",
    "agenda_title",
    "sponsors",
    "sponsors_note",
    "title",
    "meeting",
    "fields",
}
_PARA_KEYS = {"id", "opener", "clause", "slots", "text", "provenance", "children"}


def read_document(data: dict[str, Any], *, source: str) -> Document:
    """Build a Document from migrated JSON data, validating types and references."""
    reader = JsonReader(source)
    top = reader.obj(data, "$", _TOP_KEYS)
    metadata = _read_metadata(reader, top.get("metadata"), "$.metadata")
    preamble = [
        _read_paragraph(reader, p, f"$.preamble[{i}]", 0)
        for i, p in enumerate(reader.array(top.get("preamble", []), "$.preamble"))
    ]
    operative = [
        _read_paragraph(reader, p, f"$.operative[{i}]", 0)
        for i, p in enumerate(reader.array(top.get("operative", []), "$.operative"))
    ]
    annexes = [
        _read_annex(reader, a, f"$.annexes[{i}]")
        for i, a in enumerate(reader.array(top.get("annexes", []), "$.annexes"))
    ]
    footnotes = [
        _read_footnote(reader, f, f"$.footnotes[{i}]")
        for i, f in enumerate(reader.array(top.get("footnotes", []), "$.footnotes"))
    ]
    ignores = [
        _read_ignore(reader, item, f"$.ignores[{i}]")
        for i, item in enumerate(reader.array(top.get("ignores", []), "$.ignores"))
    ]
    document = Document(metadata, preamble, operative, annexes, footnotes, ignores)
    _check_references(reader, document)
    return document


def _read_metadata(reader: JsonReader, value: Any, path: str) -> Metadata:
    if value is None:
        raise reader.fail(path, "missing (every document needs its metadata)")
    data = reader.obj(value, path, _META_KEYS)
    for required in ("pack", "body"):
        if required not in data:
            raise reader.fail(f"{path}.{required}", "missing")
    languages = [
        reader.language(code, f"{path}.languages[{i}]")
        for i, code in enumerate(
            reader.array(data.get("languages", list(LANGUAGES)), f"{path}.languages")
        )
    ]
    if not languages or len(set(languages)) != len(languages):
        raise reader.fail(f"{path}.languages", "must list each language once, at least one")
    source_language = reader.language(
        data.get("source_language", languages[0]), f"{path}.source_language"
    )
    if source_language not in languages:
        raise reader.fail(
            f"{path}.source_language",
            f"{source_language!r} is not one of the document's languages",
        )
    distribution = reader.string(data.get("distribution", "limited"), f"{path}.distribution")
    if distribution not in DISTRIBUTIONS:
        raise reader.fail(
            f"{path}.distribution", f"{distribution!r} is not one of {', '.join(DISTRIBUTIONS)}"
        )
    sponsors_raw = reader.obj(data.get("sponsors") or {}, f"{path}.sponsors")
    sponsors = {
        reader.language(lang, f"{path}.sponsors.{lang}"): [
            reader.string(name, f"{path}.sponsors.{lang}[{i}]")
            for i, name in enumerate(reader.array(names, f"{path}.sponsors.{lang}"))
        ]
        for lang, names in sponsors_raw.items()
    }
    session = reader.integer(data.get("session"), f"{path}.session", optional=True)
    if session is not None and not 1 <= session <= 999:
        raise reader.fail(f"{path}.session", f"session {session} is out of range (1-999)")
    return Metadata(
        pack=reader.string(data["pack"], f"{path}.pack"),
        body=reader.string(data["body"], f"{path}.body"),
        pack_version=reader.string(data.get("pack_version", ""), f"{path}.pack_version"),
        languages=languages,
        source_language=source_language,
        symbol=reader.string(data.get("symbol", ""), f"{path}.symbol", optional=True),
        distribution=distribution,
        date=reader.iso_date(data.get("date"), f"{path}.date"),
        original_language=reader.string(
            data.get("original_language", source_language), f"{path}.original_language"
        ),
        session=session,
        agenda_item=reader.string(
            data.get("agenda_item", ""), f"{path}.agenda_item", optional=True
        ),
        agenda_title=reader.per_language(data.get("agenda_title"), f"{path}.agenda_title"),
        sponsors=sponsors,
        sponsors_note=reader.string(
            data.get("sponsors_note"), f"{path}.sponsors_note", optional=True
        )
        or None,
        title=reader.per_language(data.get("title"), f"{path}.title"),
        meeting=_read_meeting(reader, data.get("meeting"), f"{path}.meeting"),
        fields=reader.obj(data.get("fields") or {}, f"{path}.fields"),
    )


def _read_meeting(reader: JsonReader, value: Any, path: str) -> Meeting | None:
    if value is None:
        return None
    data = reader.obj(value, path, {"place", "start", "end", "hijri"})
    start = reader.iso_date(data.get("start"), f"{path}.start")
    end = reader.iso_date(data.get("end"), f"{path}.end") or start
    if start and end and end < start:
        raise reader.fail(f"{path}.end", "the meeting ends before it starts")
    hijri = data.get("hijri")
    return Meeting(
        place=reader.per_language(data.get("place"), f"{path}.place"),
        start=start,
        end=end,
        hijri=reader.per_language(hijri, f"{path}.hijri") if hijri is not None else None,
    )


def _read_paragraph(reader: JsonReader, value: Any, path: str, depth: int) -> Paragraph:
    data = reader.obj(value, path, _PARA_KEYS)
    if "id" not in data:
        raise reader.fail(f"{path}.id", "missing (every paragraph needs a stable id)")
    ident = reader.identifier(data["id"], f"{path}.id")
    text_data = reader.obj(data.get("text") or {}, f"{path}.text")
    text = {
        reader.language(lang, f"{path}.text.{lang}"): reader.inline(value, f"{path}.text.{lang}")
        for lang, value in text_data.items()
    }
    provenance: dict[str, Provenance] = {}
    for lang, entry in reader.obj(data.get("provenance") or {}, f"{path}.provenance").items():
        where = f"{path}.provenance.{lang}"
        reader.language(lang, where)
        item = reader.obj(entry, where, {"rev", "from", "from_rev"})
        rev = reader.integer(item.get("rev", 1), f"{where}.rev") or 1
        origin = item.get("from")
        provenance[lang] = Provenance(
            rev=rev,
            source_language=reader.language(origin, f"{where}.from") if origin else None,
            source_rev=reader.integer(item.get("from_rev"), f"{where}.from_rev", optional=True),
        )
    children_raw = reader.array(data.get("children", []), f"{path}.children")
    if children_raw and depth >= MAX_SUBPARAGRAPH_DEPTH:
        raise reader.fail(
            f"{path}.children", f"sub-paragraphs nest at most {MAX_SUBPARAGRAPH_DEPTH} levels deep"
        )
    children = [
        _read_paragraph(reader, child, f"{path}.children[{i}]", depth + 1)
        for i, child in enumerate(children_raw)
    ]
    opener = data.get("opener")
    clause = data.get("clause")
    return Paragraph(
        id=ident,
        opener=reader.string(opener, f"{path}.opener") if opener is not None else None,
        clause=reader.string(clause, f"{path}.clause") if clause is not None else None,
        slots=reader.obj(data.get("slots") or {}, f"{path}.slots"),
        text=text,
        provenance=provenance,
        children=children,
    )


def _read_annex(reader: JsonReader, value: Any, path: str) -> Annex:
    data = reader.obj(value, path, {"id", "title", "paragraphs"})
    return Annex(
        id=reader.identifier(data.get("id"), f"{path}.id"),
        title=reader.per_language(data.get("title"), f"{path}.title"),
        paragraphs=[
            _read_paragraph(reader, p, f"{path}.paragraphs[{i}]", 0)
            for i, p in enumerate(reader.array(data.get("paragraphs", []), f"{path}.paragraphs"))
        ],
    )


def _read_footnote(reader: JsonReader, value: Any, path: str) -> Footnote:
    data = reader.obj(value, path, {"id", "symbol", "text"})
    symbol = data.get("symbol")
    if symbol is not None:
        symbol = reader.string(symbol, f"{path}.symbol")
        if not 1 <= len(symbol) <= 3 or any(c.isalnum() for c in symbol):
            raise reader.fail(f"{path}.symbol", f"{symbol!r} is not a note symbol (such as *)")
    text_data = reader.obj(data.get("text") or {}, f"{path}.text")
    return Footnote(
        id=reader.identifier(data.get("id"), f"{path}.id"),
        symbol=symbol,
        text={
            reader.language(lang, f"{path}.text.{lang}"): reader.inline(
                value, f"{path}.text.{lang}"
            )
            for lang, value in text_data.items()
        },
    )


def _read_ignore(reader: JsonReader, value: Any, path: str) -> Ignore:
    """One ignored finding; ids are checked for shape only (a paragraph deleted since leaves
    a harmless entry, never an unreadable file)."""
    data = reader.obj(value, path, {"rule", "lang", "text", "paragraph", "footnote"})
    for required in ("rule", "lang", "text"):
        if required not in data:
            raise reader.fail(f"{path}.{required}", "missing (an ignored finding needs it)")
    rule = reader.string(data["rule"], f"{path}.rule")
    if not rule.strip():
        raise reader.fail(f"{path}.rule", "empty rule id")
    ids: dict[str, str | None] = {}
    for key in ("paragraph", "footnote"):
        ident = data.get(key)
        if ident is not None:
            ident = reader.string(ident, f"{path}.{key}")
            if not ID_PATTERN.match(ident):
                raise reader.fail(f"{path}.{key}", f"{ident!r} is not a valid id")
        ids[key] = ident
    return Ignore(
        rule=rule,
        lang=reader.language(data["lang"], f"{path}.lang"),
        text=reader.string(data["text"], f"{path}.text"),
        paragraph_id=ids["paragraph"],
        footnote_id=ids["footnote"],
    )


def _check_references(reader: JsonReader, document: Document) -> None:
    """Every footnote and cross-reference must name something that exists."""
    footnote_ids = {note.id for note in document.footnotes}
    paragraph_ids = document.ids()
    for path, paragraph in _paragraph_paths(document):
        for lang, items in paragraph.text.items():
            for ident in referenced_footnotes(items):
                if ident not in footnote_ids:
                    raise reader.fail(f"{path}.text.{lang}", f"unknown footnote {ident!r}")
            for ident in referenced_paragraphs(items):
                if ident not in paragraph_ids:
                    raise reader.fail(
                        f"{path}.text.{lang}",
                        f"cross-reference to a paragraph that does not exist ({ident!r})",
                    )
                if ident == paragraph.id:
                    raise reader.fail(f"{path}.text.{lang}", "a paragraph refers to itself")
    note = document.metadata.sponsors_note
    if note and note not in footnote_ids:
        raise reader.fail("$.metadata.sponsors_note", f"unknown footnote {note!r}")
    for index, footnote in enumerate(document.footnotes):
        for lang, items in footnote.text.items():
            if referenced_footnotes(items) or referenced_paragraphs(items):
                raise reader.fail(
                    f"$.footnotes[{index}].text.{lang}",
                    "a footnote cannot contain footnote or paragraph references",
                )


def _paragraph_paths(document: Document) -> list[tuple[str, Paragraph]]:
    found: list[tuple[str, Paragraph]] = []

    def walk(items: list[Paragraph], prefix: str) -> None:
        for index, paragraph in enumerate(items):
            path = f"{prefix}[{index}]"
            found.append((path, paragraph))
            walk(paragraph.children, f"{path}.children")

    walk(document.preamble, "$.preamble")
    walk(document.operative, "$.operative")
    for index, annex in enumerate(document.annexes):
        walk(annex.paragraphs, f"$.annexes[{index}].paragraphs")
    return found
