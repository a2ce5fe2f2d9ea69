"""The import report: what was found, every change made, what was not kept, where unsure."""

from __future__ import annotations

from draftdesk.importers.build import Built
from draftdesk.importers.compare import RenderCheck
from draftdesk.importers.result import Change, ChangeKind, ImportItem, ImportResult, ItemKind
from draftdesk.model.inline import FootnoteRef

_LANGUAGE_NAMES = {"en": "English", "fr": "French"}


def describe_items(result: ImportResult) -> dict[str, str]:
    """A reader's name for every item: "operative 21", "preambular 3", "operative 5 (b)"."""
    names: dict[str, str] = {}
    counts = {ItemKind.PREAMBULAR: 0, ItemKind.OPERATIVE: 0, ItemKind.ANNEX: 0}
    last_top = ""
    for item in result.items:
        if item.kind in counts:
            counts[item.kind] += 1
            last_top = f"{item.kind.value} {counts[item.kind]}"
            names[item.id] = last_top
        elif item.kind is ItemKind.SUBPARAGRAPH:
            names[item.id] = f"{last_top} {item.label}".strip() if last_top else "sub-paragraph"
        elif item.kind in (ItemKind.MASTHEAD, ItemKind.CLOSING) and item.key:
            names[item.id] = f"{item.kind.value} ({item.key})"
        else:
            names[item.id] = item.kind.value.replace("-", " ")
    return names


def format_report(result: ImportResult, built: Built, check: RenderCheck) -> str:
    """The report printed by `draftdesk import` (and shown by the review step)."""
    names = describe_items(result)
    lines = [_headline(result), _found(result)]
    changes: list[str] = []
    for change in result.changes:
        changes.append(_change_line(change.where, change))
    for item in result.items:
        for change in item.changes:
            changes.append(_change_line(f"{names[item.id]}, {item.where}", change))
        if item.kind is ItemKind.CONTINUATION:
            changes.append(f"  {item.where}: joined to the paragraph before it (it continues it)")
    by_id = {item.id: item for item in result.items}
    rendered = [
        _change_line(f"{names[item_id]}, {by_id[item_id].where}", change)
        for item_id, change in check.changes
    ]
    _section(lines, "Changes to the text", changes)
    _section(lines, "Printed differently by the house style", rendered)
    _section(
        lines,
        "Not kept (DraftDesk has no place for them)",
        [f"  {item.where}: “{item.source}”" for item in check.not_kept],
    )
    _section(
        lines,
        "Lines the pack prints that the source did not have (check the masthead fields)",
        [f"  “{text}”" for text in check.added],
    )
    _section(
        lines,
        "Openers not in the phrase library (kept as text)",
        [
            f"  {names[item.id]}, {item.where}: “{item.unmatched_opener}”"
            for item in result.items
            if item.unmatched_opener and item.kind is not ItemKind.IGNORED
        ],
    )
    unsure = [_unsure_line(item, names[item.id]) for item in result.items if _doubtful(item)]
    unsure += [f"  {c.where}: {c.message}" for c in [*result.concerns, *built.concerns]]
    _section(lines, "Unsure, please check", unsure)
    return "\n".join(lines) + "\n"


def _headline(result: ImportResult) -> str:
    language = _LANGUAGE_NAMES.get(result.lang, result.lang)
    encoding = f", {result.encoding}" if result.encoding else ""
    return (
        f"{result.source_name} ({result.source_format}{encoding}): {language} "
        f"({result.lang_reason}), pack {result.pack_id} ({result.pack_reason}), "
        f"body {result.body} ({result.body_reason})"
    )


def _found(result: ImportResult) -> str:
    counts = result.counts()
    parts: list[str] = []
    kinds = {item.kind for item in result.items}
    masthead = sum(
        1
        for item in result.items
        if item.kind is ItemKind.MASTHEAD
        and item.values.get("stored", True)
        and item.key not in ("", "org", "organ", "on")
    )
    if masthead:
        parts.append(f"{masthead} masthead field{'s' if masthead != 1 else ''}")
    for kind, name in (
        (ItemKind.SPONSORS, "the sponsors line"),
        (ItemKind.TITLE, "the title"),
        (ItemKind.OPENING, "the opening formula"),
    ):
        if kind in kinds:
            parts.append(name)
    parts.append(f"{counts.preambular} preambular and {counts.operative} operative paragraphs")
    parts.append(f"{counts.subparagraphs} sub-paragraph{'s' if counts.subparagraphs != 1 else ''}")
    if counts.annexes:
        parts.append(f"{counts.annexes} annex{'es' if counts.annexes != 1 else ''}")
    notes = f"{counts.footnotes} footnote{'s' if counts.footnotes != 1 else ''}"
    notes += f" with {counts.references} reference{'s' if counts.references != 1 else ''}"
    numbers = note_numbers(result)
    repeated = [numbers[key] for key in counts.repeated if key in numbers]
    if repeated:
        notes += f" (referenced more than once: {', '.join(repeated)})"
    parts.append(notes)
    symbols = [note for note in result.notes.values() if note.symbol]
    if symbols:
        parts.append(f"the sponsors' note {symbols[0].symbol}")
    if ItemKind.CLOSING in kinds:
        parts.append("closing lines")
    return "Found: " + ", ".join(parts) + "."


def note_numbers(result: ImportResult) -> dict[str, str]:
    """The number each numbered note prints with: by first reference, as DraftDesk counts."""
    numbers: dict[str, str] = {}
    for item in result.items:
        if item.kind in (ItemKind.IGNORED, ItemKind.MASTHEAD, ItemKind.CLOSING):
            continue
        for inline in item.content:
            if isinstance(inline, FootnoteRef):
                note = result.notes.get(inline.footnote_id)
                if note is not None and not note.symbol and inline.footnote_id not in numbers:
                    numbers[inline.footnote_id] = str(len(numbers) + 1)
    return numbers


def _change_line(where: str, change: Change) -> str:
    if change.kind is ChangeKind.REMOVED:
        return f"  {where}: removed “{change.before}” ({change.reason})"
    return f"  {where}: “{change.before}” → “{change.after}” ({change.reason})"


def _doubtful(item: ImportItem) -> bool:
    if item.kind is ItemKind.IGNORED:
        return bool(item.reasons)  # left out by the importer itself: say why
    return item.unsure or bool(_opener_doubts(item))


def _opener_doubts(item: ImportItem) -> list[str]:
    return [reason for reason in item.reasons if "agree" in reason]


def _unsure_line(item: ImportItem, name: str) -> str:
    reasons = "; ".join(item.reasons) or "low confidence"
    return f"  {name}, {item.where} ({item.confidence:.0%}): {reasons} — “{_short(item.source)}”"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _section(lines: list[str], title: str, entries: list[str]) -> None:
    if entries:
        lines.append(f"{title} ({len(entries)}):")
        lines.extend(entries)
