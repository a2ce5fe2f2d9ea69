"""Edits as undoable commands; the GUI wraps them and tests call them directly."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Protocol

from draftdesk.errors import CommandError
from draftdesk.model.document import (
    LANGUAGES,
    MAX_SUBPARAGRAPH_DEPTH,
    Document,
    Footnote,
    Metadata,
    Paragraph,
    Part,
    Provenance,
)
from draftdesk.model.inline import Inline, referenced_footnotes, referenced_paragraphs
from draftdesk.packs.model import Pack


class Command(Protocol):
    """An edit that can be applied to a document and reverted exactly."""

    @property
    def name(self) -> str:
        """What the Edit menu calls it ("Undo Move paragraph")."""
        ...

    def apply(self, document: Document) -> None:
        """Make the change; raise CommandError (changing nothing) if it cannot be made."""
        ...

    def revert(self, document: Document) -> None:
        """Undo the change made by the last apply."""
        ...


def new_document(pack: Pack, body: str, *, source_language: str = "en") -> Document:
    """An empty resolution for a body of `pack`, in both languages."""
    if body not in pack.bodies:
        raise CommandError(
            f"{body!r} is not a body of pack {pack.id!r} (bodies: {', '.join(pack.bodies)})"
        )
    if source_language not in LANGUAGES:
        raise CommandError(f"unknown language {source_language!r}")
    return Document(
        Metadata(
            pack=pack.id,
            pack_version=pack.version,
            body=body,
            languages=list(pack.languages),
            source_language=source_language,
            original_language=source_language,
        )
    )


def new_paragraph_id(document: Document, prefix: str = "p") -> str:
    """A fresh id not used by any paragraph, annex or footnote of the document."""
    used = document.ids() | {f.id for f in document.footnotes} | {a.id for a in document.annexes}
    number = len(used) + 1
    while f"{prefix}-{number}" in used:
        number += 1
    return f"{prefix}-{number}"


@dataclass(slots=True)
class InsertParagraph:
    """Insert a paragraph into a part (or as a sub-paragraph of `parent_id`) at `index`."""

    paragraph: Paragraph
    part: Part
    index: int
    parent_id: str | None = None
    annex_id: str | None = None
    name: str = "Insert paragraph"

    def _siblings(self, document: Document) -> list[Paragraph]:
        if self.parent_id is None:
            return document.part_list(self.part, self.annex_id)
        parent = document.find_paragraph(self.parent_id)
        if parent is None:
            raise CommandError(f"no paragraph {self.parent_id!r}")
        if document.depth(self.parent_id) >= MAX_SUBPARAGRAPH_DEPTH:
            raise CommandError(f"sub-paragraphs nest at most {MAX_SUBPARAGRAPH_DEPTH} levels")
        return parent.children

    def apply(self, document: Document) -> None:
        clash = {p.id for p in self.paragraph.walk()} & document.ids()
        if clash:
            raise CommandError(f"id {sorted(clash)[0]!r} is already used")
        siblings = self._siblings(document)
        if not 0 <= self.index <= len(siblings):
            raise CommandError(f"position {self.index} is outside 0-{len(siblings)}")
        siblings.insert(self.index, self.paragraph)

    def revert(self, document: Document) -> None:
        siblings, index, _ = document.locate(self.paragraph.id)
        del siblings[index]


@dataclass(slots=True)
class DeleteParagraph:
    """Delete a paragraph with its sub-paragraphs; refused while others refer to it."""

    paragraph_id: str
    name: str = "Delete paragraph"
    _removed: Paragraph | None = None
    _where: tuple[list[Paragraph], int] | None = None

    def apply(self, document: Document) -> None:
        try:
            siblings, index, _ = document.locate(self.paragraph_id)
        except KeyError:
            raise CommandError(f"no paragraph {self.paragraph_id!r}") from None
        doomed = {p.id for p in siblings[index].walk()}
        for paragraph in document.all_paragraphs():
            if paragraph.id in doomed:
                continue
            for items in paragraph.text.values():
                targets = set(referenced_paragraphs(items)) & doomed
                if targets:
                    raise CommandError(
                        f"paragraph {sorted(targets)[0]!r} is cross-referenced from paragraph "
                        f"{paragraph.id!r}: remove that reference first"
                    )
        self._removed = siblings.pop(index)
        self._where = (siblings, index)

    def revert(self, document: Document) -> None:
        assert self._where is not None and self._removed is not None
        siblings, index = self._where
        siblings.insert(index, self._removed)


@dataclass(slots=True)
class MoveParagraph:
    """Move a paragraph to another position among its siblings (numbers follow)."""

    paragraph_id: str
    new_index: int
    name: str = "Move paragraph"
    _old_index: int = -1

    def apply(self, document: Document) -> None:
        try:
            siblings, index, _ = document.locate(self.paragraph_id)
        except KeyError:
            raise CommandError(f"no paragraph {self.paragraph_id!r}") from None
        if not 0 <= self.new_index < len(siblings):
            raise CommandError(f"position {self.new_index} is outside 0-{len(siblings) - 1}")
        self._old_index = index
        siblings.insert(self.new_index, siblings.pop(index))

    def revert(self, document: Document) -> None:
        siblings, index, _ = document.locate(self.paragraph_id)
        siblings.insert(self._old_index, siblings.pop(index))


@dataclass(slots=True)
class SetText:
    """Replace one language's text of a paragraph, keeping translation provenance."""

    paragraph_id: str
    lang: str
    items: list[Inline]
    name: str = "Edit text"
    _before: tuple[list[Inline] | None, Provenance | None] | None = None

    def apply(self, document: Document) -> None:
        paragraph = _paragraph(document, self.paragraph_id)
        _check_references(document, self.items, self.paragraph_id)
        self._before = (
            paragraph.text.get(self.lang),
            copy.copy(paragraph.provenance.get(self.lang)),
        )
        paragraph.text[self.lang] = list(self.items)
        source = document.metadata.source_language
        rev = paragraph.revision(self.lang) + 1
        if self.lang == source:
            paragraph.provenance[self.lang] = Provenance(rev=rev)
        else:
            # Editing a translation brings it up to date with the current source text.
            paragraph.provenance[self.lang] = Provenance(rev, source, paragraph.revision(source))

    def revert(self, document: Document) -> None:
        assert self._before is not None
        paragraph = _paragraph(document, self.paragraph_id)
        text, provenance = self._before
        _restore(paragraph.text, self.lang, text)
        _restore(paragraph.provenance, self.lang, provenance)

    def merge(self, other: object) -> bool:
        """Absorb a later, already applied edit of the same paragraph and language.

        Typing sends one SetText per keystroke; merged, they undo as one step while this
        command keeps the state from before the first keystroke.
        """
        if not (
            isinstance(other, SetText)
            and other.paragraph_id == self.paragraph_id
            and other.lang == self.lang
        ):
            return False
        self.items = list(other.items)
        return True


