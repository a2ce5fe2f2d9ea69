"""The imported document rendered and read against its source: every difference reported."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from draftdesk.export.text import runs_text
from draftdesk.importers.build import Built
from draftdesk.importers.itemize import plain
from draftdesk.importers.result import Change, ChangeKind, ImportItem, ImportResult, ItemKind
from draftdesk.packs.model import Pack
from draftdesk.render.builder import build_layout
from draftdesk.render.layout import Block, BlockRole, Layout

_MARK = re.compile(r"\[([^\]\s]{1,12})\]")
_SPACE_BEFORE = re.compile(r"\s+([;:!?»])")
_SPACE_AFTER = re.compile(r"([«])\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_HEADER_KINDS = (ItemKind.MASTHEAD, ItemKind.SPONSORS, ItemKind.TITLE, ItemKind.OPENING)


@dataclass(slots=True)
class RenderCheck:
    """How the document prints compared with the source it was imported from."""

    layout: Layout
    changes: list[tuple[str, Change]] = field(default_factory=list)  # (item id, change)
    added: list[str] = field(default_factory=list)  # lines the pack prints the source lacked
    not_kept: list[ImportItem] = field(default_factory=list)  # source lines with no place


def check_rendering(result: ImportResult, built: Built, pack: Pack) -> RenderCheck:
    """Render the built document and list where it differs from the source, word by word."""
    layout = build_layout(built.document, pack, result.lang)
    check = RenderCheck(layout)
    marks = {note.footnote_id: note.mark for note in layout.notes}
    by_key = {key: marks.get(ident, "?") for key, ident in built.footnote_keys.items()}
    items = {item.id: item for item in result.items}
    used: set[str] = set()
    header = _header_sources(result)
    for block in layout.blocks:
        if block.paragraph_id in built.paragraph_items:
            item_id = built.paragraph_items[block.paragraph_id]
            used.add(item_id)
            source = built.source_texts[block.paragraph_id]
            rendered = (
                f"{block.label} {runs_text(block.runs)}" if block.label else runs_text(block.runs)
            )
            _compare(check, items[item_id], source, rendered, by_key)
            continue
        key = _block_key(block)
        found = header.pop(key, None)
        if found is None:
            if block.role in (BlockRole.MASTHEAD, BlockRole.OPENING) and block.text.strip():
                check.added.append(block.text)
            continue
        first, source = found
        used.update(item.id for item in first)
        _compare(check, first[0], source, runs_text(block.runs), by_key)
    for item in result.items:
        if item.id in used or item.kind in (ItemKind.IGNORED, ItemKind.CONTINUATION):
            continue
        if item.kind in _body_kinds() or (
            item.kind is ItemKind.ANNEX_HEADING and not _titled(result, item)
        ):
            continue
        if item.values.get("stored", True) and item.key in ("org", "organ", "on", "job"):
            continue  # printed by the pack from the body, or page furniture
        if item.key in ("reference", "separator") and item.id in used:
            continue
        check.not_kept.append(item)
    return check


def _titled(result: ImportResult, heading: ImportItem) -> bool:
    """An annex heading ("Annex I") followed by a title: only the title is printed."""
    index = result.items.index(heading)
    following = result.items[index + 1] if index + 1 < len(result.items) else None
    return (
        heading.key == "heading"
        and following is not None
        and following.kind is ItemKind.ANNEX_HEADING
        and following.key == "title"
    )


def _body_kinds() -> tuple[ItemKind, ...]:
    return (ItemKind.PREAMBULAR, ItemKind.OPERATIVE, ItemKind.SUBPARAGRAPH, ItemKind.ANNEX)


def _header_sources(result: ImportResult) -> dict[str, tuple[list[ImportItem], str]]:
    """Source lines by the layout key that prints them ("title" joins a split title)."""
    found: dict[str, tuple[list[ImportItem], str]] = {}
    for item in result.items:
        if item.kind is ItemKind.TITLE:
            key = "title"
        elif item.kind is ItemKind.SPONSORS:
            key = "sponsors"
        elif item.kind is ItemKind.OPENING:
            key = "opening"
        elif item.kind in (ItemKind.MASTHEAD, ItemKind.CLOSING) and item.key:
            key = item.key
        else:
            continue
        text = item.plain if item.kind is ItemKind.SPONSORS else plain(item.content)
        if key in found:
            items, joined = found[key]
            found[key] = ([*items, item], f"{joined} {text}")
        else:
            found[key] = ([item], text)
    return found


def _block_key(block: Block) -> str:
    if block.role is BlockRole.OPENING:
        return "opening"
    if block.role is BlockRole.TITLE:
        return "title"
    if block.role is BlockRole.SPONSORS:
        return "sponsors"
    return block.key


def _compare(
    check: RenderCheck, item: ImportItem, source: str, rendered: str, marks: dict[str, str]
) -> None:
    before = _tokens(_MARK.sub(lambda m: f"[{marks.get(m.group(1), m.group(1))}]", source))
    after = _tokens(rendered)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = " ".join(before[i1:i2]), " ".join(after[j1:j2])
        check.changes.append(
            (
                item.id,
                Change(
                    ChangeKind.RENDERED, item.where, old, new, _why(item, before, i1, i2, old, new)
                ),
            )
        )


def _why(item: ImportItem, before: list[str], i1: int, i2: int, old: str, new: str) -> str:
    if item.label and i1 == 0:
        return "the paragraph number as DraftDesk prints it"
    if _MARK.search(old) and sorted(old) == sorted(new):
        return "a footnote mark goes after punctuation in English, before it in French"
    if i2 >= len(before) and old.rstrip(",;:.") == new.rstrip(",;:."):
        return "the end punctuation the house style sets"
    opener_words = len(item.opener_text.split()) + (1 if item.label else 0)
    if item.opener and i1 < opener_words:
        return "the opener as the phrase library writes it for this body"
    if item.kind is ItemKind.OPENING:
        return "the opening formula as the pack writes it"
    return "as DraftDesk's rules print it"


def _tokens(text: str) -> list[str]:
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2011", "-")
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return text.translate(_QUOTES).split()
