"""Recognising a clause template in a paragraph: which clause, and its slot values."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from draftdesk.errors import RenderError
from draftdesk.importers.datetext import fold, parse_date, parse_ordinal
from draftdesk.importers.footnotes import MARK, mark
from draftdesk.model.document import Document, Footnote, Metadata, Part
from draftdesk.model.inline import FootnoteRef, Inline, Text, to_shorthand
from draftdesk.packs.model import Body, Clause, Pack, SlotType
from draftdesk.render.sandbox import TemplateRenderer
from draftdesk.render.slots import slot_context

MAX_COMBINATIONS = 400
"""Candidate slot values tried per clause; real paragraphs need a handful."""

_SPACES = re.compile(r"[ \u00a0\u202f]+")
_SENTINEL = "\ue010{}\ue011"
_ARTICLES = {"fr": ("le ", "la ", "les ", "l’"), "en": ("the ",)}
_SENTINEL_FOUND = re.compile("\ue010([a-z_][a-z0-9_]*)\ue011")
_SHORTHAND_NOTE = re.compile(r"\[\^([A-Za-z0-9][A-Za-z0-9._-]*)\]")
_ORDINAL_TOKEN = re.compile(r"[^\W_]+(?:[-\u2011][^\W_]+)*")
_NUMBER = re.compile(r"(?<![\d/])\d{1,4}(?![\d/])")
_CITATION = re.compile(
    r"(?P<symbol>\d{1,4}/\d{1,4}|\d{1,4} \([IVXLC]+\)|S/RES/\d+)"
    r"(?: (?:of|du) (?P<date>\d{1,2}(?:er)? [^\W\d_]+ \d{4})| \((?P<year>\d{4})\))?"
)


@dataclass(slots=True)
class ClauseMatch:
    """A clause found at the start of a paragraph's text (after its opener)."""

    key: str
    slots: dict[str, Any]  # footnote slots hold note keys until the document is built
    rest: list[Inline]  # text after the clause (", by which …"), often empty


class ClauseFinder:
    """Tries the clause templates of one pack, language and body against paragraph text."""

    def __init__(self, pack: Pack, body: Body, lang: str) -> None:
        self.pack = pack
        self.body = body
        self.lang = lang
        self.renderer = TemplateRenderer(lang, pack.entities)

    def find(self, text: list[Inline], part: Part, opener: str | None) -> ClauseMatch | None:
        """The clause `text` is made of (its default opener first), or None."""
        flat = _flatten(text)
        clauses = [
            c
            for c in self.pack.clauses.values()
            if c.part is part
            and self.lang in c.templates
            and SlotType.LIST not in _types(c)
            and _related(c.opener, opener)
        ]
        clauses.sort(key=lambda c: c.opener != opener)
        for clause in clauses:
            found = self._try(clause, flat)
            if found is not None:
                slots, consumed = found
                return ClauseMatch(clause.key, slots, _cut(text, consumed))
        return None

    def _try(self, clause: Clause, flat: str) -> tuple[dict[str, Any], int] | None:
        options = {name: self._candidates(clause, name, flat) for name in clause.slots}
        names = list(options)
        combos = itertools.islice(itertools.product(*options.values()), MAX_COMBINATIONS)
        notes = [m.group(1) for m in MARK.finditer(flat)]
        document = _scratch_document(notes)
        for combo in combos:
            values = {
                name: value for name, value in zip(names, combo, strict=True) if value is not None
            }
            pattern = self._pattern(clause, values, document)
            if pattern is None:
                continue
            match = pattern.match(_loose(flat))
            if match is None:
                continue
            for name in names:
                if clause.slots[name].type is SlotType.TEXT and name in values:
                    captured = flat[match.start(name) : match.end(name)]
                    if MARK.search(captured):
                        break  # a footnote inside a text slot cannot be stored there
                    escaped = to_shorthand([Text(captured)])  # slot text is shorthand
                    written = str(values[name]).replace(_SENTINEL.format(name), escaped)
                    values[name] = {self.lang: written}
            else:
                return values, match.end()
        return None

    def _pattern(
        self, clause: Clause, values: dict[str, Any], document: Document
    ) -> re.Pattern[str] | None:
        where = f"clause {clause.key!r}"
        try:
            context = slot_context(clause, values, self.lang, self.pack, document, where=where)
            context.update(
                lang=self.lang, body_gender=self.body.gender, body_number=self.body.number
            )
            output = self.renderer.render(clause.templates[self.lang], context, where=where)
        except RenderError:
            return None
        output = _SHORTHAND_NOTE.sub(lambda m: mark(m.group(1)), _SPACES.sub(" ", output).strip())
        if not output:
            return None
        pieces: list[str] = []
        position = 0
        seen: set[str] = set()
        for found in _SENTINEL_FOUND.finditer(output):
            name = found.group(1)
            pieces.append(re.escape(_loose(output[position : found.start()])))
            pieces.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            position = found.end()
        pieces.append(re.escape(_loose(output[position:])))
        ends_open = position == len(output) and position > 0
        tail = "$" if ends_open else r"(?=[\s,;:.]|$)"
        return re.compile("".join(pieces) + tail)

    def _candidates(self, clause: Clause, name: str, flat: str) -> list[Any]:
        spec = clause.slots[name]
        found: list[Any] = []
        text = MARK.sub(" ", flat)
        if spec.type is SlotType.TEXT:
            sentinel = _SENTINEL.format(name)
            found = [sentinel]
            if re.search(rf"{{{{\s*{name}\s*\|\s*(?:de|a)\b", clause.templates[self.lang]):
                # "{{ country | de }}" contracts an article the value must carry: "du Royaume".
                found += [f"{article}{sentinel}" for article in _ARTICLES[self.lang]]
        elif spec.type is SlotType.ORDINAL:
            found = _unique(parse_ordinal(t) for t in _ORDINAL_TOKEN.findall(text))
        elif spec.type is SlotType.NUMBER:
            found = _unique(int(n) for n in _NUMBER.findall(text))
        elif spec.type is SlotType.ENTITY:
            found = [
                key
                for key, names in self.pack.entities.items()
                if _entity_in(names.get(self.lang, ""), text)
            ]
        elif spec.type is SlotType.FOOTNOTE:
            found = [m.group(1) for m in MARK.finditer(flat)]
        elif spec.type is SlotType.CITATIONS:
            citations = _citations(text)
            found = [citations[:count] for count in range(len(citations), 0, -1)]
        elif spec.type is SlotType.DATE:
            day = parse_date(text)
            found = [day.isoformat()] if day else []
        if not spec.required or spec.default is not None:
            found.append(None)  # the optional slot left out (or its default used)
        return found or [None]


