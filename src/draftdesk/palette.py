"""The clause palette as data: openers and clause templates of a pack, searchable in EN and FR."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from draftdesk.commands import new_paragraph_id
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.packs.model import Body, Clause, Pack, SlotSpec, SlotType

PLACEHOLDER = "…"
"""What a required text slot holds until the drafter fills it in (UN drafts use "…")."""


class EntryKind(StrEnum):
    """Whether a palette entry is a bare opener or a clause template with slots."""

    OPENER = "opener"
    CLAUSE = "clause"


@dataclass(slots=True, frozen=True)
class PaletteEntry:
    """One line of the palette: what it inserts and how it reads in each language."""

    kind: EntryKind
    key: str
    part: Part
    en: str
    fr: str
    notes: str = ""

    @property
    def search_text(self) -> str:
        """Everything a search matches, folded (case and accents ignored)."""
        return fold(f"{self.en} {self.fr} {self.key}")


def fold(text: str) -> str:
    """Lower case without accents, so "reaffirmant" finds « Réaffirmant »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def palette_entries(pack: Pack, body: Body) -> list[PaletteEntry]:
    """Clauses first (they do the most work), then openers, each part in pack order."""
    entries = [
        PaletteEntry(
            EntryKind.CLAUSE,
            clause.key,
            clause.part,
            clause.label.get("en", clause.key),
            clause.label.get("fr", clause.key),
            clause.source,
        )
        for clause in pack.clauses.values()
    ]
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        for phrase in pack.phrases.get(part, {}).values():
            entries.append(
                PaletteEntry(
                    EntryKind.OPENER,
                    phrase.key,
                    part,
                    phrase.form("en", body),
                    phrase.form("fr", body),
                    phrase.notes,
                )
            )
    return entries


def search(
    entries: list[PaletteEntry], query: str, part: Part | None = None
) -> list[PaletteEntry]:
    """Entries of `part` (all parts when None) matching every word of `query`.

    An entry that reads exactly as the query comes first, then those whose English or
    French text starts with it, then those with a word starting with it, then any other
    match; ties keep palette order.
    """
    words = fold(query).split()
    wanted = [e for e in entries if part is None or e.part is part]
    if not words:
        return wanted
    phrase = " ".join(words)
    ranked: list[tuple[int, int, PaletteEntry]] = []
    for order, entry in enumerate(wanted):
        haystack = entry.search_text
        if not all(word in haystack for word in words):
            continue
        forms = (fold(entry.en), fold(entry.fr))
        if phrase in forms:
            rank = -1
        elif any(form.startswith(phrase) for form in forms):
            rank = 0
        elif any(f" {phrase}" in f" {form}" for form in forms):
            rank = 1
        else:
            rank = 2
        ranked.append((rank, order, entry))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in ranked]


def new_paragraph(entry: PaletteEntry, pack: Pack, document: Document) -> Paragraph:
    """A fresh paragraph for a palette entry, its clause slots filled with usable defaults.

    Required slots get values that render (today's date, the document's session, the
    first entity, "…" for texts) so the paragraph appears in the preview at once and
    the drafter overwrites the defaults in the slot form.
    """
    prefix = "pp" if entry.part is Part.PREAMBLE else "op"
    ident = new_paragraph_id(document, prefix)
    if entry.kind is EntryKind.OPENER:
        return Paragraph(ident, opener=entry.key)
    clause = pack.clauses[entry.key]
    return Paragraph(ident, clause=clause.key, slots=default_slots(clause, pack, document))


def default_slots(clause: Clause, pack: Pack, document: Document) -> dict[str, Any]:
    """Values for the slots of `clause`: pack defaults, then usable stand-ins."""
    values: dict[str, Any] = {}
    for name, spec in clause.slots.items():
        value = spec.default if spec.default not in (None, "", []) else None
        if value is None and spec.required:
            value = _stand_in(spec, pack, document)
        if value is not None:
            values[name] = value
    return values


def _stand_in(spec: SlotSpec, pack: Pack, document: Document) -> Any:
    today = date.today().isoformat()
    kind = spec.type
    if kind is SlotType.TEXT:
        return {lang: PLACEHOLDER for lang in document.metadata.languages}
    if kind is SlotType.LIST:
        return {lang: [PLACEHOLDER] for lang in document.metadata.languages}
    if kind is SlotType.DATE:
        return today
    if kind is SlotType.DATE_RANGE:
        return {"start": today, "end": today}
    if kind is SlotType.CITATIONS:
        return [{"symbol": PLACEHOLDER, "date": today}]
    if kind is SlotType.ORDINAL:
        return document.metadata.session or 1
    if kind is SlotType.NUMBER:
        return 1
    if kind is SlotType.ENTITY:
        return next(iter(pack.entities), None)
    # SlotType.FOOTNOTE: the first numbered footnote, if there is one
    return next((note.id for note in document.footnotes if not note.symbol), None)


def has_placeholder(value: Any) -> bool:
    """True while a slot value still holds the "…" stand-in somewhere."""
    if isinstance(value, str):
        return value.strip() == PLACEHOLDER
    if isinstance(value, dict):
        return any(has_placeholder(item) for item in value.values())
    if isinstance(value, list):
        return any(has_placeholder(item) for item in value)
    return False
