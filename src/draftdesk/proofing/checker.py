"""The proofing entry points: check a document, or one paragraph in one language as it is typed.

The GUI calls `Checker.prepare` after structural edits (paragraphs added, moved, deleted),
`Checker.check_paragraph` on every edit of a paragraph (house style and spelling, no
network: well under 5 ms once the dictionary knows the paragraph's words) and
`Checker.check_document` / `Checker.check_grammar` in the background. Findings carry
their fixes; `draftdesk.proofing.fixes` applies them as undoable commands.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from draftdesk.errors import DraftDeskError
from draftdesk.language import split_trailing_preposition
from draftdesk.model.document import Document, Paragraph, Part
from draftdesk.numbering import number_paragraphs
from draftdesk.packs.model import Body, OpenerStyle, Pack, SlotType
from draftdesk.proofing.context import DocumentFacts, Hit, ParagraphContext
from draftdesk.proofing.findings import (
    Finding,
    Report,
    Severity,
    Target,
    TextEdit,
    editor_text,
    superscript_ranges,
)
from draftdesk.proofing.messages import Messages
from draftdesk.proofing.rules_citations import CitationRule, dated_citations
from draftdesk.proofing.rules_document import (
    FootnoteReferenceRule,
    GlossaryRule,
    Term,
    TranslationRule,
    document_findings,
    referenced_footnotes_by_language,
)
from draftdesk.proofing.rules_french import AgreementRule
from draftdesk.proofing.rules_style import EndPunctuationRule, NumberingRule, OpenerRules
from draftdesk.proofing.rules_typography import check_typography
from draftdesk.proofing.spelling import Misspelling, Spelling, SpellingUnavailableError

if TYPE_CHECKING:
    from draftdesk.proofing.languagetool import GrammarMatch


class ProofingError(DraftDeskError):
    """A document cannot be proofed with this pack (unknown body)."""


class Grammar(Protocol):
    """A grammar back-end (LanguageToolGrammar, or a stand-in in tests)."""

    def check(self, text: str, lang: str) -> list[GrammarMatch]:
        """Problems in `text`; GrammarUnavailableError when the back-end cannot answer."""
        ...


class _Rule(Protocol):
    def check(self, ctx: ParagraphContext) -> list[Finding]: ...


@dataclass(slots=True)
class _Place:
    """Where a plain-string check lands: the target and its ids."""

    target: Target
    paragraph_id: str | None = None
    footnote_id: str | None = None
    slot: str | None = None


@dataclass(slots=True)
class Checker:
    """Proofs documents of one pack in English and French.

    `spelling` is optional (None: no spelling); `grammar` is optional and only used by
    `check_document(grammar=True)` and `check_grammar`. `rules`, when given, keeps only
    findings of those rule ids. Messages are in `ui_lang`.
    """

    pack: Pack
    spelling: Spelling | None = None
    grammar: Grammar | None = None
    glossary: list[Term] = field(default_factory=list)
    ui_lang: str = "en"
    rules: Collection[str] | None = None
    say: Messages = field(init=False)
    _paragraph_rules: list[_Rule] = field(init=False)
    _notices: list[str] = field(init=False, default_factory=list)
    _grammar_failed: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.say = Messages(self.ui_lang)
        self._paragraph_rules = [
            OpenerRules(self.pack),
            NumberingRule(),
            EndPunctuationRule(),
            AgreementRule(self.pack),
            CitationRule(self.pack),
            TranslationRule(),
            FootnoteReferenceRule(),
            GlossaryRule(self.glossary),
        ]

    def prepare(self, document: Document) -> DocumentFacts:
        """Facts about the whole document that one-paragraph checks reuse."""
        numbers = number_paragraphs(document)
        facts = DocumentFacts(numbers)
        for paragraph_id, position in numbers.positions.items():
            facts.parts[paragraph_id] = position.part
            facts.depths[paragraph_id] = len(position.path)
        style = self.pack.style
        parts = ((Part.PREAMBLE, document.preamble), (Part.OPERATIVE, document.operative))
        for part, paragraphs in parts:
            normal, last = (
                (style.preamble_terminator, style.preamble_last_terminator)
                if part is Part.PREAMBLE
                else (style.operative_terminator, style.operative_last_terminator)
            )
            for index, paragraph in enumerate(paragraphs):
                terminator = last if index == len(paragraphs) - 1 else normal
                _terminators(paragraph, terminator, style.subparagraph_intro, facts.terminators)
        for lang in document.metadata.languages:
            dated_citations(document, self.pack, lang, facts)
        facts.referenced = referenced_footnotes_by_language(document, self.pack)
        return facts

    def check_document(
        self,
        document: Document,
        languages: Iterable[str] | None = None,
        *,
        grammar: bool = True,
    ) -> Report:
        """Every finding of the document in reading order, with notices about the check."""
        self._notices = []
        langs = [lang for lang in (languages or document.metadata.languages)]
        facts = self.prepare(document)
        report = Report()
        for paragraph in document.all_paragraphs():
            for lang in langs:
                report.findings += self._paragraph(document, paragraph, lang, facts)
                if grammar and self.grammar is not None:
                    report.findings += self.check_grammar(document, paragraph.id, lang)
        report.findings += self._keep(
            document_findings(document, facts.referenced, langs, self.say)
        )
        for footnote in document.footnotes:
            for lang in langs:
                items = footnote.text.get(lang, [])
                place = _Place(Target.FOOTNOTE, footnote_id=footnote.id)
                report.findings += self._text(
                    editor_text(items), lang, place, superscript_ranges(items)
                )
        for lang in langs:
            title = document.metadata.title.get(lang, "")
            report.findings += self._text(title, lang, _Place(Target.TITLE), [])
        report.notices = list(self._notices)
        return report

    def check_paragraph(
        self,
        document: Document,
        paragraph_id: str,
        lang: str,
        facts: DocumentFacts | None = None,
    ) -> list[Finding]:
        """House-style and spelling findings of one paragraph in one language (no grammar).

        Pass the `facts` from `prepare` to keep this fast while the user types.
        """
        paragraph = document.find_paragraph(paragraph_id)
        if paragraph is None:
            raise ProofingError(f"no paragraph {paragraph_id!r}")
        return self._paragraph(document, paragraph, lang, facts or self.prepare(document))

    def check_grammar(self, document: Document, paragraph_id: str, lang: str) -> list[Finding]:
        """LanguageTool's findings for one paragraph; [] (and one notice) when unavailable."""
        paragraph = document.find_paragraph(paragraph_id)
        if self.grammar is None or self._grammar_failed or paragraph is None:
            return []
        text = editor_text(paragraph.text.get(lang, []))
        if not text.strip():
            return []
        # The opener is sent too, so agreement with it can be judged; matches inside it
        # concern the pack, not the user's text, and are dropped.
        prefix = self._printed_opener(document, paragraph, lang)
        # Here, not at the top: requests and language-tool-python cost a fifth of a second
        # at start-up, and only grammar checks need them.
        from draftdesk.proofing.languagetool import GrammarUnavailableError

        try:
            matches = self.grammar.check(prefix + text, lang)
        except GrammarUnavailableError as exc:
            self._grammar_failed = True
            self._notices.append(self.say("grammar-unavailable", reason=str(exc)))
            return []
        findings: list[Finding] = []
        for match in matches:
            start, end = match.start - len(prefix), match.end - len(prefix)
            if start < 0 or end > len(text):
                continue
            fix = (
                TextEdit(start, end, match.replacements[0], text[start:end])
                if len(match.replacements) == 1
                else None
            )
            findings.append(
                Finding(
                    "grammar",
                    Severity.WARNING,
                    lang,
                    self.say("grammar", message=match.message),
                    Target.TEXT,
                    paragraph.id,
                    start,
                    end,
                    text[start:end],
                    fix,
                    match.replacements,
                )
            )
        return self._keep(findings)

    @property
    def notices(self) -> list[str]:
        """Notices of the last check ("LanguageTool is not available …")."""
        return list(self._notices)

    def reset_grammar(self) -> None:
        """Try LanguageTool again on the next check (after the settings changed)."""
        self._grammar_failed = False

    def _body(self, document: Document) -> Body:
        body = self.pack.body(document.metadata.body)
        if body is None:
            raise ProofingError(
                f"body {document.metadata.body!r} is not defined in pack {self.pack.id!r}"
            )
        return body

    def _printed_opener(self, document: Document, paragraph: Paragraph, lang: str) -> str:
        key = paragraph.opener
        if key is None and paragraph.clause:
            clause = self.pack.clauses.get(paragraph.clause)
            key = clause.opener if clause else None
        part = document.part_of(paragraph.id)
        phrase = self.pack.phrase(part, key) if key else None
        if phrase is None or paragraph.clause:
            return ""
        form = phrase.form(lang, self._body(document))
        head, preposition = split_trailing_preposition(form, lang)
        if self.pack.style.opener_style(part) is OpenerStyle.CAPS:
            head = head.upper()
        return f"{head} {preposition} " if preposition else f"{head} "

    def _paragraph(
        self, document: Document, paragraph: Paragraph, lang: str, facts: DocumentFacts
    ) -> list[Finding]:
        items = paragraph.text.get(lang, [])
        ctx = ParagraphContext(
            document,
            self.pack,
            self._body(document),
            paragraph,
            lang,
            items,
            editor_text(items),
            facts,
            self.say,
        )
        findings: list[Finding] = []
        for rule in self._paragraph_rules:
            findings += rule.check(ctx)
        findings = self._keep(findings)
        findings += self._text(
            ctx.text, lang, _Place(Target.TEXT, paragraph.id), superscript_ranges(items)
        )
        # Reading order within the paragraph; whole-paragraph and opener findings first.
        findings.sort(key=lambda f: (f.target is Target.TEXT, f.start, f.end))
        clause = self.pack.clauses.get(paragraph.clause) if paragraph.clause else None
        for name, spec in clause.slots.items() if clause else ():
            value = paragraph.slots.get(name)
            text = value.get(lang) if isinstance(value, dict) else value
            if spec.type is SlotType.TEXT and isinstance(text, str):
                findings += self._text(
                    text, lang, _Place(Target.SLOT, paragraph.id, slot=name), []
                )
        return findings

    def _text(
        self, text: str, lang: str, place: _Place, skip: list[tuple[int, int]]
    ) -> list[Finding]:
        """Typography and spelling of one stored text, placed at `place`."""
        if not text.strip():
            return []
        hits = check_typography(text, lang, self.say)
        if self.spelling is not None:
            try:
                hits += [
                    self._spelling_hit(m, lang) for m in self.spelling.check(text, lang, skip)
                ]
            except SpellingUnavailableError as exc:
                notice = self.say(
                    "spelling-unavailable", language=self.say.language(lang), reason=str(exc)
                )
                if notice not in self._notices:
                    self._notices.append(notice)
        findings = [
            Finding(
                hit.rule,
                hit.severity,
                lang,
                hit.message,
                place.target,
                place.paragraph_id,
                hit.start,
                hit.end,
                hit.excerpt,
                None
                if hit.replacement is None
                else TextEdit(hit.start, hit.end, hit.replacement, text[hit.start : hit.end]),
                hit.suggestions,
                place.footnote_id,
                place.slot,
            )
            for hit in sorted(hits, key=lambda hit: hit.start)
        ]
        return self._keep(findings)

    def _spelling_hit(self, misspelling: Misspelling, lang: str) -> Hit:
        if misspelling.split:
            joined = misspelling.suggestions[0]
            return Hit(
                "split-word",
                Severity.ERROR,
                self.say("split-word", found=misspelling.word, expected=joined),
                misspelling.start,
                misspelling.end,
                misspelling.word,
                joined,
                misspelling.suggestions,
            )
        suggestions = misspelling.suggestions
        return Hit(
            "spelling",
            Severity.ERROR,
            self.say("spelling", word=misspelling.word, language=self.say.language(lang)),
            misspelling.start,
            misspelling.end,
            misspelling.word,
            suggestions[0] if len(suggestions) == 1 else None,
            suggestions,
        )

    def _keep(self, findings: list[Finding]) -> list[Finding]:
        if self.rules is None:
            return findings
        return [finding for finding in findings if finding.rule in self.rules]


def _terminators(paragraph: Paragraph, terminator: str, intro: str, into: dict[str, str]) -> None:
    """The end punctuation each paragraph prints with, as render/builder.py applies it."""
    into[paragraph.id] = intro if paragraph.children else terminator
    for index, child in enumerate(paragraph.children):
        last = index == len(paragraph.children) - 1
        _terminators(child, terminator if last else ";", intro, into)
