"""Every rule flags its seeded error in both languages, and the fixes give the corrected text."""

from __future__ import annotations

import copy

import pytest

from draftdesk.commands import Editor
from draftdesk.language import FrenchForms
from draftdesk.model.document import Document
from draftdesk.model.inline import parse_inline, to_shorthand
from draftdesk.packs.model import Pack
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.findings import Finding, Report, Severity, Target
from draftdesk.proofing.fixes import ApplyFixes, same_kind
from tests.proofing.seeded import seeded_document

# (rule, language, paragraph or footnote, flagged text): one line per seeded error.
EXPECTED = {
    ("preamble-opener", "en", "pp-not-participle", "The"),
    ("preamble-opener", "fr", "pp-not-participle", "Le"),
    ("opener-as-text", "en", "pp-typed-opener", "Recalling"),
    ("opener-as-text", "fr", "pp-typed-opener", "Rappelant"),
    ("opener-agreement", "fr", "pp-agreement", "Convaincu"),
    ("opener-repeated", "en", "pp-repeated", "Recalling "),
    ("opener-repeated", "fr", "pp-repeated", "Rappelant "),
    ("citation-date", "en", "pp-citation", "68/1"),
    ("citation-date", "fr", "pp-citation", "68/1"),
    ("citation-year", "en", "pp-citation", "2086"),
    ("citation-year", "fr", "pp-citation", "2086"),
    ("unknown-opener", "en", "pp-unknown-opener", ""),
    ("unknown-opener", "fr", "pp-unknown-opener", ""),
    ("operative-opener", "en", "op-not-verb", "Member"),
    ("operative-opener", "fr", "op-not-verb", "Les"),
    ("typed-number", "en", "op-typed-number", "5. "),
    ("typed-number", "fr", "op-typed-number", "5. "),
    ("typed-number", "en", "op-bare-number", "21 "),
    ("typed-number", "fr", "op-bare-number", "21 "),
    ("typed-number", "en", "op-sub-a", "(a) "),
    ("typed-number", "fr", "op-sub-a", "a) "),
    ("end-punctuation", "en", "op-etc", "etc."),
    ("end-punctuation", "fr", "op-etc", "etc."),
    ("end-punctuation", "en", "op-question", "?"),
    ("end-punctuation", "fr", "op-question", "?"),
    ("typed-end-punctuation", "en", "op-typed-end", ";"),
    ("typed-end-punctuation", "fr", "op-typed-end", " ;"),
    ("ordinal-suffix", "en", "op-ordinals", "21th"),
    ("ordinal-suffix", "fr", "op-ordinals", "49èmesession"),
    ("ordinal-suffix", "fr", "op-ordinals", "2ème"),
    ("ordinal-suffix", "fr", "op-ordinals", "1ère"),
    ("punctuation-space", "en", "op-spaces", " "),
    ("punctuation-space", "fr", "op-spaces", " "),
    ("punctuation-space", "fr", "op-spaces", "\u00a0"),
    ("straight-quotes", "en", "op-quotes", '"'),
    ("straight-quotes", "fr", "op-quotes", '"'),
    ("double-space", "en", "op-double-space", "  "),
    ("double-space", "fr", "op-double-space", "  "),
    ("spelling", "en", "op-spelling", "goverment"),
    ("spelling", "fr", "op-spelling", "gouvernemnt"),
    ("split-word", "fr", "op-spelling", "d omaines"),
    (
        "glossary-term",
        "fr",
        "op-glossary-fr",
        "Bureau de la coordination des affaires humanitaires",
    ),
    (
        "glossary-term",
        "en",
        "op-glossary-en",
        "Office for the Coordination of Humanitarian Affairs",
    ),
    ("translation-stale", "fr", "op-stale", ""),
    ("translation-missing", "fr", "op-missing", ""),
    ("footnote-unknown", "en", "op-footnote", "\ufffc"),
    ("footnote-unknown", "fr", "op-footnote", "\ufffc"),
    ("empty-paragraph", "en", "op-empty", ""),
    ("empty-paragraph", "fr", "op-empty", ""),
    ("footnote-unreferenced", "en", "fn-unused", ""),
    ("footnote-unreferenced", "fr", "fn-unused", ""),
    ("footnote-unreferenced", "fr", "fn-english-only", ""),
    ("footnote-missing-language", "fr", "fn-english-only", ""),
    ("title-missing", "fr", None, ""),
}
# Stored texts (shorthand) and openers after "fix everything".
FIXED = {
    "pp-typed-opener": (
        "recalling",
        "its resolution 70/1 of 25 September 2015",
        "sa résolution 70/1 du 25 septembre 2015",
    ),
    "pp-agreement": ("convinced", None, "que la coopération est essentielle"),
    "pp-repeated": (
        "recalling",
        "its resolution 69/1 of 1 October 2014",
        "sa résolution 69/1 du 1er octobre 2014",
    ),
    "op-typed-number": (
        "requests",
        "the Secretary-General to report",
        "le Secrétaire général de faire rapport",
    ),
    "op-bare-number": ("encourages", "all States to act", "tous les États à agir"),
    "op-typed-end": ("invites", "all States to participate", "tous les États à participer"),
    "op-ordinals": (
        "decides",
        "to convene the 21st session",
        "de convoquer la 49e session, la 2e réunion et la 1re séance",
    ),
    "op-spaces": (
        "decides",
        "to note the report; and the plan, too",
        "de noter le rapport, et d’agir\u202f; enfin",
    ),
    "op-quotes": ("welcomes", "the “Digital Agenda”", "le « Programme numérique »"),
    "op-double-space": ("welcomes", "the report", "le rapport"),
    "op-spelling": (
        "notes",
        "the government of Mali",
        "le gouvernemnt du Mali et les domaines prioritaires",
    ),
    "op-sub-a": (None, "to act[^fn-english-only]", "d’agir"),
}


