"""Checking a paragraph's slot values against its clause and turning them into template values."""

from __future__ import annotations

from datetime import date
from typing import Any

from draftdesk.errors import RenderError
from draftdesk.language import Citation
from draftdesk.model.document import Document
from draftdesk.packs.model import Clause, Pack, SlotSpec, SlotType

RESERVED_NAMES = frozenset({"lang", "body_gender", "body_number"})
"""Context names every clause template gets besides its slots."""


def slot_context(
    clause: Clause,
    values: dict[str, Any],
    lang: str,
    pack: Pack,
    document: Document,
    *,
    where: str,
) -> dict[str, Any]:
    """The template context for one language: every declared slot, converted and checked.

    Missing optional slots are None so templates can test them under StrictUndefined.
    """
    reserved = sorted(set(clause.slots) & RESERVED_NAMES)
    if reserved:
        raise RenderError(
            f"{where}: clause {clause.key!r} declares slot {reserved[0]!r}, a "
            "name reserved for the template context"
        )
    unknown = sorted(set(values) - set(clause.slots))
    if unknown:
        raise RenderError(
            f"{where}: slot {unknown[0]!r} is not a slot of clause "
            f"{clause.key!r} (slots: {', '.join(clause.slots) or 'none'})"
        )
    context: dict[str, Any] = {}
    for name, spec in clause.slots.items():
        value = values.get(name, spec.default)
        if value is None or value == "" or value == []:
            if spec.required:
                raise RenderError(f"{where}: clause {clause.key!r} needs slot {name!r}")
            context[name] = None
            continue
        context[name] = convert_slot(
            spec, value, lang, pack, document, where=f"{where}: slot {name!r}"
        )
    return context


def convert_slot(
    spec: SlotSpec, value: Any, lang: str, pack: Pack, document: Document, *, where: str
) -> Any:
    """Convert one stored slot value for `lang`, raising RenderError when it is malformed."""
    kind = spec.type
    if kind is SlotType.TEXT:
        return _language_value(value, lang, str, where)
    if kind is SlotType.LIST:
        items = _language_value(value, lang, list, where)
        if not all(isinstance(item, str) for item in items):
            raise RenderError(f"{where}: expected a list of texts")
        return items
    if kind in (SlotType.ORDINAL, SlotType.NUMBER):
        if not isinstance(value, int) or isinstance(value, bool):
            raise RenderError(f"{where}: expected a whole number, found {value!r}")
        if kind is SlotType.ORDINAL and not 1 <= value <= 999:
            raise RenderError(f"{where}: {value} is out of range (1-999)")
        return value
    if kind is SlotType.DATE:
        return _date(value, where)
    if kind is SlotType.DATE_RANGE:
        if not isinstance(value, dict) or "start" not in value:
            raise RenderError(f'{where}: expected {{"start": ..., "end": ...}}')
        start = _date(value["start"], where)
        end = _date(value.get("end") or value["start"], where)
        if end < start:
            raise RenderError(f"{where}: the range ends before it starts")
        return (start, end)
    if kind is SlotType.CITATIONS:
        return _citations(value, where)
    if kind is SlotType.ENTITY:
        if not isinstance(value, str) or value not in pack.entities:
            known = ", ".join(sorted(pack.entities)) or "none"
            raise RenderError(f"{where}: unknown entity {value!r} (known: {known})")
        return pack.entities[value].get(lang, "")
    if kind is SlotType.FOOTNOTE:
        if not isinstance(value, str) or document.footnote(value) is None:
            raise RenderError(f"{where}: unknown footnote {value!r}")
        return f"[^{value}]"
    raise RenderError(f"{where}: unsupported slot type {kind}")  # pragma: no cover


def _language_value(value: Any, lang: str, kind: type, where: str) -> Any:
    if isinstance(value, dict):
        if lang not in value:
            raise RenderError(f"{where}: no {lang.upper()} text")
        value = value[lang]
    if not isinstance(value, kind):
        raise RenderError(
            f"{where}: expected {'text' if kind is str else 'a list'}, found {value!r}"
        )
    return value


def _date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RenderError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _citations(value: Any, where: str) -> list[Citation]:
    if not isinstance(value, list) or not value:
        raise RenderError(f"{where}: expected a non-empty list of citations")
    citations: list[Citation] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("symbol"), str):
            raise RenderError(
                f'{where}[{index}]: expected {{"symbol": "37/4", "date": "1982-10-22"}}'
            )
        year = item.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise RenderError(f"{where}[{index}].year: expected a year")
        adopted = _date(item["date"], f"{where}[{index}].date") if item.get("date") else None
        citations.append(Citation(item["symbol"], adopted, year))
    return citations