def _related(default: str | None, opener: str | None) -> bool:
    """A clause goes with its own opener or a variant of it ("recalling-also")."""
    if default is None or opener is None:
        return default == opener
    return opener == default or opener.startswith(default + "-")


def _types(clause: Clause) -> set[SlotType]:
    return {spec.type for spec in clause.slots.values()}


def _flatten(items: list[Inline]) -> str:
    return "".join(
        item.text if isinstance(item, Text) else mark(item.footnote_id)
        for item in items
        if isinstance(item, (Text, FootnoteRef))
    )


def _loose(text: str) -> str:
    """Same length as `text`: spaces and apostrophes of any kind made plain."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("'", "’")


def _cut(items: list[Inline], consumed: int) -> list[Inline]:
    """The items after the first `consumed` characters of their flattened text."""
    rest: list[Inline] = []
    for item in items:
        width = len(item.text) if isinstance(item, Text) else len(_flatten([item]))
        if consumed >= width:
            consumed -= width
            continue
        if consumed and isinstance(item, Text):
            item = Text(item.text[consumed:], item.italic, item.superscript)
        consumed = 0
        rest.append(item)
    return rest


def _unique(values: Any) -> list[Any]:
    return list(dict.fromkeys(v for v in values if v is not None))


def _entity_in(name: str, text: str) -> bool:
    if not name:
        return False
    core = re.sub(r"^(?:the|le|la|les|l’|l')\s*", "", name, flags=re.IGNORECASE)
    return fold(core) in fold(text)


def _citations(text: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for match in _CITATION.finditer(text):
        item: dict[str, Any] = {"symbol": match["symbol"]}
        if match["date"]:
            day = parse_date(match["date"])
            if isinstance(day, date):
                item["date"] = day.isoformat()
        elif match["year"]:
            item["year"] = int(match["year"])
        found.append(item)
    return found


def _scratch_document(note_keys: list[str]) -> Document:
    """A document holding footnotes with these keys, so footnote slots can be checked."""
    return Document(
        Metadata(pack="", body=""),
        footnotes=[Footnote(key) for key in dict.fromkeys(note_keys)],
    )