def _where(finding: Finding) -> str | None:
    return finding.paragraph_id or finding.footnote_id


@pytest.fixture(scope="module")
def report(un_checker: Checker) -> Report:
    return un_checker.check_document(seeded_document())


def test_each_seeded_error_is_flagged(report: Report) -> None:
    found = {(f.rule, f.lang, _where(f), f.excerpt) for f in report.findings}
    assert EXPECTED - found == set()


def test_nothing_else_is_flagged(report: Report) -> None:
    found = {(f.rule, f.lang, _where(f), f.excerpt) for f in report.findings}
    # pp-agreement's English is empty on purpose; the typed openers are also reported as
    # "choose the opener" notes alongside their other findings.
    extra = found - EXPECTED
    assert extra == {
        ("empty-paragraph", "en", "pp-agreement", ""),
        ("opener-as-text", "fr", "pp-agreement", "Convaincu"),
        ("opener-as-text", "en", "op-typed-number", "Requests"),
        ("opener-as-text", "fr", "op-typed-number", "Prie"),
        ("opener-as-text", "en", "op-bare-number", "Encourages"),
        ("opener-as-text", "fr", "op-bare-number", "Encourage"),
    }


def test_spans_point_at_the_stored_text(report: Report) -> None:
    document = seeded_document()
    for finding in report.findings:
        if finding.target is Target.TEXT and finding.paragraph_id:
            paragraph = document.find_paragraph(finding.paragraph_id)
            assert paragraph is not None
            items = paragraph.text.get(finding.lang, [])
            text = "".join(getattr(i, "text", "\ufffc") for i in items)
            assert text[finding.start : finding.end] == finding.excerpt, finding


def test_severities(report: Report) -> None:
    severity = {(f.rule, f.excerpt): f.severity for f in report.findings if f.lang == "fr"}
    assert severity[("ordinal-suffix", "49èmesession")] is Severity.ERROR  # export keeps it
    assert severity[("ordinal-suffix", "2ème")] is Severity.WARNING  # export corrects it
    assert severity[("double-space", "  ")] is Severity.INFO
    assert report.has_errors


