"""House style of a paragraph: its opener, typed numbers and its end punctuation.

These rules judge the paragraph as it will print (the number, the opener in the pack's
form, the text, the end punctuation added by rule) and point at the stored characters
responsible, so the fix edits the model: "5. Requests" typed into the text prints as
"5. 5. Requests", and the fix deletes the typed "5. ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from draftdesk.language import split_trailing_preposition
from draftdesk.model.document import Part
from draftdesk.model.inline import Text
from draftdesk.packs.model import OpenerStyle, Pack
from draftdesk.proofing.context import ParagraphContext
from draftdesk.proofing.findings import OBJECT, Finding, OpenerChange, Severity, Target, TextEdit
from draftdesk.render.runs import PUNCTUATION, finish_runs

# A label typed at the start: "5.", "5)", "(5)", "(a)", "a)", "(iv)", "iv)".
_LABEL: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?:\(?\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]{1,2}\)|[a-z]{1,2}\)|\([ivxl]{1,6}\)|[ivxl]{1,6}\))"
    r"\s*"
)
# A bare number before a capitalised word ("21 Encourage"), only when no opener is set.
_BARE_NUMBER: Final[re.Pattern[str]] = re.compile(r"^\s*\d{1,3}\s+(?=[A-ZÀ-Ý])")
_WORD: Final[re.Pattern[str]] = re.compile(r"[^\s,;:.()«»“”\"]+")
_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"etc", "al", "seq", "inc", "ltd", "co", "no", "nos", "vol", "chap", "sect", "para"}
    | {"cf", "e.g", "i.e", "u.s", "s.a", "n°"}
)

# Words a preambular paragraph may open with besides participles (-ing, -ed; -ant, -é).
_EN_PREAMBLE: Final[frozenset[str]] = frozenset(
    {"aware", "conscious", "mindful", "cognizant", "desirous", "anxious", "keen", "eager"}
    | {"confident", "grateful", "appreciative", "sure", "certain", "hopeful", "acting"}
)
_FR_PREAMBLE: Final[frozenset[str]] = frozenset(
    {"conscient", "consciente", "conscients", "conscientes", "soucieux", "soucieuse"}
    | {"soucieuses", "désireux", "désireuse", "désireuses", "satisfait", "satisfaite"}
    | {"satisfaits", "satisfaites", "inquiet", "inquiète", "inquiets", "inquiètes", "vu"}
    | {"confiant", "confiante", "confiants", "confiantes", "certain", "certaine"}
)
_ADVERBS: Final[frozenset[str]] = frozenset(
    {"also", "further", "again", "once", "firmly", "strongly", "deeply", "gravely", "fully"}
    | {"se", "s’", "s'", "également", "aussi", "encore", "de", "nouveau", "en", "outre"}
)
# Capitalised words that end like a verb but open no operative paragraph.
_EN_NOT_VERBS: Final[frozenset[str]] = frozenset(
    {"states", "members", "parties", "governments", "nations", "its", "his", "this", "thus"}
    | {"perhaps", "always", "countries", "organizations", "agencies", "bodies", "as"}
    | {"delegations", "ministers", "heads", "experts", "participants", "is", "was", "has"}
)
_FR_NOT_VERBS: Final[frozenset[str]] = frozenset(
    {"le", "la", "une", "cette", "elle", "notre", "votre", "leur", "ce", "tout", "toute"}
    | {"chaque", "entre", "comme", "que", "dans", "pour", "selon", "contre", "outre", "il"}
    | {"assemblée", "conférence", "commission", "organisation", "partie", "avant", "est"}
)


@dataclass(slots=True, frozen=True)
class _Form:
    head: str  # the opener without its trailing preposition, as typed ("Prenant note")
    preposition: str | None
    key: str


class OpenerRules:
    """Preambular participles, operative verbs, openers typed as text, repeated openers."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._forms: dict[tuple[Part, str], list[_Form]] = {}
        self._first_words: dict[tuple[Part, str], set[str]] = {}
        for part, library in pack.phrases.items():
            for key, phrase in library.items():
                for lang, texts in (("en", {phrase.en}), ("fr", _french_forms(phrase.fr))):
                    for form in texts:
                        head, prep = split_trailing_preposition(form, lang)
                        self._forms.setdefault((part, lang), []).append(_Form(head, prep, key))
                        words = form.split()
                        self._first_words.setdefault((part, lang), set()).add(words[0].lower())
        for forms in self._forms.values():
            forms.sort(key=lambda form: -len(form.head))  # longest first: "Noting also"

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """Findings about the opener of a top-level preambular or operative paragraph."""
        if ctx.depth or ctx.part is Part.ANNEX:
            return []
        paragraph = ctx.paragraph
        start = _label_end(ctx.text, bare=paragraph.opener is None and not paragraph.clause)
        key = paragraph.opener
        if key is None and paragraph.clause:
            clause = ctx.pack.clauses.get(paragraph.clause)
            if clause is None or clause.opener is None:
                return []
            key = clause.opener
        if key is not None:
            return self._check_chosen(ctx, key, start)
        if not ctx.text[start:].strip() and not paragraph.children:
            return [ctx.finding("empty-paragraph", Severity.ERROR, ctx.say("empty-paragraph"))]
        typed = self._typed_opener(ctx, start)
        if typed is not None:
            return [typed]
        return self._check_first_word(ctx, start)

    def _check_chosen(self, ctx: ParagraphContext, key: str, start: int) -> list[Finding]:
        phrase = ctx.pack.phrase(ctx.part, key)
        if phrase is None:
            message = ctx.say("unknown-opener", key=key, pack=ctx.pack.id)
            return [
                ctx.finding("unknown-opener", Severity.ERROR, message, target=Target.PARAGRAPH)
            ]
        head, _ = split_trailing_preposition(phrase.form(ctx.lang, ctx.body), ctx.lang)
        typed = ctx.text[start : start + len(head)]
        after = ctx.text[start + len(head) : start + len(head) + 1]
        if typed.casefold() != head.casefold() or (after and not after.isspace()):
            return []
        end = start + len(head) + (1 if after else 0)
        printed = (
            head.upper() if ctx.pack.style.opener_style(ctx.part) is OpenerStyle.CAPS else head
        )
        return [
            ctx.finding(
                "opener-repeated",
                Severity.ERROR,
                ctx.say("opener-repeated", phrase=printed),
                start=start,
                end=end,
                fix=TextEdit(start, end, "", ctx.text[start:end]),
            )
        ]

    def _typed_opener(self, ctx: ParagraphContext, start: int) -> Finding | None:
        text = ctx.text
        library = Part.PREAMBLE if ctx.part is Part.PREAMBLE else Part.OPERATIVE
        for form in self._forms.get((library, ctx.lang), []):
            end = start + len(form.head)
            if text[start:end].casefold() != form.head.casefold():
                continue
            if end < len(text) and not text[end].isspace():
                continue
            cut = end
            while cut < len(text) and text[cut] == " ":
                cut += 1
            if form.preposition and text[cut:].startswith(form.preposition + " "):
                cut += len(form.preposition) + 1  # the renderer puts it back
            return ctx.finding(
                "opener-as-text",
                Severity.WARNING,
                ctx.say("opener-as-text", phrase=text[start:end]),
                start=start,
                end=end,
                fix=OpenerChange(form.key, start, cut, text[start:cut]),
            )
        return None

    def _check_first_word(self, ctx: ParagraphContext, start: int) -> list[Finding]:
        words = list(_WORD.finditer(ctx.text, start))
        match = next((m for m in words if m.group().lower() not in _ADVERBS), None)
        if match is None:
            return []
        word = match.group()
        lower = word.lower()
        if ctx.part is Part.PREAMBLE:
            library = self._first_words.get((Part.PREAMBLE, ctx.lang), set())
            if lower in library or _looks_preambular(lower, ctx.lang):
                return []
            rule = "preamble-opener"
        else:
            library = self._first_words.get((Part.OPERATIVE, ctx.lang), set())
            if lower in library or _looks_operative(lower, ctx.lang):
                return []
            rule = "operative-opener"
        message = ctx.say(rule, word=word)
        return [ctx.finding(rule, Severity.ERROR, message, start=match.start(), end=match.end())]


