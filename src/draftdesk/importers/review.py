"""The review step's operations: openers assigned, an item re-classified by the user."""

from __future__ import annotations

from draftdesk.errors import CommandError
from draftdesk.importers.clauses import ClauseFinder
from draftdesk.importers.itemize import strip_end
from draftdesk.importers.openers import OpenerIndex, unmatched_opener
from draftdesk.importers.result import ImportItem, ImportResult, ItemKind
from draftdesk.model.document import MAX_SUBPARAGRAPH_DEPTH, Part
from draftdesk.model.inline import Inline, Text, merge_adjacent
from draftdesk.packs.model import OpenerStyle, Pack


def opener_index(result: ImportResult, pack: Pack) -> OpenerIndex:
    """The phrase index for the result's language and body in `pack`."""
    return OpenerIndex(pack, pack.bodies[result.body], result.lang)


def assign_opener(item: ImportItem, index: OpenerIndex, pack: Pack, *, typed: bool) -> None:
    """Match the item's opener (and a clause it is, word for word) for its current kind.

    `typed` is True for plain text, where an unmatched opener carries no italics of its
    own: it is set in italics when the pack sets its openers so, to look like the others.
    """
    item.opener, item.opener_text, item.alternatives = None, "", []
    item.clause, item.slots, item.unmatched_opener = None, {}, ""
    item.text = list(item.content)
    if item.kind not in (ItemKind.PREAMBULAR, ItemKind.OPERATIVE):
        return
    part = Part.PREAMBLE if item.kind is ItemKind.PREAMBULAR else Part.OPERATIVE
    match = index.match(item.content, part)
    if match is None:
        item.unmatched_opener = unmatched_opener(item.content, index.lang)
        if item.unmatched_opener and typed and pack.style.opener_style(part) is OpenerStyle.ITALIC:
            item.text = _italicise_start(item.content, len(item.unmatched_opener))
        return
    item.opener, item.opener_text = match.key, match.written
    item.alternatives, item.text = match.alternatives, match.text
    if not match.agrees:
        item.reasons.append(
            f"the opener “{match.written}” does not agree with the body: DraftDesk "
            "prints the agreeing form"
        )
    finder = ClauseFinder(pack, index.body, index.lang)
    clause = finder.find(strip_end(item.text), part, match.key)
    if clause is not None:
        item.clause, item.slots, item.text = clause.key, clause.slots, clause.rest
        if pack.clauses[clause.key].opener == match.key:
            item.opener = None  # the clause's own opener: not stored twice


def _italicise_start(items: list[Inline], length: int) -> list[Inline]:
    first = items[0]
    assert isinstance(first, Text)  # unmatched_opener only reads a leading text run
    text = first.text.lstrip()
    head, tail = text[:length], text[length:]
    return merge_adjacent([Text(head, italic=True), Text(tail, first.italic), *items[1:]])


def reclassify(
    result: ImportResult,
    item_id: str,
    kind: ItemKind,
    pack: Pack,
    *,
    level: int = 1,
) -> ImportItem:
    """The user's correction: `item_id` is of `kind` (SUBPARAGRAPH at `level` 1–3).

    Its opener is matched again in the library of its new part. Raises CommandError for
    an unknown item or level.
    """
    try:
        item = result.item(item_id)
    except KeyError:
        raise CommandError(f"no item {item_id!r} in the import") from None
    if kind is ItemKind.SUBPARAGRAPH and not 1 <= level <= MAX_SUBPARAGRAPH_DEPTH:
        raise CommandError(f"sub-paragraph level {level} is not between 1 and 3")
    item.kind = kind
    item.level = level if kind is ItemKind.SUBPARAGRAPH else 0
    item.confidence = 1.0
    item.reasons = [reason for reason in item.reasons if "opener" in reason]
    item.reasons.append("classified by hand")
    if kind in (ItemKind.MASTHEAD, ItemKind.CLOSING) and not item.key:
        item.key = "other"
        item.values = {"stored": False}
    assign_opener(
        item,
        opener_index(result, pack),
        pack,
        typed=result.source_format == "plain text",
    )
    return item


def set_values(result: ImportResult, item_id: str, **values: object) -> ImportItem:
    """Correct what was read from a masthead item ("sponsors": [...], "date": …)."""
    try:
        item = result.item(item_id)
    except KeyError:
        raise CommandError(f"no item {item_id!r} in the import") from None
    item.values.update(values)
    return item
