"""Fixes as commands: references survive, stale fixes are refused, every target can be fixed."""

from __future__ import annotations

import pytest

from draftdesk.commands import Editor, SetText
from draftdesk.errors import CommandError
from draftdesk.model.document import Document
from draftdesk.model.inline import CrossRef, FootnoteRef, Text, parse_inline, to_shorthand
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.findings import (
    Finding,
    Severity,
    Target,
    TextEdit,
    editor_text,
    replace_span,
)
from draftdesk.proofing.fixes import ApplyFixes
from draftdesk.proofing.messages import UI_LANGUAGES, Messages, catalogue_keys


def test_editor_text_counts_one_character_per_reference() -> None:
    items = parse_inline("*Un* rapport[^fn-a] du [[para:op-1]] x")
    assert editor_text(items) == "Un rapport\ufffc du \ufffc x"


def test_replace_span_keeps_styles_and_references() -> None:
    items = parse_inline("le *rapport  annuel*[^fn-a] , adopté")
    text = editor_text(items)
    start = text.index("  ")
    items = replace_span(items, start, start + 2, " ")
    comma = editor_text(items).index(" ,")
    items = replace_span(items, comma, comma + 1, "")
    assert to_shorthand(items) == "le *rapport annuel*[^fn-a], adopté"
    assert items[2] == FootnoteRef("fn-a")


def test_a_fix_never_swallows_a_reference() -> None:
    items = [Text("voir "), CrossRef("op-1"), Text(" ci-dessus")]
    with pytest.raises(CommandError, match="footnote or cross-reference"):
        replace_span(items, 3, 7, "")


def test_stale_fix_is_refused_and_changes_nothing(
    un_checker: Checker, un_document: Document
) -> None:
    paragraph = un_document.operative[2]
    paragraph.text["en"] = parse_inline("that the  report and the  plan are useful")
    findings = [
        f
        for f in un_checker.check_paragraph(un_document, paragraph.id, "en")
        if f.rule == "double-space"
    ]
    assert len(findings) == 2
    editor = Editor(un_document)
    editor.execute(SetText(paragraph.id, "en", parse_inline("that the report and the plan")))
    before = to_shorthand(paragraph.text["en"])
    with pytest.raises(CommandError, match=r"op-03 \(EN\) has changed since it was checked"):
        editor.execute(ApplyFixes(findings))
    assert to_shorthand(paragraph.text["en"]) == before
    assert len(editor.undo_stack) == 1


def test_fixes_in_footnotes_titles_and_slots(un_checker: Checker, un_document: Document) -> None:
    un_document.footnotes[1].text["fr"] = parse_inline("Voir la 2ème partie.")
    un_document.metadata.title["en"] = "Cooperation  between organizations"
    report_paragraph = next(
        p for p in un_document.operative if p.clause == "request-report-session"
    )
    report_paragraph.slots["subject"] = {
        "en": "on the goverment of cooperation",
        "fr": report_paragraph.slots["subject"]["fr"],
    }
    report = un_checker.check_document(un_document)
    fixable = {(f.target, f.rule, f.excerpt) for f in report.findings if f.fixable}
    assert fixable == {
        (Target.FOOTNOTE, "ordinal-suffix", "2ème"),
        (Target.TITLE, "double-space", "  "),
        (Target.SLOT, "spelling", "goverment"),
    }
    editor = Editor(un_document)
    editor.execute(ApplyFixes(report.findings))
    assert to_shorthand(un_document.footnotes[1].text["fr"]) == "Voir la 2e partie."
    assert un_document.metadata.title["en"] == "Cooperation between organizations"
    assert report_paragraph.slots["subject"]["en"] == "on the government of cooperation"
    editor.undo()
    assert un_document.metadata.title["en"] == "Cooperation  between organizations"
    assert report_paragraph.slots["subject"]["en"] == "on the goverment of cooperation"


def test_nothing_to_fix_is_refused(un_document: Document) -> None:
    finding = Finding("spelling", Severity.ERROR, "en", "…", Target.TEXT, "op-01")
    with pytest.raises(CommandError, match="none of these findings has an automatic fix"):
        ApplyFixes([finding]).apply(un_document)


def test_overlapping_fixes_apply_once(un_document: Document) -> None:
    paragraph = un_document.operative[2]
    paragraph.text["en"] = parse_inline("a  b")
    findings = [
        Finding(
            "x",
            Severity.INFO,
            "en",
            "",
            Target.TEXT,
            paragraph.id,
            1,
            3,
            "  ",
            TextEdit(1, 3, " ", "  "),
        ),
        Finding(
            "y",
            Severity.INFO,
            "en",
            "",
            Target.TEXT,
            paragraph.id,
            0,
            3,
            "a  ",
            TextEdit(0, 3, "A ", "a  "),
        ),
    ]
    ApplyFixes(findings).apply(un_document)
    assert to_shorthand(paragraph.text["en"]) == "a b"


def test_message_catalogue_is_complete() -> None:
    for key, placeholders in catalogue_keys().items():
        assert set(placeholders) == set(UI_LANGUAGES), key
        assert placeholders["en"] == placeholders["fr"], key


def test_french_messages_follow_french_typography() -> None:
    say = Messages("fr")
    assert say("spelling", word="omaines", language=say.language("fr")) == (
        "«\u202fomaines\u202f» ne figure pas dans le dictionnaire français."
    )
    with pytest.raises(ValueError, match="no proofing messages in 'de'"):
        Messages("de")
