"""Rules across languages and paragraphs: translations, footnotes and glossary terms."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from draftdesk.errors import DraftDeskError
from draftdesk.model.document import Document, TranslationState
from draftdesk.model.inline import plain_text, referenced_footnotes
from draftdesk.packs.model import Pack, SlotType
from draftdesk.proofing.context import ParagraphContext
from draftdesk.proofing.findings import OBJECT, Finding, Severity, Target
from draftdesk.proofing.messages import Messages

GLOSSARY_FILE = "glossary.toml"
"""A pack may hold EN/FR term pairs in this file at its root; DraftDesk ships its own."""


class GlossaryError(DraftDeskError):
    """A glossary file is malformed."""


@dataclass(slots=True, frozen=True)
class Term:
    """A term that must be rendered by its pair in the other language."""

    en: str
    fr: str


def load_glossary(paths: list[Path]) -> list[Term]:
    """Term pairs from glossary files (`[[term]]` tables with `en` and `fr`).

    Missing files are skipped; a malformed one raises GlossaryError naming it.
    """
    terms: list[Term] = []
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise GlossaryError(f"{path}: cannot be read ({exc})") from None
        for index, entry in enumerate(data.get("term", [])):
            if not isinstance(entry, dict):
                raise GlossaryError(f"{path}: term {index + 1} is not a table")
            en, fr = entry.get("en"), entry.get("fr")
            if not (isinstance(en, str) and isinstance(fr, str) and en.strip() and fr.strip()):
                raise GlossaryError(f"{path}: term {index + 1} needs texts 'en' and 'fr'")
            terms.append(Term(en.strip(), fr.strip()))
    return terms


def _normalise(text: str) -> str:
    # Stored text has ' or ’ and any kind of space; the term must match either way.
    return text.replace("'", "’").replace("\u00a0", " ").replace("\u202f", " ")


class TranslationRule:
    """A language of the paragraph missing, or translated from an older source text."""

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """Findings about this language's translation of the paragraph."""
        meta = ctx.document.metadata
        if ctx.lang == meta.source_language or meta.source_language not in meta.languages:
            return []
        state = ctx.paragraph.translation_state(ctx.lang, meta.source_language)
        if state is TranslationState.MISSING:
            key, severity = "translation-missing", Severity.ERROR
        elif state is TranslationState.STALE:
            key, severity = "translation-stale", Severity.WARNING
        else:
            return []
        message = ctx.say(
            key, language=ctx.say.language(ctx.lang), source=ctx.say.language(meta.source_language)
        )
        return [ctx.finding(key, severity, message, target=Target.PARAGRAPH)]


class FootnoteReferenceRule:
    """A reference in the text to a footnote that does not exist."""

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """One finding per dangling reference, on its object character."""
        findings: list[Finding] = []
        position = 0
        for item in ctx.items:
            length = len(item.text) if hasattr(item, "text") else 1
            ident = getattr(item, "footnote_id", None)
            if ident is not None and ctx.document.footnote(ident) is None:
                findings.append(
                    ctx.finding(
                        "footnote-unknown",
                        Severity.ERROR,
                        ctx.say("footnote-unknown", footnote=ident),
                        start=position,
                        end=position + 1,
                        excerpt=OBJECT,
                    )
                )
            position += length
        return findings


class GlossaryRule:
    """A glossary term in one language whose pair is absent from the other language."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = [Term(_normalise(t.en), _normalise(t.fr)) for t in terms]

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """Findings for this language: terms the other language uses and this one lacks."""
        other = "fr" if ctx.lang == "en" else "en"
        if other not in ctx.document.metadata.languages or not self.terms:
            return []
        mine = _normalise(plain_text(ctx.paragraph.text.get(ctx.lang, [])))
        theirs = _normalise(plain_text(ctx.paragraph.text.get(other, [])))
        if not mine.strip() or not theirs.strip():
            return []  # a missing translation is reported once, by TranslationRule
        findings: list[Finding] = []
        for term in self.terms:
            expected, used = (term.en, term.fr) if ctx.lang == "en" else (term.fr, term.en)
            if used in theirs and expected not in mine:
                message = ctx.say(
                    "glossary-term",
                    other=ctx.say.language(other),
                    other_term=used,
                    language=ctx.say.language(ctx.lang),
                    term=expected,
                )
                findings.append(
                    ctx.finding(
                        "glossary-term",
                        Severity.WARNING,
                        message,
                        target=Target.PARAGRAPH,
                        excerpt=expected,
                    )
                )
        return findings


def referenced_footnotes_by_language(document: Document, pack: Pack) -> dict[str, set[str]]:
    """Footnote ids referenced in each language: texts, footnotes, slots, the sponsors' note."""
    referenced: dict[str, set[str]] = {lang: set() for lang in document.metadata.languages}
    common: set[str] = set()
    if document.metadata.sponsors_note:
        common.add(document.metadata.sponsors_note)
    for paragraph in document.all_paragraphs():
        for lang, items in paragraph.text.items():
            referenced.setdefault(lang, set()).update(referenced_footnotes(items))
        clause = pack.clauses.get(paragraph.clause) if paragraph.clause else None
        for name, spec in clause.slots.items() if clause else ():
            value = paragraph.slots.get(name)
            if spec.type is SlotType.FOOTNOTE and isinstance(value, str):
                common.add(value)
    for footnote in document.footnotes:
        for lang, items in footnote.text.items():
            referenced.setdefault(lang, set()).update(referenced_footnotes(items))
    for ids in referenced.values():
        ids.update(common)
    return referenced


def document_findings(
    document: Document, referenced: dict[str, set[str]], languages: list[str], say: Messages
) -> list[Finding]:
    """Findings about footnotes and titles (not tied to one paragraph)."""
    findings: list[Finding] = []
    meta = document.metadata
    for lang in languages:
        language = say.language(lang)
        for footnote in document.footnotes:
            has_text = bool(plain_text(footnote.text.get(lang, [])).strip())
            if not has_text and any(plain_text(t).strip() for t in footnote.text.values()):
                findings.append(
                    Finding(
                        "footnote-missing-language",
                        Severity.ERROR,
                        lang,
                        say("footnote-missing-language", footnote=footnote.id, language=language),
                        Target.FOOTNOTE,
                        footnote_id=footnote.id,
                    )
                )
            if footnote.id not in referenced.get(lang, set()):
                findings.append(
                    Finding(
                        "footnote-unreferenced",
                        Severity.WARNING,
                        lang,
                        say("footnote-unreferenced", footnote=footnote.id, language=language),
                        Target.FOOTNOTE,
                        footnote_id=footnote.id,
                    )
                )
        if not meta.title.get(lang, "").strip() and any(t.strip() for t in meta.title.values()):
            findings.append(
                Finding(
                    "title-missing",
                    Severity.WARNING,
                    lang,
                    say("title-missing", language=language),
                    Target.TITLE,
                )
            )
    return findings
