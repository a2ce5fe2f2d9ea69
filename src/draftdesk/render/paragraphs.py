"""Resolving a paragraph (opener, clause, slots, text) into inline items in one language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

from draftdesk.errors import RenderError
from draftdesk.language import join_with_preposition, split_trailing_preposition
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.model.inline import CrossRef, FootnoteRef, Inline, Text, parse_inline
from draftdesk.numbering import ParagraphNumbers, cross_reference_text
from draftdesk.packs.model import Body, OpenerStyle, Pack
from draftdesk.render.sandbox import TemplateRenderer
from draftdesk.render.slots import slot_context

_SPACES = re.compile(r"\s+")
_NO_SPACE_BEFORE = (*",;:.)]’”»", "\u202f", "\u00a0")

Item = Text | FootnoteRef


@dataclass(slots=True)
class ParagraphRenderer:
    """Renders paragraphs of one document in one language with its pack and body."""

    document: Document
    pack: Pack
    body: Body
    lang: str
    numbers: ParagraphNumbers
    templates: TemplateRenderer

    def items(self, paragraph: Paragraph, part: Part) -> list[Item]:
        """The paragraph's text as items: styled opener, clause text, free text."""
        where = f"paragraph {paragraph.id!r} ({self.lang.upper()})"
        clause_items: list[Inline] = []
        opener_key = paragraph.opener
        if paragraph.clause:
            clause = self.pack.clauses.get(paragraph.clause)
            if clause is None:
                raise RenderError(
                    f"{where}: unknown clause {paragraph.clause!r} in pack {self.pack.id!r}"
                )
            expected = Part.PREAMBLE if part is Part.PREAMBLE else Part.OPERATIVE
            if clause.part is not expected:
                raise RenderError(
                    f"{where}: clause {clause.key!r} is a {clause.part.value} "
                    f"clause, not for the {part.value}"
                )
            context = slot_context(
                clause, paragraph.slots, self.lang, self.pack, self.document, where=where
            )
            context.update(
                lang=self.lang, body_gender=self.body.gender, body_number=self.body.number
            )
            output = self.templates.render(
                clause.templates[self.lang], context, where=f"{where}: clause {clause.key!r}"
            )
            clause_items = parse_inline(
                _SPACES.sub(" ", output).strip(), where=f"{where}: clause {clause.key!r}"
            )
            opener_key = opener_key or clause.opener
        elif paragraph.slots:
            raise RenderError(f"{where}: has slot values but no clause")
        body = join_items(
            self._resolve_cross_references(clause_items, paragraph.id),
            self._resolve_cross_references(paragraph.text.get(self.lang, []), paragraph.id),
        )
        if not opener_key:
            return body
        return self._with_opener(opener_key, part, body, where)

    def cache_key(self, paragraph: Paragraph, part: Part) -> tuple[object, ...] | None:
        """What `items` depends on besides the paragraph's text, when that is all; else None.

        A clause reads the document (entities, dates) and a cross-reference the numbers,
        so those paragraphs are never served from a cache.
        """
        if paragraph.clause or paragraph.slots:
            return None
        if any(isinstance(item, CrossRef) for item in paragraph.text.get(self.lang, ())):
            return None
        return (part, self.body.key, paragraph.opener)

    def _with_opener(self, key: str, part: Part, body: list[Item], where: str) -> list[Item]:
        phrase = self.pack.phrase(part, key)
        if phrase is None:
            raise RenderError(
                f"{where}: unknown opener {key!r} in the "
                f"{'preambular' if part is Part.PREAMBLE else 'operative'} "
                f"phrases of pack {self.pack.id!r}"
            )
        head, preposition = split_trailing_preposition(
            phrase.form(self.lang, self.body), self.lang
        )
        style = self.pack.style.opener_style(part)
        if style is OpenerStyle.CAPS:
            head = head.upper()
        italic = style is OpenerStyle.ITALIC
        opener: list[Item] = [Text(head, italic=italic)]
        if preposition is None:
            return join_items(opener, body)
        prep_italic = italic and self.pack.style.italic_preposition
        first = body[0] if body else None
        if self.lang == "fr" and isinstance(first, Text) and not first.italic:
            joined = join_with_preposition(preposition, first.text.lstrip())
            return [*opener, Text(" "), Text(joined, italic=prep_italic), *body[1:]]
        if isinstance(first, Text) and first.text.lstrip().startswith(f"{preposition} "):
            # The text already carries the preposition ("that it was decided").
            return join_items(opener, body)
        tail: list[Item] = [Text(" "), Text(preposition, italic=prep_italic)]
        return join_items([*opener, *tail], body)

    def _resolve_cross_references(self, items: list[Inline], from_id: str) -> list[Item]:
        resolved: list[Item] = []
        for item in items:
            if isinstance(item, CrossRef):
                if item.paragraph_id not in self.numbers.positions:
                    raise RenderError(
                        f"paragraph {from_id!r}: cross-reference to a paragraph "
                        f"that no longer exists ({item.paragraph_id!r})"
                    )
                resolved.append(
                    Text(
                        cross_reference_text(
                            self.numbers,
                            item.paragraph_id,
                            from_id,
                            self.lang,
                            annex_count=len(self.document.annexes),
                        )
                    )
                )
            else:
                resolved.append(item)
        return resolved


@overload
def join_items(first: Sequence[Item], second: Sequence[Item]) -> list[Item]: ...
@overload
def join_items(first: Sequence[Inline], second: Sequence[Inline]) -> list[Inline]: ...
def join_items(first: Sequence[Any], second: Sequence[Any]) -> list[Any]:
    """Concatenate two item lists with one space, none before closing punctuation.

    Also how a clause's text and the free text after it join when a clause paragraph is
    converted to free text, so the converted paragraph prints exactly as before.
    """
    if not first:
        return list(second)
    if not second:
        return list(first)
    head = second[0]
    if isinstance(head, Text) and head.text.lstrip().startswith(_NO_SPACE_BEFORE):
        return [*first, Text(head.text.lstrip(), head.italic, head.superscript), *second[1:]]
    if isinstance(head, Text) and head.text[:1].isspace():
        return [*first, *second]
    return [*first, Text(" "), *second]
