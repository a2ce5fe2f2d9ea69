"""Classifying paragraphs: header, opening formula, preamble, operative part, closing, annexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftdesk.importers.formula import opening_formula
from draftdesk.importers.header import classify_header
from draftdesk.importers.itemize import ItemMaker, one_line, plain, split_label
from draftdesk.importers.labels import Label, LabelKind, as_letter
from draftdesk.importers.masthead import closing_field, masthead_field, reference_line
from draftdesk.importers.openers import OpenerIndex, looks_like_opener
from draftdesk.importers.result import Change, ChangeKind, ImportItem, ItemKind
from draftdesk.importers.sources import SourceParagraph
from draftdesk.model.document import MAX_SUBPARAGRAPH_DEPTH, Part

_ANNEX = re.compile(
    r"^(?:ANNEX|Annex|ANNEXE|Annexe)(?:\s+(?:[IVXLC]+|\d+|to .*|à la .*|au .*))?\.?$"
)
_PREAMBULAR_ENDINGS = ("ant", "ing", "ed", "ée", "ées", "és", "ue", "ues", "ent", "eux", "euse")


@dataclass(slots=True)
class _Body:
    """Where the reading of the body stands."""

    operative_seen: bool = False
    in_annex: bool = False
    in_closing: bool = False
    after_separator: bool = False
    next_number: int = 1
    has_parent: bool = False
    sub_letters: list[str] = field(default_factory=list)  # last label core at each level
    sub_level: int = 0
    annex_title_next: bool = False


def classify(
    paragraphs: list[SourceParagraph], index: OpenerIndex
) -> tuple[list[ImportItem], int | None]:
    """Items for every paragraph, and the index of the opening formula's item (or None)."""
    maker = ItemMaker()
    formula_at = next(
        (i for i, p in enumerate(paragraphs[:80]) if opening_formula(plain(p.items))), None
    )
    if formula_at is None:
        body_at = next(
            (i for i, p in enumerate(paragraphs) if _starts_body(p, index)), len(paragraphs)
        )
        items = classify_header(paragraphs[:body_at], maker, title_before_body=False)
        items += _classify_body(paragraphs[body_at:], index, maker)
        return items, None
    items = classify_header(paragraphs[:formula_at], maker, title_before_body=True)
    formula_paragraph = paragraphs[formula_at]
    content = one_line(formula_paragraph.items)
    formula = opening_formula(plain(content))
    assert formula is not None  # found above
    opening = maker.make(
        formula_paragraph, ItemKind.OPENING, content, confidence=formula.confidence
    )
    opening.values = {"organ": formula.organ, **formula.values}
    opening_index = len(items)
    items.append(opening)
    items += _classify_body(paragraphs[formula_at + 1 :], index, maker)
    return items, opening_index


def _starts_body(paragraph: SourceParagraph, index: OpenerIndex) -> bool:
    label, rest = split_label(paragraph, 1)
    if label is not None and label.kind in (LabelKind.NUMBER, LabelKind.PREAMBULAR):
        return True
    return any(index.match(one_line(rest), part) for part in (Part.PREAMBLE, Part.OPERATIVE))


def _classify_body(
    paragraphs: list[SourceParagraph], index: OpenerIndex, maker: ItemMaker
) -> list[ImportItem]:
    state = _Body()
    items: list[ImportItem] = []
    another: ImportItem | None = None  # where a second resolution begins
    for paragraph in paragraphs:
        label, rest = split_label(paragraph, state.next_number)
        content = one_line(rest)
        text = plain(content)
        if not text and label is None:
            continue
        item = maker.make(
            paragraph, ItemKind.PREAMBULAR, content, label=label.text if label else ""
        )
        items.append(item)
        if another is None and state.operative_seen and _next_resolution(text, label):
            another = item
            item.reasons.append(
                "a second resolution seems to begin here: only the first is imported "
                "(import the others from a file of their own)"
            )
            item.confidence = 0.3
        if another is not None:
            item.kind = ItemKind.IGNORED
            continue
        if label is None and _annex_heading(text, state, item):
            continue
        if label is None and _closing(text, state, item):
            continue
        if label is not None:
            _labelled(item, label, state)
        else:
            _unlabelled(item, text, state, index)
        if item.kind in (ItemKind.OPERATIVE, ItemKind.ANNEX):
            state.next_number += 1
    return items


def _next_resolution(text: str, label: Label | None) -> bool:
    """An opening formula or an OIC resolution heading after the operative part."""
    if label is not None:
        return False
    heading = masthead_field(text)
    return opening_formula(text) is not None or (heading is not None and heading.key == "heading")


def _annex_heading(text: str, state: _Body, item: ImportItem) -> bool:
    if _ANNEX.match(text):
        item.kind = ItemKind.ANNEX_HEADING
        item.key = "heading"
        state.in_annex, state.in_closing, state.has_parent = True, False, False
        state.annex_title_next, state.next_number = True, 1
        return True
    if state.annex_title_next:
        state.annex_title_next = False
        if len(text.split()) <= 25 and text[-1:] not in ",;:.":
            item.kind = ItemKind.ANNEX_HEADING
            item.key = "title"
            return True
    return False