def _french_forms(forms: object) -> set[str]:
    values = (getattr(forms, name) for name in ("m", "f", "mp", "fp"))
    return {value for value in values if isinstance(value, str)}


def _looks_preambular(word: str, lang: str) -> bool:
    if lang == "en":
        return word.endswith(("ing", "ed")) or word in _EN_PREAMBLE
    return word.endswith(("ant", "ants", "é", "ée", "és", "ées", "u", "ue", "us", "ues")) or (
        word in _FR_PREAMBLE
    )


def _looks_operative(word: str, lang: str) -> bool:
    if lang == "en":
        return (
            word.endswith("s") and not word.endswith(("ss", "ous")) and word not in _EN_NOT_VERBS
        )
    return word.endswith(("e", "t", "d")) and word not in _FR_NOT_VERBS


def _tail(printed: str, size: int = 24) -> str:
    """The end of a printed paragraph, cut at a word boundary: "…the question, etc;"."""
    if len(printed) <= size:
        return printed
    tail = printed[-size:]
    return "…" + tail[tail.find(" ") + 1 :] if " " in tail else "…" + tail


def _label_end(text: str, *, bare: bool) -> int:
    match = _LABEL.match(text) or (_BARE_NUMBER.match(text) if bare else None)
    return match.end() if match else 0


