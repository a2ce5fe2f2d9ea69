"""French agreement of the opener with the body: "Convaincue" under l'Assemblée générale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from draftdesk.language import pluralize_agreeing, split_trailing_preposition
from draftdesk.model.document import Part
from draftdesk.packs.model import Body, Pack
from draftdesk.proofing.context import ParagraphContext
from draftdesk.proofing.findings import Finding, Severity, Target, TextEdit

# Adjectives and past participles that open preambular (and some operative) paragraphs
# and agree with the body (style-rules.md §2.1), masculine singular -> feminine singular.
# The pack's own phrases add their pairs; present participles ("Rappelant") never agree.
AGREEING: Final[dict[str, str]] = {
    "conscient": "consciente",
    "convaincu": "convaincue",
    "préoccupé": "préoccupée",
    "alarmé": "alarmée",
    "déterminé": "déterminée",
    "résolu": "résolue",
    "soucieux": "soucieuse",
    "désireux": "désireuse",
    "persuadé": "persuadée",
    "satisfait": "satisfaite",
    "inquiet": "inquiète",
    "attaché": "attachée",
    "guidé": "guidée",
    "encouragé": "encouragée",
    "animé": "animée",
    "confiant": "confiante",
    "décidé": "décidée",
    "consterné": "consternée",
    "choqué": "choquée",
    "indigné": "indignée",
    "bouleversé": "bouleversée",
    "réuni": "réunie",
    "saisi": "saisie",
}
# Words that may stand before the agreeing word without agreeing themselves.
_INVARIABLE: Final[frozenset[str]] = frozenset(
    {"se", "s’", "également", "aussi", "en", "outre", "de", "nouveau", "toujours", "vivement"}
)
_WORD: Final[re.Pattern[str]] = re.compile(r"[^\s,;:.()«»]+")
_BODY_FORM: Final[dict[tuple[str, str], int]] = {("m", "sg"): 0, ("f", "sg"): 1, ("m", "pl"): 2}


@dataclass(slots=True, frozen=True)
class _Lemma:
    forms: tuple[str, str, str, str]  # m.sg, f.sg, m.pl, f.pl

    def expected(self, body: Body) -> str:
        return self.forms[_BODY_FORM.get((body.gender, body.number), 3)]


class AgreementRule:
    """Flags a French opener whose adjective or participle does not agree with the body.

    An opener chosen from the phrase library is printed in the body's form by the
    renderer, so it can only be wrong when the pack lacks that form (reported on the
    printed opener, no automatic fix: the pack must be corrected). An opener typed into the
    text is reported on the text, with the agreeing form as its fix.
    """

    rule = "opener-agreement"

    def __init__(self, pack: Pack) -> None:
        pairs = dict(AGREEING)
        for library in pack.phrases.values():
            for phrase in library.values():
                if phrase.fr.f is None:
                    continue
                for masc, fem in zip(phrase.fr.m.split(), phrase.fr.f.split(), strict=False):
                    if masc != fem:
                        pairs[masc.lower()] = fem.lower()
        self._index: dict[str, _Lemma] = {}
        for masc, fem in pairs.items():
            lemma = _Lemma(
                (masc, fem, pluralize_agreeing(masc, fem), pluralize_agreeing(fem, masc))
            )
            for form in lemma.forms:
                self._index.setdefault(form, lemma)

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """Findings for the paragraph's opener in French (nothing in other languages)."""
        if ctx.lang != "fr" or ctx.depth or ctx.part is Part.ANNEX:
            return []
        paragraph = ctx.paragraph
        key = paragraph.opener
        if key is None and paragraph.clause:
            clause = ctx.pack.clauses.get(paragraph.clause)
            key = clause.opener if clause else None
        if key is not None:
            phrase = ctx.pack.phrase(ctx.part, key)
            if phrase is None:
                return []
            printed, _ = split_trailing_preposition(phrase.form("fr", ctx.body), "fr")
            return [
                ctx.finding(
                    self.rule,
                    Severity.ERROR,
                    ctx.say("opener-agreement", word=word, body=_body(ctx), expected=expected),
                    start=start,
                    end=end,
                    target=Target.OPENER,
                    excerpt=word,
                )
                for start, end, word, expected in self._disagreements(printed, ctx.body)
            ]
        if paragraph.clause:
            return []
        return [
            ctx.finding(
                self.rule,
                Severity.ERROR,
                ctx.say("opener-agreement", word=word, body=_body(ctx), expected=expected),
                start=start,
                end=end,
                fix=TextEdit(start, end, expected, word),
            )
            for start, end, word, expected in self._disagreements(ctx.text, ctx.body)
        ]

    def _disagreements(self, text: str, body: Body) -> list[tuple[int, int, str, str]]:
        """(start, end, word, agreeing form) for the opening words of `text`."""
        found: list[tuple[int, int, str, str]] = []
        for count, match in enumerate(_WORD.finditer(text)):
            word = match.group()
            lemma = self._index.get(word.lower())
            if lemma is None:
                if count == 0 and word.lower().endswith("ment"):
                    continue  # "Profondément préoccupée": the adverb comes first
                if word.lower() in _INVARIABLE:
                    continue
                break
            expected = lemma.expected(body)
            if expected != word.lower():
                cased = expected[:1].upper() + expected[1:] if word[:1].isupper() else expected
                found.append((match.start(), match.end(), word, cased))
        return found


def _body(ctx: ParagraphContext) -> str:
    return ctx.body.definite.get("fr") or ctx.body.name.get("fr", ctx.body.key)
