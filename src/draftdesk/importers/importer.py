"""Importing a file: read, clean, detect language and pack, classify, match openers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from draftdesk.errors import CommandError, PackError
from draftdesk.importers.classify import classify
from draftdesk.importers.cleanup import prepare_text
from draftdesk.importers.detect import choose_target, detect_language
from draftdesk.importers.footnotes import MARK
from draftdesk.importers.formula import opening_formula
from draftdesk.importers.itemize import canonical, plain
from draftdesk.importers.lexicon import KnownWords, WordChecker
from draftdesk.importers.masthead import standalone_line
from draftdesk.importers.openers import OpenerIndex, looks_like_opener
from draftdesk.importers.repairs import Repairs
from draftdesk.importers.result import (
    PARAGRAPH_KINDS,
    Concern,
    ImportedNote,
    ImportItem,
    ImportResult,
    ItemKind,
)
from draftdesk.importers.review import assign_opener
from draftdesk.importers.sources import (
    Source,
    SourceError,
    SourceFormat,
    SourceNote,
    SourceParagraph,
    read_source,
)
from draftdesk.model.document import LANGUAGES
from draftdesk.model.inline import FootnoteRef, Inline, Text, merge_adjacent
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry


@dataclass(slots=True, frozen=True)
class ImportOptions:
    """What the user fixed instead of letting the importer detect it."""

    pack: str | None = None
    body: str | None = None
    lang: str | None = None


def import_file(
    path: Path,
    registry: PackRegistry,
    options: ImportOptions | None = None,
    checker: WordChecker | None = None,
) -> ImportResult:
    """Read `path` (.docx or text) into a reviewable ImportResult.

    `checker` decides which words exist when joining words split by a stray space or a
    line-end hyphen; by default the words of the text itself and of the phrase libraries.
    Raises SourceError (bad file), PackError (unknown pack or body), CommandError (language).
    """
    options = options or ImportOptions()
    if options.lang is not None and options.lang not in LANGUAGES:
        raise CommandError(f"unknown language {options.lang!r} (expected en or fr)")
    packs = [registry.get(pack_id) for pack_id in registry.ids()]
    source = read_source(Path(path))
    if source.format is SourceFormat.TEXT:
        _prepare_text(source, packs)
    texts = [plain(p.items) for p in source.paragraphs]
    if not any(texts):
        raise SourceError("no text found to import", source=str(path))
    guess = detect_language(texts)
    lang = options.lang or guess.lang
    target = choose_target(texts, registry, options.pack, options.body)
    pack = target.pack
    if lang not in pack.languages:
        raise PackError(f"pack {pack.id!r} has no {lang.upper()} phrases")
    typed = source.format is SourceFormat.TEXT
    note_texts = [plain(n.items) for n in source.notes.values()]
    checker = checker or KnownWords.from_texts(texts + note_texts, packs)
    for paragraph in source.paragraphs:
        paragraph.items = canonical(paragraph.items, lang)
    for note in source.notes.values():
        note.items = canonical(note.items, lang)
    _repair(source, Repairs(checker, lang, split_words=typed))
    index = OpenerIndex(pack, pack.bodies[target.body], lang)
    items, _ = classify(source.paragraphs, index)
    if not any(item.kind in PARAGRAPH_KINDS for item in items):
        raise SourceError(
            "no resolution paragraphs found (no preambular or operative paragraph): "
            "is it a resolution?",
            source=str(path),
        )
    for item in items:
        assign_opener(item, index, pack, typed=typed)
    result = ImportResult(
        source_name=Path(path).name,
        source_format=source.format.value,
        encoding=source.encoding,
        lang=lang,
        lang_reason="given" if options.lang else "detected",
        pack_id=pack.id,
        pack_reason=target.pack_reason,
        body=target.body,
        body_reason=target.body_reason,
        items=items,
        notes={
            key: ImportedNote(key, note.items, note.where, note.symbol)
            for key, note in source.notes.items()
        },
        concerns=[*source.concerns, *(Concern("the document", c) for c in target.concerns)],
        properties=source.properties,
    )
    if options.lang is None and guess.confidence < 0.5:
        result.concerns.append(
            Concern("the document", f"too little text to be sure of its language: read as {lang}")
        )
    _attach_changes(result, source)
    return result


def _prepare_text(source: Source, packs: list[Pack]) -> None:
    """Plain text: page furniture out, notes apart, paragraphs assembled."""
    starts = _opener_starts(packs)

    def opener_start(line: str) -> bool:
        words = line.split()
        first = words[0].casefold() if words else ""
        return first in starts or looks_like_opener(line)

    def standalone(line: str) -> bool:
        formula = opening_formula(line)
        # "The General Assembly," stands alone; an OIC session formula runs over lines.
        return standalone_line(line) or (formula is not None and not formula.oic)

    prepared = prepare_text(source.text, standalone=standalone, opener_start=opener_start)
    source.paragraphs = [
        SourceParagraph(
            _items(p.text),
            p.where,
            first_line=p.first_line,
            last_line=p.last_line,
        )
        for p in prepared.paragraphs
    ]
    source.notes = {
        key: SourceNote(
            key,
            [Text(note.text)],
            where=f"footnote {key} (line {note.first_line})",
            symbol=key if key.startswith("*") else None,
        )
        for key, note in prepared.notes.items()
    }
    source.changes += prepared.changes
    source.concerns += prepared.concerns


def _opener_starts(packs: list[Pack]) -> set[str]:
    """First words of every opener of every pack, in both languages."""
    starts: set[str] = set()
    for pack in packs:
        for phrases in pack.phrases.values():
            for phrase in phrases.values():
                for form in (phrase.en, phrase.fr.m, phrase.fr.f):
                    if form:
                        starts.add(form.split()[0].casefold())
    return starts


def _items(text: str) -> list[Inline]:
    """Text with note markers → inline items (references by note key)."""
    items: list[Inline] = []
    position = 0
    for match in MARK.finditer(text):
        if match.start() > position:
            items.append(Text(text[position : match.start()]))
        items.append(FootnoteRef(match.group(1)))
        position = match.end()
    if position < len(text):
        items.append(Text(text[position:]))
    return merge_adjacent(items)


def _repair(source: Source, repairs: Repairs) -> None:
    for paragraph in source.paragraphs:
        paragraph.items = _repair_items(paragraph.items, repairs, paragraph.where)
    for note in source.notes.values():
        note.items = _repair_items(note.items, repairs, note.where)
    source.changes += repairs.changes


def _repair_items(items: list[Inline], repairs: Repairs, where: str) -> list[Inline]:
    return merge_adjacent(
        [
            Text(repairs.apply(item.text, where), item.italic, item.superscript)
            if isinstance(item, Text)
            else item
            for item in items
        ]
    )


def _attach_changes(result: ImportResult, source: Source) -> None:
    """Changes go to the item of the paragraph they were made in; the rest stay global."""
    by_where: dict[str, ImportItem] = {}
    for item in result.items:
        if item.kind is not ItemKind.IGNORED:
            by_where.setdefault(item.where, item)
    for change in source.changes:
        owner = by_where.get(change.where)
        if owner is not None:
            owner.changes.append(change)
        else:
            result.changes.append(change)
