"""More undoable edits for the desktop editor: compound steps, footnote text, re-parenting."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from draftdesk.commands import Command, new_paragraph_id
from draftdesk.errors import CommandError, DraftDeskError
from draftdesk.model.document import (
    MAX_SUBPARAGRAPH_DEPTH,
    Document,
    Footnote,
    Paragraph,
    Part,
)
from draftdesk.model.inline import (
    Inline,
    parse_inline,
    referenced_footnotes,
    referenced_paragraphs,
)
from draftdesk.packs.model import Pack
from draftdesk.render.paragraphs import join_items
from draftdesk.render.sandbox import TemplateRenderer
from draftdesk.render.slots import slot_context


@dataclass(slots=True)
class Compound:
    """Several commands applied as one undo step ("Insert footnote" = add note + set text).

    If one command is refused, those already applied are reverted, so a refused compound
    changes nothing, like any other command.
    """

    commands: list[Command]
    name: str = "Edit"

    def apply(self, document: Document) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.apply(document)
                done.append(command)
        except CommandError:
            for command in reversed(done):
                command.revert(document)
            raise

    def revert(self, document: Document) -> None:
        for command in reversed(self.commands):
            command.revert(document)


@dataclass(slots=True)
class SetFootnoteText:
    """Replace one language's text of a footnote (merges while the user types)."""

    footnote_id: str
    lang: str
    items: list[Inline]
    name: str = "Edit footnote"
    _before: list[Inline] | None = None

    def apply(self, document: Document) -> None:
        note = _footnote(document, self.footnote_id)
        if self.footnote_id in referenced_footnotes(self.items):
            raise CommandError(f"footnote {self.footnote_id!r} cannot refer to itself")
        self._before = note.text.get(self.lang)
        note.text[self.lang] = list(self.items)

    def revert(self, document: Document) -> None:
        note = _footnote(document, self.footnote_id)
        if self._before is None:
            note.text.pop(self.lang, None)
        else:
            note.text[self.lang] = self._before

    def merge(self, other: object) -> bool:
        """Absorb a later edit of the same footnote and language."""
        if not (
            isinstance(other, SetFootnoteText)
            and other.footnote_id == self.footnote_id
            and other.lang == self.lang
        ):
            return False
        self.items = list(other.items)
        return True


@dataclass(slots=True)
class RemoveFootnote:
    """Remove a footnote nobody refers to any more; refused while it is referenced."""

    footnote_id: str
    name: str = "Delete footnote"
    _removed: Footnote | None = None
    _index: int = -1

    def apply(self, document: Document) -> None:
        note = _footnote(document, self.footnote_id)
        users = footnote_users(document, self.footnote_id)
        if users:
            raise CommandError(
                f"footnote {self.footnote_id!r} is still used in {users[0]}: "
                "remove its marks first"
            )
        self._index = document.footnotes.index(note)
        self._removed = document.footnotes.pop(self._index)

    def revert(self, document: Document) -> None:
        assert self._removed is not None
        document.footnotes.insert(self._index, self._removed)


@dataclass(slots=True)
class ReparentParagraph:
    """Move a paragraph under another parent (or to the top level) of the same part.

    This is how a paragraph becomes a sub-paragraph of the one above it (indent) or
    leaves its parent (outdent); numbers and labels follow because they are computed.
    """

    paragraph_id: str
    parent_id: str | None
    index: int
    name: str = "Move paragraph"
    _origin: tuple[Part, str | None, int] | None = None

    def apply(self, document: Document) -> None:
        try:
            siblings, old_index, old_parent = document.locate(self.paragraph_id)
        except KeyError:
            raise CommandError(f"no paragraph {self.paragraph_id!r}") from None
        part = document.part_of(self.paragraph_id)
        if part is Part.ANNEX:
            raise CommandError("annex paragraphs are rearranged within their annex")
        moving = siblings[old_index]
        if self.parent_id is None:
            target = document.part_list(part)
        else:
            parent = document.find_paragraph(self.parent_id)
            if parent is None:
                raise CommandError(f"no paragraph {self.parent_id!r}")
            if any(p.id == self.parent_id for p in moving.walk()):
                raise CommandError("a paragraph cannot go under itself")
            if document.part_of(self.parent_id) is not part:
                raise CommandError("a paragraph stays in its part (preamble or operative)")
            if document.depth(self.parent_id) + 1 + _height(moving) > MAX_SUBPARAGRAPH_DEPTH:
                raise CommandError(f"sub-paragraphs nest at most {MAX_SUBPARAGRAPH_DEPTH} levels")
            target = parent.children
        bound = len(target) - (1 if target is siblings else 0)
        if not 0 <= self.index <= bound:
            raise CommandError(f"position {self.index} is outside 0-{bound}")
        self._origin = (part, old_parent.id if old_parent else None, old_index)
        siblings.pop(old_index)
        target.insert(self.index, moving)

    def revert(self, document: Document) -> None:
        assert self._origin is not None
        part, parent_id, index = self._origin
        siblings, current, _ = document.locate(self.paragraph_id)
        moving = siblings.pop(current)
        if parent_id is None:
            document.part_list(part).insert(index, moving)
        else:
            parent = document.find_paragraph(parent_id)
            assert parent is not None  # it existed when the paragraph left it
            parent.children.insert(index, moving)


