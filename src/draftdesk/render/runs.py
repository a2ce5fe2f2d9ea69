"""Turning inline items into final runs: end punctuation, note placement, typography."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from draftdesk.language import (
    apply_english_typography,
    apply_french_typography,
    superscript_spans,
)
from draftdesk.model.inline import FootnoteRef, Inline, Text
from draftdesk.render.layout import Run

PUNCTUATION = ",;:."
_FRENCH_SPACE_BEFORE = {";": "\u202f", "!": "\u202f", "?": "\u202f", ":": "\u00a0"}


@dataclass(slots=True)
class _Piece:
    """A mutable text piece or a footnote mark while runs are being assembled."""

    text: str = ""
    italic: bool = False
    superscript: bool = False
    bold: bool = False
    note: str | None = None


def finish_runs(
    items: Sequence[Text | FootnoteRef],
    lang: str,
    terminator: str = "",
    *,
    bold: bool = False,
    place_marks: bool = True,
) -> list[Run]:
    """Final runs of a paragraph in `lang`, with `terminator` applied by rule.

    Typed end punctuation is replaced by the terminator; footnote marks go after
    punctuation in English and before it in French (UN Editorial Manual) unless
    `place_marks` is False (masthead lines, where the sponsors' "*" stays on the name);
    French gets its no-break spaces and raised ordinal suffixes.
    """
    pieces = [
        _Piece(note=item.footnote_id)
        if isinstance(item, FootnoteRef)
        else _Piece(item.text, item.italic, item.superscript, bold)
        for item in items
    ]
    if terminator and any(piece.text.strip() for piece in pieces if piece.note is None):
        # A paragraph with no words yet (just inserted, or not translated) shows its number
        # alone rather than "1. ." or "1. ;".
        _apply_terminator(pieces, lang, terminator, bold)
    if place_marks:
        _place_marks(pieces, lang)
    runs: list[Run] = []
    for piece in pieces:
        if piece.note is not None:
            runs.append(Run("", superscript=True, note=piece.note))
        elif piece.text:
            runs.extend(_typeset(piece, lang))
    return _merge(runs)


_Entry = tuple[tuple[object, ...], list[Inline], tuple[Run, ...]]


class RunCache:
    """Finished runs by their inputs, kept from one render of a language to the next.

    `finish_runs` is a pure function of its arguments, and an edit changes one paragraph
    at a time, so a re-render finishes only what changed. Entries unused for a whole
    render are dropped, which bounds the cache to about two renders' worth.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._current: dict[tuple[object, ...], tuple[Run, ...]] = {}
        self._previous: dict[tuple[object, ...], tuple[Run, ...]] = {}
        self._paragraphs: dict[str, _Entry] = {}
        self._old_paragraphs: dict[str, _Entry] = {}

    def start(self) -> None:
        """Begin a render: what the last render did not use is forgotten after this one."""
        self._previous, self._current = self._current, {}
        self._old_paragraphs, self._paragraphs = self._paragraphs, {}

    def finish(
        self,
        items: Sequence[Text | FootnoteRef],
        lang: str,
        terminator: str = "",
        *,
        bold: bool = False,
        place_marks: bool = True,
    ) -> list[Run]:
        """Same as `finish_runs`, from the cache when these inputs were finished before."""
        key = (tuple(items), lang, terminator, bold, place_marks)
        runs = self._current.get(key)
        if runs is None:
            runs = self._previous.get(key)
            if runs is None:
                runs = tuple(
                    finish_runs(items, lang, terminator, bold=bold, place_marks=place_marks)
                )
            self._current[key] = runs
        return list(runs)  # a fresh list: footnote numbering replaces marks in place

    def paragraph(
        self,
        ident: str,
        signature: tuple[object, ...],
        text: list[Inline],
        items: Callable[[], Sequence[Text | FootnoteRef]],
        terminator: str,
    ) -> list[Run]:
        """Paragraph `ident`'s finished runs, resolving `items` only when the paragraph
        is new or its `signature` (all else its items depend on) or `text` changed.

        Checked by equality rather than by hashing: comparing a text with its stored copy
        mostly compares identical objects, far cheaper than hashing every item.
        """
        entry = self._paragraphs.get(ident) or self._old_paragraphs.get(ident)
        if entry is None or entry[0] != signature or entry[1] != text:
            finished = tuple(self.finish(items(), self.lang, terminator))
            entry = (signature, list(text), finished)
        self._paragraphs[ident] = entry
        return list(entry[2])


def _apply_terminator(pieces: list[_Piece], lang: str, terminator: str, bold: bool) -> None:
    last_text = next((i for i in range(len(pieces) - 1, -1, -1) if pieces[i].note is None), None)
    if last_text is not None:
        piece = pieces[last_text]
        piece.text = piece.text.rstrip().rstrip(PUNCTUATION).rstrip()
    if lang == "fr":
        spaced = _FRENCH_SPACE_BEFORE.get(terminator, "") + terminator
        pieces.append(_Piece(spaced, bold=bold))
    elif last_text is None:
        pieces.append(_Piece(terminator, bold=bold))
    else:
        pieces.insert(last_text + 1, _Piece(terminator, bold=bold))


def _place_marks(pieces: list[_Piece], lang: str) -> None:
    """Move punctuation across footnote marks: after it in English, before it in French."""
    index = 0
    while index < len(pieces):
        if pieces[index].note is None:
            index += 1
            continue
        end = index
        while end + 1 < len(pieces) and pieces[end + 1].note is not None:
            end += 1
        before = pieces[index - 1] if index > 0 and pieces[index - 1].note is None else None
        after = pieces[end + 1] if end + 1 < len(pieces) else None
        if lang == "en" and after is not None and after.text[:1] in PUNCTUATION and after.text:
            mark = after.text[0]
            after.text = after.text[1:]
            if before is not None:
                before.text = before.text.rstrip() + mark
            else:
                pieces.insert(index, _Piece(mark))
                end += 1
        elif lang == "fr" and before is not None:
            stripped = before.text.rstrip()
            if stripped and stripped[-1] in ",.":
                before.text = stripped[:-1]
                following = after.text if after is not None else ""
                if after is not None:
                    after.text = stripped[-1] + following
                else:
                    pieces.append(_Piece(stripped[-1]))
        index = end + 1


def _typeset(piece: _Piece, lang: str) -> list[Run]:
    if lang == "fr":
        text = apply_french_typography(piece.text)
    else:
        text = apply_english_typography(piece.text)
    if lang != "fr" or piece.superscript:
        return [Run(text, piece.italic, piece.bold, piece.superscript)]
    runs: list[Run] = []
    cursor = 0
    for start, end in superscript_spans(text):
        if start > cursor:
            runs.append(Run(text[cursor:start], piece.italic, piece.bold))
        runs.append(Run(text[start:end], piece.italic, piece.bold, True))
        cursor = end
    if cursor < len(text):
        runs.append(Run(text[cursor:], piece.italic, piece.bold))
    return runs


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not run.is_note
            and not last.is_note
            and (last.italic, last.bold, last.superscript)
            == (run.italic, run.bold, run.superscript)
        ):
            merged[-1] = Run(last.text + run.text, last.italic, last.bold, last.superscript)
        elif run.text or run.is_note:
            merged.append(run)
    return merged
