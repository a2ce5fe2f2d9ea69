"""Applying the fixes of findings as undoable commands ("Fix", "Fix all of this kind").

A fix corrects form, not meaning (a space, an ordinal, a spelling, a typed number), so it
leaves the translation records alone: fixing a typo in the English does not make the
French stale, and fixing the French does not mark it as brought up to date.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from draftdesk.commands import Command
from draftdesk.errors import CommandError
from draftdesk.model.document import Document, Paragraph
from draftdesk.model.inline import Inline
from draftdesk.proofing.findings import (
    Finding,
    OpenerChange,
    Target,
    TextEdit,
    editor_text,
    replace_in_string,
    replace_span,
)

_Key = tuple[Target, str | None, str | None, str | None, str]


def same_kind(findings: Iterable[Finding], example: Finding) -> list[Finding]:
    """The fixable findings of the same kind as `example` (same rule, same flagged text)."""
    return [f for f in findings if f.fix is not None and f.kind == example.kind]


@dataclass(slots=True)
class ApplyFixes:
    """Apply the fixes of several findings as one edit that undoes in one step.

    Fixes are applied from the end of each text backwards so offsets stay valid; a fix
    overlapping one already applied is left out. If any text changed since it was checked
    the command refuses (CommandError) and changes nothing: check again, then fix.
    """

    findings: list[Finding]
    name: str = "Fix"
    _before: list[tuple[_Key, Any]] = field(default_factory=list)

    def apply(self, document: Document) -> None:
        fixable = [f for f in self.findings if f.fix is not None]
        if not fixable:
            raise CommandError("none of these findings has an automatic fix")
        groups: dict[_Key, list[Finding]] = {}
        for finding in fixable:
            key = (
                finding.target,
                finding.paragraph_id,
                finding.footnote_id,
                finding.slot,
                finding.lang,
            )
            groups.setdefault(key, []).append(finding)
        self._before = [(key, _snapshot(document, key)) for key in groups]
        try:
            for key, group in groups.items():
                _apply_group(document, key, group)
        except CommandError:
            self.revert(document)
            raise

    def revert(self, document: Document) -> None:
        for key, state in reversed(self._before):
            _restore(document, key, state)


def fix_command(findings: Iterable[Finding], name: str = "Fix") -> Command:
    """The command applying these findings' fixes (for `Editor.execute`)."""
    return ApplyFixes(list(findings), name)


def _paragraph(document: Document, paragraph_id: str | None) -> Paragraph:
    paragraph = document.find_paragraph(paragraph_id) if paragraph_id else None
    if paragraph is None:
        raise CommandError(f"no paragraph {paragraph_id!r}")
    return paragraph


def _snapshot(document: Document, key: _Key) -> Any:
    target, paragraph_id, footnote_id, _, lang = key
    if target is Target.TEXT:
        paragraph = _paragraph(document, paragraph_id)
        return (copy.copy(paragraph.text.get(lang)), paragraph.opener)
    if target is Target.FOOTNOTE:
        footnote = document.footnote(footnote_id or "")
        if footnote is None:
            raise CommandError(f"no footnote {footnote_id!r}")
        return copy.copy(footnote.text.get(lang))
    if target is Target.SLOT:
        return copy.deepcopy(_paragraph(document, paragraph_id).slots)
    if target is Target.TITLE:
        return document.metadata.title.get(lang)
    raise CommandError(f"findings on the {target.value} have no automatic fix")


def _restore(document: Document, key: _Key, state: Any) -> None:
    target, paragraph_id, footnote_id, _, lang = key
    if target is Target.TEXT:
        paragraph = _paragraph(document, paragraph_id)
        items, opener = state
        _put(paragraph.text, lang, items)
        paragraph.opener = opener
    elif target is Target.FOOTNOTE:
        footnote = document.footnote(footnote_id or "")
        if footnote is not None:
            _put(footnote.text, lang, state)
    elif target is Target.SLOT:
        _paragraph(document, paragraph_id).slots = state
    elif target is Target.TITLE:
        _put(document.metadata.title, lang, state)


def _put(mapping: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        mapping.pop(key, None)
    else:
        mapping[key] = value


def _apply_group(document: Document, key: _Key, group: list[Finding]) -> None:
    target, paragraph_id, footnote_id, slot, lang = key
    ordered = sorted(group, key=lambda f: (_span(f)[0], _span(f)[1]), reverse=True)
    if target in (Target.TEXT, Target.FOOTNOTE):
        holder: dict[str, list[Inline]]
        if target is Target.TEXT:
            holder = _paragraph(document, paragraph_id).text
        else:
            footnote = document.footnote(footnote_id or "")
            assert footnote is not None  # _snapshot checked it
            holder = footnote.text
        items = list(holder.get(lang, []))
        limit: int | None = None
        for finding in ordered:
            start, end = _span(finding)
            if limit is not None and end > limit:
                continue  # overlaps a fix already applied
            _check_original(editor_text(items), finding)
            items = replace_span(items, start, end, _replacement(finding))
            if isinstance(finding.fix, OpenerChange):
                _paragraph(document, paragraph_id).opener = finding.fix.opener
            limit = start
        holder[lang] = items
        return
    if target is Target.SLOT:
        paragraph = _paragraph(document, paragraph_id)
        value = paragraph.slots.get(slot or "")
        text = value.get(lang) if isinstance(value, dict) else value
        if not isinstance(text, str):
            raise CommandError(f"slot {slot!r} of paragraph {paragraph_id!r} holds no text")
        text = _edit_string(text, ordered)
        paragraph.slots[slot or ""] = {**value, lang: text} if isinstance(value, dict) else text
        return
    title = document.metadata.title.get(lang, "")
    document.metadata.title[lang] = _edit_string(title, ordered)


def _edit_string(text: str, ordered: list[Finding]) -> str:
    limit: int | None = None
    for finding in ordered:
        start, end = _span(finding)
        if limit is not None and end > limit:
            continue
        _check_original(text, finding)
        text = replace_in_string(text, start, end, _replacement(finding))
        limit = start
    return text


def _span(finding: Finding) -> tuple[int, int]:
    fix = finding.fix
    assert fix is not None
    return fix.start, fix.end


def _replacement(finding: Finding) -> str:
    return finding.fix.replacement if isinstance(finding.fix, TextEdit) else ""


def _check_original(text: str, finding: Finding) -> None:
    fix = finding.fix
    assert fix is not None
    if text[fix.start : fix.end] != fix.original:
        where = finding.paragraph_id or finding.footnote_id or finding.target.value
        raise CommandError(
            f"{where} ({finding.lang.upper()}) has changed since it was checked: check again"
        )