class NumberingRule:
    """A number or sub-paragraph label typed into the text of an automatically numbered one."""

    rule = "typed-number"

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """A finding with a fix deleting the typed label, if there is one."""
        bare = ctx.paragraph.opener is None and not ctx.paragraph.clause and not ctx.depth
        end = _label_end(ctx.text, bare=bare)
        if not end:
            return []
        start = len(ctx.text) - len(ctx.text.lstrip())
        label = ctx.text[start:end].strip()
        printed = ctx.facts.numbers.label(ctx.paragraph.id, ctx.lang)
        shown = " ".join([printed, *ctx.text[start:].replace(OBJECT, "").split()[:4]]).strip()
        return [
            ctx.finding(
                self.rule,
                Severity.ERROR,
                ctx.say(self.rule, label=label, printed=shown),
                start=start,
                end=end,
                fix=TextEdit(start, end, "", ctx.text[start:end]),
            )
        ]


class EndPunctuationRule:
    """Punctuation typed at the end, which the renderer replaces by the pack's terminator.

    The printed end comes from the renderer's own `finish_runs` on the last text run, so
    the rule sees exactly what will print: "…etc." becomes "…etc;" and "…?" becomes "…?;".
    """

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """Findings about how the paragraph's stored text ends."""
        last = next(
            (i for i in range(len(ctx.items) - 1, -1, -1) if isinstance(ctx.items[i], Text)), None
        )
        if last is None:
            return []
        item = ctx.items[last]
        assert isinstance(item, Text)
        offset = len(ctx.text) - sum(
            len(i.text) if isinstance(i, Text) else 1 for i in ctx.items[last:]
        )
        body = item.text.rstrip()
        core = body.rstrip(PUNCTUATION).rstrip()
        terminator = ctx.facts.terminators.get(ctx.paragraph.id, "")
        findings: list[Finding] = []
        typed = body[len(core) :]
        if not typed and core[-1:] not in ("!", "?", "…"):
            return findings  # the usual case: nothing typed at the end
        # Only the end matters, and typesetting a whole paragraph is costly: the last
        # words go through the renderer's own finish_runs.
        cut = item.text.rfind(" ", 0, max(0, len(item.text) - 40)) + 1
        printed_runs = finish_runs([Text(item.text[cut:])], ctx.lang, terminator)
        printed = _tail("".join(run.text for run in printed_runs))
        word = _WORD.findall(core[-12:])
        if (
            typed
            and typed.lstrip().startswith(".")
            and word
            and word[-1].lower() in _ABBREVIATIONS
        ):
            findings.append(
                ctx.finding(
                    "end-punctuation",
                    Severity.ERROR,
                    ctx.say("end-punctuation", mark=word[-1] + ".", printed=printed.strip()),
                    start=offset + len(core) - len(word[-1]),
                    end=offset + len(body),
                )
            )
        elif typed:
            start, end = offset + len(core), offset + len(body)
            findings.append(
                ctx.finding(
                    "typed-end-punctuation",
                    Severity.INFO,
                    ctx.say("typed-end-punctuation", mark=typed.strip()),
                    start=start,
                    end=end,
                    fix=TextEdit(start, end, "", ctx.text[start:end]),
                )
            )
        if terminator and core[-1:] in ("!", "?", "…"):
            findings.append(
                ctx.finding(
                    "end-punctuation",
                    Severity.ERROR,
                    ctx.say("end-punctuation", mark=core[-1], printed=printed.strip()),
                    start=offset + len(core) - 1,
                    end=offset + len(core),
                )
            )
        return findings
