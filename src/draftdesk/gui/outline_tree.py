"""The outline's lines as a tree of nodes, and how a document edit maps onto that tree."""

from __future__ import annotations

from dataclasses import dataclass, field

from draftdesk.gui.i18n import _
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.model.inline import plain_text
from draftdesk.packs.model import Body, Pack

SNIPPET = 90  # characters of text shown after the number


@dataclass(eq=False)
class Node:
    """A line of the outline: details, a part, a paragraph or a footnote."""

    kind: str
    ident: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0

    def add(self, child: Node) -> Node:
        """Append `child` under this line."""
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def snippet(paragraph: Paragraph, pack: Pack, body: Body, part: Part, lang: str) -> str:
    """A short reading of a paragraph before it is rendered: opener, clause, text."""
    words: list[str] = []
    opener = paragraph.opener
    clause = pack.clauses.get(paragraph.clause) if paragraph.clause else None
    if opener is None and clause is not None:
        opener = clause.opener
    if opener:
        phrase = pack.phrase(part, opener)
        words.append(phrase.form(lang, body) if phrase else opener)
    if paragraph.clause:
        words.append(f"[{clause.label.get(lang, clause.key) if clause else paragraph.clause}]")
    text = plain_text(paragraph.text.get(lang, [])).strip()
    if text:
        words.append(text)
    return " ".join(words) or _("(empty paragraph)")


def shorten(text: str) -> str:
    """At most SNIPPET characters, with an ellipsis when cut."""
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def sibling_lists(
    document: Document, root: Node, nodes: dict[str, Node]
) -> list[tuple[Node | None, list[str]]]:
    """Each outline line with sub-lines and the ids the document now has under it.

    A line the tree lacks (a paragraph that just got its first sub-paragraph) is None.
    """
    tops = {n.ident: n for n in root.children if n.kind == "part"}
    result: list[tuple[Node | None, list[str]]] = []

    def walk(node: Node | None, paragraphs: list[Paragraph]) -> None:
        result.append((node, [p.id for p in paragraphs]))
        for paragraph in paragraphs:
            child = nodes.get(paragraph.id)
            if child is not None and child.parent is not node:
                child = None  # moved to another parent: not a move among siblings
            if paragraph.children or (child is not None and child.children):
                walk(child, paragraph.children)

    for part in (Part.PREAMBLE, Part.OPERATIVE):
        walk(tops.get(part.value), document.part_list(part))
    return result


def single_move(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """(from, to) when `new` is `old` with one item moved; None otherwise."""
    if len(old) != len(new):
        return None
    first = next(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
    last = len(old) - 1
    while old[last] == new[last]:
        last -= 1
    if new[first:last] == old[first + 1 : last + 1] and new[last] == old[first]:
        return first, last  # moved down
    if new[first + 1 : last + 1] == old[first:last] and new[first] == old[last]:
        return last, first  # moved up
    return None
