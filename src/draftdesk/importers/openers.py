"""Openers matched against the pack's phrase library, in either language and any agreement."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftdesk.language import FrenchForms, agree, split_trailing_preposition
from draftdesk.model.document import Part
from draftdesk.model.inline import Inline, Text
from draftdesk.packs.model import Body, Pack

# How a trailing preposition may be written after the opener, and what the text after it
# must become so that the renderer's contraction gives the same words back.
_PREPOSITION_FORMS: dict[str, list[tuple[str, str]]] = {
    "de": [("du ", "le "), ("des ", "les "), ("de ", ""), ("d’", ""), ("d'", "")],
    "d’": [("du ", "le "), ("des ", "les "), ("de ", ""), ("d’", ""), ("d'", "")],
    "à": [("au ", "le "), ("aux ", "les "), ("à ", "")],
    "que": [("que ", ""), ("qu’", ""), ("qu'", "")],
}
_ADVERBS = {
    "also", "further", "again", "once", "more", "deeply", "strongly", "firmly", "gravely",
    "seriously", "fully", "greatly", "profoundly", "également", "aussi", "outre", "en",
    "vivement", "profondément", "gravement", "fermement", "pleinement", "sérieusement",
    "nouveau", "encore", "note", "acte",
}  # fmt: skip
_PREPOSITIONS = {"de", "par", "à", "sur", "of", "by", "about", "at", "with", "to"}
_WORD = re.compile(r"[^\s]+")
MAX_OPENER_WORDS = 8
"""Longer library entries are whole clauses: matched only where the source marks them."""


@dataclass(slots=True, frozen=True)
class _Form:
    key: str
    head: str  # casefolded opener without its trailing preposition
    preposition: str | None
    agrees: bool  # the form agrees with the document's body
    order: int  # preference among keys sharing the same words


@dataclass(slots=True)
class OpenerMatch:
    """An opener found at the start of a paragraph."""

    key: str
    written: str  # the opener as the source writes it
    text: list[Inline]  # the rest of the paragraph, ready for Paragraph.text
    alternatives: list[str] = field(default_factory=list)
    agrees: bool = True  # False: the source's French form does not agree with the body


class OpenerIndex:
    """Every written form of every opener of a pack, for one language and body."""

    def __init__(self, pack: Pack, body: Body, lang: str) -> None:
        self.lang = lang
        self.body = body
        self.forms: dict[Part, list[_Form]] = {}
        clause_openers = {clause.opener for clause in pack.clauses.values() if clause.opener}
        for part, phrases in pack.phrases.items():
            forms: list[_Form] = []
            for order, (key, phrase) in enumerate(phrases.items()):
                # Keys that clauses use, and attested pairs, win over synonyms.
                rank = order - (10_000 if key in clause_openers else 0)
                rank -= 1_000 if "attested" in phrase.notes.casefold() else 0
                written = {phrase.en} if lang == "en" else _french_forms(phrase.fr)
                wanted = phrase.form(lang, body)
                for form in written:
                    head, prep = split_trailing_preposition(form, lang)
                    prep_key = prep.casefold() if prep else None
                    forms.append(_Form(key, _norm(head), prep_key, form == wanted, rank))
            # Longest first: "Prenant note avec satisfaction de" before "Prenant note de".
            # A conjunction is not part of an opener: "Constatant que" reads as "Constatant"
            # (acknowledging) followed by "que …" when the library has both.
            forms.sort(key=lambda f: (-len(f.head), _preposition_rank(f), not f.agrees, f.order))
            self.forms[part] = forms

    def match(self, items: list[Inline], part: Part) -> OpenerMatch | None:
        """The opener at the start of `items` (a paragraph after its label), or None."""
        library = Part.PREAMBLE if part is Part.PREAMBLE else Part.OPERATIVE
        lead = leading_text(items)
        start = lead.lstrip()
        offset = len(lead) - len(start)
        folded = _norm(start)
        extent = _marked_extent(items, start)
        for form in self.forms.get(library, []):
            if not folded.startswith(form.head):
                continue
            end = len(form.head)
            if extent is not None and end > extent:
                continue  # the source marks a shorter opener (italics, capitals)
            if len(form.head.split()) > MAX_OPENER_WORDS and extent is None:
                continue
            if end < len(folded) and (folded[end].isalnum() or folded[end] in "’-"):
                continue  # "Notant" must not match "Notantes", "Invite" not "Invite’s"
            written = start[:end]
            consumed, replacement = end, ""
            if form.preposition is not None:
                taken = _take_preposition(start[end:], form.preposition, self.lang)
                if taken is None:
                    continue
                prep_written, length, replacement = taken
                consumed += length
                written = f"{written} {prep_written}"
            text = _prepend(_lstrip(cut(items, offset + consumed)), replacement)
            alternatives = [
                f.key
                for f in self.forms[library]
                if f.head == form.head and f.preposition == form.preposition and f.key != form.key
            ]
            return OpenerMatch(
                form.key, written, text, list(dict.fromkeys(alternatives)), form.agrees
            )
        return None


def _marked_extent(items: list[Inline], start: str) -> int | None:
    """How far the source itself marks its opener: its leading italic run, or its leading
    words in capitals (OIC); None when nothing marks it."""
    first = items[0] if items else None
    if isinstance(first, Text) and first.italic and first.text.strip():
        return len(first.text.strip()) + 3  # a preposition may follow in roman ("of")
    words = start.split(" ")
    capitals = 0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2 or not all(c.isupper() for c in letters):
            break
        capitals += 1
    if capitals and capitals < len(words):
        return len(" ".join(words[:capitals])) + 3
    return None


def _preposition_rank(form: _Form) -> int:
    if form.preposition in ("que", "that"):
        return 2
    return 1 if form.preposition is None else 0


def _french_forms(forms: FrenchForms) -> set[str]:
    """Every French form of an opener, agreeing with any gender and number."""
    return {agree(forms, gender, number) for gender in ("m", "f") for number in ("sg", "pl")}


def _take_preposition(rest: str, preposition: str, lang: str) -> tuple[str, int, str] | None:
    """The preposition as written after the opener, the characters it takes, and what the
    text must start with instead (du → le); None when the text does not carry it."""
    text = rest.lstrip()
    skipped = len(rest) - len(text)
    lowered = text.casefold().replace("'", "’")
    if lang == "fr" and preposition in _PREPOSITION_FORMS:
        for written, replacement in _PREPOSITION_FORMS[preposition]:
            if lowered.startswith(written.replace("'", "’")):
                return text[: len(written)].strip(), skipped + len(written), replacement
        return None
    if lowered.startswith(preposition + " "):
        return text[: len(preposition)], skipped + len(preposition) + 1, ""
    return None


def leading_text(items: list[Inline]) -> str:
    """The text of the paragraph up to its first footnote mark or cross-reference."""
    parts: list[str] = []
    for item in items:
        if not isinstance(item, Text):
            break
        parts.append(item.text)
    return "".join(parts)


def cut(items: list[Inline], count: int) -> list[Inline]:
    """`items` without their first `count` characters of text."""
    result: list[Inline] = []
    for item in items:
        if count > 0 and isinstance(item, Text):
            if len(item.text) <= count:
                count -= len(item.text)
                continue
            item = Text(item.text[count:], item.italic, item.superscript)
            count = 0
        result.append(item)
    return result


def _lstrip(items: list[Inline]) -> list[Inline]:
    while items and isinstance(items[0], Text) and not items[0].text.strip():
        items = items[1:]
    if items and isinstance(items[0], Text):
        first = items[0]
        items = [Text(first.text.lstrip(), first.italic, first.superscript), *items[1:]]
    return items


def _prepend(items: list[Inline], text: str) -> list[Inline]:
    if not text:
        return items
    if items and isinstance(items[0], Text):
        first = items[0]
        return [Text(text + first.text, first.italic, first.superscript), *items[1:]]
    return [Text(text), *items]


def _norm(text: str) -> str:
    return text.casefold().replace("'", "’").replace("\u00a0", " ")


def looks_like_opener(text: str, lang: str | None = None) -> bool:
    """Whether a line begins like a preambular or operative paragraph (no library needed)."""
    words = _WORD.findall(text.strip())
    if not words:
        return False
    first = words[0].strip(",;:").casefold()
    if first in ("se", "s’", "s'", "having", "ayant", "bearing", "also", "further"):
        return True
    if words[0].isupper() and len(words[0]) > 2:
        return True  # OIC operative verbs in capitals
    if first.endswith(("ant", "ing", "ed", "ée", "ées", "és", "ue", "ues")):
        return True
    return first.endswith(("s", "e", "t")) and words[0][:1].isupper() and len(first) > 3


def unmatched_opener(items: list[Inline], lang: str) -> str:
    """The opener-like beginning of a paragraph no phrase matched ("Alarmée par")."""
    first = items[0] if items else None
    if not isinstance(first, Text):
        return ""
    if first.italic and first.text.strip():
        return first.text.strip()  # the source marked its opener in italics
    words = _WORD.findall(first.text.strip())
    if not words or not words[0][:1].isupper():
        return ""
    taken = [words[0]]
    lead = words[0].casefold()
    if (lead in ("se", "s’", "s'", "having", "ayant") or lead.endswith(("ly", "ment"))) and len(
        words
    ) > 1:
        taken.append(words[1])  # "Se réjouissant", "Deeply alarmed", "Vivement préoccupée"
    for word in words[len(taken) :]:
        if word.casefold().strip(",;:") in _ADVERBS or (
            word.isupper() and len(word) > 1 and taken[-1].isupper()
        ):
            taken.append(word)
        else:
            if word.casefold() in _PREPOSITIONS:
                taken.append(word)  # "Inquiète de", "Alarmed by": as the library writes them
            break
    return " ".join(taken).rstrip(",;:")