def test_messages_quote_what_prints(report: Report) -> None:
    messages = {(f.rule, f.lang, _where(f)): f.message for f in report.findings}
    assert messages[("typed-number", "en", "op-typed-number")] == (
        "“5.” is typed, but paragraphs are numbered automatically: the paragraph would "
        "print as “2. 5. Requests the Secretary-General…”."
    )
    assert messages[("end-punctuation", "en", "op-etc")] == (
        "The text ends with “etc.”, so the paragraph would end “…the question, etc;”."
    )
    assert messages[("opener-agreement", "fr", "pp-agreement")] == (
        "“Convaincu” does not agree with l’Assemblée générale: write “Convaincue”."
    )


def test_fixing_everything_gives_the_corrected_texts(report: Report) -> None:
    document = seeded_document()
    original = copy.deepcopy(document)
    editor = Editor(document)
    editor.execute(ApplyFixes(report.findings, "Fix all"))
    for ident, (opener, en, fr) in FIXED.items():
        paragraph = document.find_paragraph(ident)
        assert paragraph is not None
        assert paragraph.opener == opener, ident
        assert to_shorthand(paragraph.text.get("en", [])) == (en or ""), ident
        assert to_shorthand(paragraph.text.get("fr", [])) == fr, ident
    assert editor.undo() == "Fix all"
    assert document == original


def test_fixes_leave_translation_records_alone(report: Report) -> None:
    document = seeded_document()
    before = {p.id: copy.deepcopy(p.provenance) for p in document.all_paragraphs()}
    ApplyFixes(report.findings).apply(document)
    assert {p.id: p.provenance for p in document.all_paragraphs()} == before


def test_fixed_document_is_clean_where_fixed(un_checker: Checker, report: Report) -> None:
    document = seeded_document()
    ApplyFixes(report.findings).apply(document)
    again = un_checker.check_document(document)
    left = {(f.rule, _where(f)) for f in again.findings if f.fixable}
    assert left == set()


def test_fix_all_of_a_kind(report: Report) -> None:
    document = seeded_document()
    quotes = next(f for f in report.findings if f.rule == "straight-quotes" and f.lang == "en")
    kind = same_kind(report.findings, quotes)
    assert len(kind) == 4  # two marks in each language
    ApplyFixes(kind).apply(document)
    paragraph = document.find_paragraph("op-quotes")
    assert paragraph is not None
    assert to_shorthand(paragraph.text["en"]) == "the “Digital Agenda”"
    assert to_shorthand(paragraph.text["fr"]) == "le « Programme numérique »"


def test_one_paragraph_recheck_matches_the_document_check(
    un_checker: Checker, report: Report
) -> None:
    document = seeded_document()
    facts = un_checker.prepare(document)
    for lang in ("en", "fr"):
        single = un_checker.check_paragraph(document, "op-ordinals", lang, facts)
        whole = [f for f in report.findings if f.paragraph_id == "op-ordinals" and f.lang == lang]
        assert single == whole


def test_agreement_with_a_masculine_body(oic_checker: Checker, oic_document: Document) -> None:
    paragraph = oic_document.preamble[-1]
    paragraph.opener = None
    paragraph.text["fr"] = parse_inline("Convaincue de la nécessité d’agir")
    findings = oic_checker.check_paragraph(oic_document, paragraph.id, "fr")
    agreement = [f for f in findings if f.rule == "opener-agreement"]
    assert [(f.excerpt, f.fix.replacement if f.fix else None) for f in agreement] == [
        ("Convaincue", "Convaincu")
    ]


def test_agreement_when_the_pack_lacks_the_feminine(
    un_pack: Pack, spelling: object, un_document: Document
) -> None:
    pack = copy.deepcopy(un_pack)
    pack.phrases[next(iter(pack.phrases))]["convinced"].fr = FrenchForms("Convaincu")
    checker = Checker(pack)
    paragraph = un_document.preamble[3]
    paragraph.opener, paragraph.clause, paragraph.slots = "convinced", None, {}
    findings = [
        f
        for f in checker.check_paragraph(un_document, paragraph.id, "fr")
        if f.rule == "opener-agreement"
    ]
    assert [(f.target, f.excerpt, f.start, f.end, f.fix) for f in findings] == [
        (Target.OPENER, "Convaincu", 0, 9, None)
    ]