def _closing(text: str, state: _Body, item: ImportItem) -> bool:
    if state.in_annex or not (state.operative_seen or state.in_closing):
        return False
    match = closing_field(text)
    reference = reference_line(text) if state.after_separator else None
    if match is None and reference is None and not state.in_closing:
        return False
    item.kind = ItemKind.CLOSING
    state.in_closing = True
    if reference is not None and match is None:
        item.key, item.values = "reference", {"reference_line": reference}
        if reference != text:
            why = "a stray space inside a time"
            item.changes.append(Change(ChangeKind.CORRECTED, item.where, text, reference, why))
    elif match is not None:
        item.key, item.values = match.key, dict(match.values)
        if not match.stored:
            item.values["stored"] = False
        state.after_separator = state.after_separator or match.key == "separator"
    else:
        item.key, item.values = "other", {"stored": False}
        item.confidence = 0.5
        item.reasons.append("text after the closing lines")
    return True


def _labelled(item: ImportItem, label: Label, state: _Body) -> None:
    if label.kind in (LabelKind.NUMBER, LabelKind.OPERATIVE):
        item.kind = ItemKind.ANNEX if state.in_annex else ItemKind.OPERATIVE
        state.operative_seen = state.operative_seen or not state.in_annex
        state.has_parent, state.sub_level, state.sub_letters = True, 0, []
        if label.bis:
            item.reasons.append(f"numbered {label.text}: DraftDesk numbers it in sequence")
            item.confidence = 0.6
        return
    if label.kind is LabelKind.PREAMBULAR:
        item.kind = ItemKind.PREAMBULAR
        state.has_parent, state.sub_level, state.sub_letters = True, 0, []
        return
    item.kind = ItemKind.SUBPARAGRAPH
    item.level = _sub_level(label, state)
    if not state.has_parent:
        item.confidence = 0.5
        item.reasons.append("a sub-paragraph with no paragraph before it")
    if label.kind is LabelKind.BULLET:
        item.reasons.append("a bulleted item: imported as a lettered sub-paragraph")
        item.confidence = min(item.confidence, 0.75)


def _sub_level(label: Label, state: _Body) -> int:
    """Depth of a sub-paragraph from its label style and what came before it."""
    letters = state.sub_letters
    if label.kind is LabelKind.ROMAN and len(label.core) == 1 and letters:
        previous = letters[0]
        if len(previous) == 1 and ord(label.core) - ord(previous) == 1:
            label = as_letter(label)  # "(i)" after "(h)", "(v)" after "(u)"
    if label.kind is LabelKind.BULLET:
        level = max(1, state.sub_level)
    elif label.kind is LabelKind.LETTER and label.style == "x." and state.sub_level >= 2:
        level = 3
    elif label.kind is LabelKind.ROMAN:
        level = 2 if state.sub_level >= 1 else 1
    else:
        level = 1
    level = min(level, state.sub_level + 1, MAX_SUBPARAGRAPH_DEPTH)
    del letters[level - 1 :]
    letters.extend([""] * (level - 1 - len(letters)))
    letters.append(label.core)
    state.sub_level = level
    return level


def _unlabelled(item: ImportItem, text: str, state: _Body, index: OpenerIndex) -> None:
    first = text[:1]
    if first.islower() and state.has_parent:
        item.kind = ItemKind.CONTINUATION
        item.confidence = 0.8
        return
    if state.in_annex:
        item.kind = ItemKind.ANNEX
        state.has_parent, state.sub_level, state.sub_letters = True, 0, []
        return
    state.has_parent, state.sub_level, state.sub_letters = True, 0, []
    preamble = index.match(item.content, Part.PREAMBLE)
    operative = index.match(item.content, Part.OPERATIVE)
    if state.operative_seen:
        if operative:
            _set(item, ItemKind.OPERATIVE, 0.75, "not numbered in the source")
        elif preamble:
            _set(item, ItemKind.PREAMBULAR, 0.5, "a preambular opener after operative paragraphs")
        else:
            _set(item, ItemKind.OPERATIVE, 0.5, "not numbered, and its opener is unknown")
        state.operative_seen = True
        return
    if preamble:
        _set(item, ItemKind.PREAMBULAR, 0.95 if _ends_preamble(text) else 0.85)
    elif operative:
        _set(item, ItemKind.OPERATIVE, 0.75, "not numbered in the source")
        state.operative_seen = True
    elif _preambular_word(text):
        _set(item, ItemKind.PREAMBULAR, 0.75)
    elif looks_like_opener(text):
        _set(item, ItemKind.PREAMBULAR, 0.55, "its opener is not in the phrase library")
    else:
        _set(item, ItemKind.PREAMBULAR, 0.4, "it does not begin like a resolution paragraph")


def _set(item: ImportItem, kind: ItemKind, confidence: float, reason: str = "") -> None:
    item.kind = kind
    item.confidence = confidence
    if reason:
        item.reasons.append(reason)


def _ends_preamble(text: str) -> bool:
    return text.rstrip()[-1:] in (",", ";", ":")


def _preambular_word(text: str) -> bool:
    words = text.split()
    first = words[0].casefold().strip(",;:") if words else ""
    if first in ("se", "s’", "s'") and len(words) > 1:
        first = words[1].casefold()
    if first.endswith("ment") and len(words) > 1:  # "Profondément préoccupée"
        first = words[1].casefold()
    if first.endswith("ly") and len(words) > 1:  # "Deeply concerned"
        first = words[1].casefold()
    return first in ("having", "ayant", "bearing") or first.endswith(_PREAMBULAR_ENDINGS)