@dataclass(slots=True)
class SetParagraphField:
    """Set the opener, clause or slot values of a paragraph."""

    paragraph_id: str
    field_name: str  # "opener" | "clause" | "slots"
    value: Any
    name: str = "Change clause"
    _before: Any = None

    def apply(self, document: Document) -> None:
        if self.field_name not in ("opener", "clause", "slots"):
            raise CommandError(f"{self.field_name!r} cannot be set on a paragraph")
        paragraph = _paragraph(document, self.paragraph_id)
        self._before = copy.deepcopy(getattr(paragraph, self.field_name))
        setattr(paragraph, self.field_name, copy.deepcopy(self.value))

    def revert(self, document: Document) -> None:
        setattr(_paragraph(document, self.paragraph_id), self.field_name, self._before)

    def merge(self, other: object) -> bool:
        """Absorb a later, already applied change of the same field (typing in a slot)."""
        if not (
            isinstance(other, SetParagraphField)
            and other.paragraph_id == self.paragraph_id
            and other.field_name == self.field_name
        ):
            return False
        self.value = copy.deepcopy(other.value)
        return True


@dataclass(slots=True)
class AddFootnote:
    """Add a footnote (it gets its number when first referenced)."""

    footnote: Footnote
    name: str = "Add footnote"

    def apply(self, document: Document) -> None:
        if document.footnote(self.footnote.id) is not None:
            raise CommandError(f"footnote {self.footnote.id!r} already exists")
        document.footnotes.append(self.footnote)

    def revert(self, document: Document) -> None:
        document.footnotes.remove(self.footnote)