def footnote_users(document: Document, footnote_id: str) -> list[str]:
    """Where a footnote is referenced: "paragraph 'op-3' (EN)", the sponsors line …"""
    users: list[str] = []
    if document.metadata.sponsors_note == footnote_id:
        users.append("the sponsors line")
    for paragraph in document.all_paragraphs():
        for lang, items in paragraph.text.items():
            if footnote_id in referenced_footnotes(items):
                users.append(f"paragraph {paragraph.id!r} ({lang.upper()})")
        if footnote_id in paragraph.slots.values():
            users.append(f"paragraph {paragraph.id!r} (clause)")
    for note in document.footnotes:
        for lang, items in note.text.items():
            if footnote_id in referenced_footnotes(items):
                users.append(f"footnote {note.id!r} ({lang.upper()})")
    return users


def paragraphs_using(document: Document, footnote_id: str) -> list[str]:
    """Ids of the paragraphs whose text or clause refers to a footnote, in reading order."""
    found: list[str] = []
    for paragraph in document.all_paragraphs():
        in_text = any(
            footnote_id in referenced_footnotes(items) for items in paragraph.text.values()
        )
        if in_text or footnote_id in paragraph.slots.values():
            found.append(paragraph.id)
    return found


def new_footnote(document: Document, text: dict[str, list[Inline]]) -> Footnote:
    """A footnote with a fresh id and a copy of `text`."""
    return Footnote(new_paragraph_id(document, "fn"), copy.deepcopy(text))


def _footnote(document: Document, footnote_id: str) -> Footnote:
    note = document.footnote(footnote_id)
    if note is None:
        raise CommandError(f"no footnote {footnote_id!r}")
    return note


def _height(paragraph: Paragraph) -> int:
    """Levels of sub-paragraphs below a paragraph (0 when it has none)."""
    return 1 + max((_height(child) for child in paragraph.children), default=-1)


@dataclass(slots=True)
class ConvertClauseToText:
    """Replace a paragraph's clause and slot values by the text they print (one undo step).

    Made by `clause_to_text`, which renders the clause; the paragraph prints exactly as
    before, but its words become free text to edit. Translation provenance is kept: the
    words did not change, so no translation turns out of date.
    """

    paragraph_id: str
    opener: str | None
    text: dict[str, list[Inline]]
    name: str = "Convert to free text"
    _before: tuple[str | None, str | None, dict[str, Any], dict[str, list[Inline]]] | None = None

    def apply(self, document: Document) -> None:
        paragraph = document.find_paragraph(self.paragraph_id)
        if paragraph is None:
            raise CommandError(f"no paragraph {self.paragraph_id!r}")
        if not paragraph.clause:
            raise CommandError(f"paragraph {self.paragraph_id!r} has no clause to convert")
        for items in self.text.values():
            for ident in referenced_footnotes(items):
                if document.footnote(ident) is None:
                    raise CommandError(f"unknown footnote {ident!r}")
            for ident in referenced_paragraphs(items):
                if document.find_paragraph(ident) is None:
                    raise CommandError(f"cannot refer to paragraph {ident!r}")
        self._before = (
            paragraph.opener,
            paragraph.clause,
            copy.deepcopy(paragraph.slots),
            copy.deepcopy(paragraph.text),
        )
        paragraph.opener = self.opener
        paragraph.clause = None
        paragraph.slots = {}
        paragraph.text = copy.deepcopy(self.text)

    def revert(self, document: Document) -> None:
        assert self._before is not None
        paragraph = document.find_paragraph(self.paragraph_id)
        assert paragraph is not None
        paragraph.opener, paragraph.clause, slots, text = copy.deepcopy(self._before)
        paragraph.slots, paragraph.text = slots, text


def clause_to_text(document: Document, pack: Pack, paragraph_id: str) -> ConvertClauseToText:
    """The command turning a clause paragraph into free text that prints the same.

    The clause is rendered in every language of the document as the renderer does it
    (template, slot values, body agreement); the opener the clause implies becomes the
    paragraph's own, and the free text after the clause is kept after it. CommandError
    when the paragraph has no clause or the clause cannot be rendered (a required slot
    is empty): say so rather than convert half of it.
    """
    paragraph = document.find_paragraph(paragraph_id)
    if paragraph is None:
        raise CommandError(f"no paragraph {paragraph_id!r}")
    clause = pack.clauses.get(paragraph.clause) if paragraph.clause else None
    if clause is None:
        raise CommandError(f"paragraph {paragraph_id!r} has no clause of pack {pack.id!r}")
    body = pack.bodies[document.metadata.body]
    text: dict[str, list[Inline]] = {}
    for lang in document.metadata.languages:
        where = f"paragraph {paragraph_id!r} ({lang.upper()})"
        try:
            context = slot_context(clause, paragraph.slots, lang, pack, document, where=where)
            context.update(lang=lang, body_gender=body.gender, body_number=body.number)
            output = TemplateRenderer(lang, pack.entities).render(
                clause.templates[lang], context, where=f"{where}: clause {clause.key!r}"
            )
            items = parse_inline(" ".join(output.split()), where=where)
        except DraftDeskError as exc:
            raise CommandError(f"cannot convert: {exc}") from None
        text[lang] = join_items(items, paragraph.text.get(lang, []))
    return ConvertClauseToText(paragraph_id, paragraph.opener or clause.opener, text)