@dataclass(slots=True)
class SetMetadata:
    """Set one metadata field (symbol, session, title …)."""

    field_name: str
    value: Any
    name: str = "Edit details"
    _before: Any = None

    def apply(self, document: Document) -> None:
        if not hasattr(document.metadata, self.field_name):
            raise CommandError(f"{self.field_name!r} is not a metadata field")
        self._before = copy.deepcopy(getattr(document.metadata, self.field_name))
        setattr(document.metadata, self.field_name, copy.deepcopy(self.value))

    def revert(self, document: Document) -> None:
        setattr(document.metadata, self.field_name, self._before)

    def merge(self, other: object) -> bool:
        """Absorb a later, already applied edit of the same field (typing in a form)."""
        if not (isinstance(other, SetMetadata) and other.field_name == self.field_name):
            return False
        self.value = copy.deepcopy(other.value)
        return True


@dataclass(slots=True)
class Editor:
    """A document with its undo and redo history; every edit goes through `execute`."""

    document: Document
    undo_stack: list[Command] = field(default_factory=list)
    redo_stack: list[Command] = field(default_factory=list)
    changes: int = 0  # edits since the last save; 0 means "saved"
    # The last command typing may extend, when and at which `changes` count it was recorded.
    _merge_target: Command | None = None
    _merge_time: float = 0.0
    _merge_changes: int = 0

    def execute(self, command: Command) -> None:
        """Apply a command and record it; a refused command changes nothing."""
        command.apply(self.document)
        self.undo_stack.append(command)
        self.redo_stack.clear()
        self.changes += 1

    def undo(self) -> str | None:
        """Revert the last command; returns its name, or None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        command = self.undo_stack.pop()
        command.revert(self.document)
        self.redo_stack.append(command)
        self.changes -= 1
        return command.name

    def redo(self) -> str | None:
        """Re-apply the last undone command; returns its name, or None."""
        if not self.redo_stack:
            return None
        command = self.redo_stack.pop()
        command.apply(self.document)
        self.undo_stack.append(command)
        self.changes += 1
        return command.name

    def execute_merging(self, command: Command, *, now: float, window: float = 2.0) -> bool:
        """Execute `command`, folding it into the previous one when typing continues.

        It merges when the previous command is still the last one done, nothing was saved,
        undone or redone since, it came less than `window` seconds before `now`, and it
        accepts the new one (`merge`). Returns True when merged (one undo step for both).
        """
        target = self._merge_target
        mergeable = (
            target is not None
            and self.undo_stack
            and self.undo_stack[-1] is target
            and self.changes == self._merge_changes
            and not self.redo_stack
            and 0 <= now - self._merge_time < window
        )
        if mergeable and target is not None:
            command.apply(self.document)
            merge = getattr(target, "merge", None)
            if merge is not None and merge(command):
                self._merge_time = now
                return True
            # Not mergeable after all: record it as its own step (it is already applied).
            self.undo_stack.append(command)
            self.redo_stack.clear()
            self.changes += 1
        else:
            self.execute(command)
        self._merge_target = command
        self._merge_time = now
        self._merge_changes = self.changes
        return False

    def close_merging(self) -> None:
        """Make the next typing start a new undo step (a pause, a click elsewhere)."""
        self._merge_target = None

    @property
    def modified(self) -> bool:
        """True when the document differs from what was last saved."""
        return self.changes != 0

    def mark_saved(self) -> None:
        """Record that the document as it is now has been saved."""
        self.changes = 0


def _paragraph(document: Document, paragraph_id: str) -> Paragraph:
    paragraph = document.find_paragraph(paragraph_id)
    if paragraph is None:
        raise CommandError(f"no paragraph {paragraph_id!r}")
    return paragraph


def _check_references(document: Document, items: list[Inline], paragraph_id: str) -> None:
    for ident in referenced_footnotes(items):
        if document.footnote(ident) is None:
            raise CommandError(f"unknown footnote {ident!r}")
    for ident in referenced_paragraphs(items):
        if ident == paragraph_id or document.find_paragraph(ident) is None:
            raise CommandError(f"cannot refer to paragraph {ident!r}")


def _restore(mapping: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        mapping.pop(key, None)
    else:
        mapping[key] = value
