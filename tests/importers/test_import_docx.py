"""Word files not made by DraftDesk, typed the way people type them, imported."""

from __future__ import annotations

from pathlib import Path

from draftdesk.importers.result import ItemKind
from draftdesk.model.inline import FootnoteRef, Text
from draftdesk.packs.registry import PackRegistry
from tests.importers.support import Imported, run_import
from tests.importers.wordfiles import WordFile

ON_BEHALF = (
    "On behalf of the States Members of the United Nations that are members of the "
    "Organization of Islamic Cooperation."
)


def _typed_english(folder: Path) -> Path:
    """Numbers typed by hand with a tab, italic openers, Word footnotes, a page header."""
    w = WordFile()
    w.header("A/72/L.99", "2/3")
    w.table([["United Nations", "A/72/L.99"], ["General Assembly", "Distr.: Limited"]])
    date = w.paragraph("20 November 2017")
    w.line_break(date)
    w.run(date, "Original: English")
    w.paragraph("Seventy-second session")
    w.paragraph("Agenda item 126 (u)")
    w.paragraph("Cooperation between the United Nations and regional and other organizations")
    sponsors = w.paragraph(("Turkey", "b"))
    w.footnote(sponsors, ON_BEHALF, mark="*")
    w.run(sponsors, (": draft resolution", "b"))
    w.paragraph(("Cooperation between the United Nations and the Organization of Islamic "
                 "Cooperation", "b"), center=True)  # fmt: skip
    w.paragraph(("The General Assembly,", "i"))
    w.paragraph(("Recalling", "i"), " its resolution 37/4 of 22 October 1982,")
    examined = w.paragraph(("Having examined", "i"), " the report of the Secretary-General")
    report = w.footnote(examined, "A/71/160-S/2016/621.", bookmark=True)
    w.run(examined, ",")
    w.paragraph(("Deeply alarmed by", "i"), " the situation,")
    takes_note = w.paragraph(
        "1.\t", ("Takes note", "i"), " of the report of the Secretary-General"
    )
    w.noteref(takes_note, report, "1")
    w.run(takes_note, ";")
    w.paragraph("2.\t", ("Requests", "i"), " the Secretary-General:")
    w.paragraph("(a)\tto report on the implementation;")
    w.paragraph("(b)\tto consult Member States, in particular:")
    w.paragraph("(i)\tthe members of the Organization;")
    w.paragraph("(ii)\tobservers;")
    repeat = w.paragraph("3. ", ("Invites", "i"), " the bodies that examined that report")
    w.run(repeat, ("1", "^"))  # a repeated footnote number typed in superscript
    w.run(repeat, " to contribute;")
    w.paragraph("4.\t", ("Decides", "i"), " to remain seized of the matter.")
    w.paragraph("62nd plenary meeting")
    return w.save(folder / "typed.docx")


def _french_word_lists(folder: Path) -> Path:
    """Operative paragraphs and sub-paragraphs in a Word numbered list, French style."""
    w = WordFile()
    w.paragraph(("L’Assemblée générale,", "i"))
    w.paragraph(("Prenant note", "i"), " du rapport du Secrétaire général,")
    w.paragraph(("Profondément préoccupée", "i"), " par la situation,")
    numbers = w.word_list(("%1.", "%2)", "%3)"))
    w.listed(numbers, 0, ("Prie", "i"), " le Secrétaire général :")
    w.listed(numbers, 1, "de faire rapport ;")
    w.listed(numbers, 1, "de consulter :")
    w.listed(numbers, 2, "les États Membres ;")
    w.listed(numbers, 2, "les observateurs ;")
    w.listed(numbers, 0, ("Se félicite", "i"), " des efforts déployés ;")
    w.listed(numbers, 0, ("Décide", "i"), " de rester saisie de la question.")
    return w.save(folder / "listes.docx")


def test_typed_english_document(tmp_path: Path, registry: PackRegistry) -> None:
    imported = run_import(_typed_english(tmp_path), registry)
    assert imported.text.splitlines() == [
        "United Nations",
        "A/72/L.99",
        "General Assembly",
        "Distr.: Limited",
        "20 November 2017",
        "Original: English",
        "Seventy-second session",
        "Agenda item 126 (u)",
        "Cooperation between the United Nations and regional and other organizations",
        "Turkey[*]: draft resolution",
        "Cooperation between the United Nations and the Organization of Islamic Cooperation",
        "The General Assembly,",
        "Recalling its resolution 37/4 of 22 October 1982,",
        "Having examined the report of the Secretary-General,[1]",
        "Deeply alarmed by the situation,",
        "1. Takes note of the report of the Secretary-General;[1]",
        "2. Requests the Secretary-General:",
        "(a) to report on the implementation;",
        "(b) to consult Member States, in particular:",
        "(i) the members of the Organization;",
        "(ii) observers;",
        "3. Invites the bodies that examined that report[1] to contribute;",
        "4. Decides to remain seized of the matter.",
        "",
        f"[*] {ON_BEHALF}",
        "[1] A/71/160-S/2016/621.",
    ]
    _check_typed_structure(imported)


def _check_typed_structure(imported: Imported) -> None:
    document = imported.built.document
    assert "2/3" not in imported.report  # the page header is not body text
    references = [
        item.footnote_id
        for paragraph in document.all_paragraphs()
        for item in paragraph.text["en"]
        if isinstance(item, FootnoteRef)
    ]
    # The Word footnote, its NOTEREF cross-reference and the typed superscript: one note
    # (the first reference is the note slot of the "having examined a report" clause).
    assert references == ["fn-1", "fn-1"]
    assert document.preamble[1].clause == "having-examined-report"
    assert document.preamble[1].slots == {"author": "secretary-general", "note": "fn-1"}
    assert document.operative[0].text["en"] == [
        Text("the report of the Secretary-General"),
        FootnoteRef("fn-1"),
    ]
    assert [n.id for n in document.footnotes] == ["fn-sponsors", "fn-1"]
    alarmed = document.preamble[2]
    assert alarmed.opener is None
    assert alarmed.text["en"][0] == Text("Deeply alarmed by", italic=True)  # as typed
    assert [item.level for item in imported.of(ItemKind.SUBPARAGRAPH)] == [1, 1, 2, 2]
    assert [len(p.children) for p in document.operative] == [0, 2, 0, 0]
    assert [item.source for item in imported.check.not_kept] == ["62nd plenary meeting"]
    assert imported.result.properties == {}


def test_french_word_numbered_lists(tmp_path: Path, registry: PackRegistry) -> None:
    imported = run_import(_french_word_lists(tmp_path), registry)
    assert imported.result.lang == "fr"
    spaced = imported.text.replace("\u202f", " ").replace("\u00a0", " ")
    assert spaced.splitlines()[4:] == [
        "L’Assemblée générale,",
        "Prenant note du rapport du Secrétaire général,",
        "Profondément préoccupée par la situation,",
        "1. Prie le Secrétaire général :",
        "a) de faire rapport ;",
        "b) de consulter :",
        "i) les États Membres ;",
        "ii) les observateurs ;",
        "2. Se félicite des efforts déployés ;",
        "3. Décide de rester saisie de la question.",
    ]
    assert [item.label for item in imported.result.items if item.label] == [
        "1.", "a)", "b)", "i)", "ii)", "2.", "3.",
    ]  # fmt: skip
    document = imported.built.document
    assert [p.opener for p in document.preamble] == ["taking-note-of", "deeply-concerned"]
    assert document.preamble[0].text["fr"] == [Text("le rapport du Secrétaire général")]
    assert document.operative[1].text["fr"] == [Text("les efforts déployés")]
    assert imported.check.changes == []  # Word's numbers are DraftDesk's numbers


def test_masthead_line_breaks_tracked_changes_and_pasted_pdf(
    tmp_path: Path, registry: PackRegistry
) -> None:
    w = WordFile()
    w.paragraph(("The General Assembly,", "i"))
    recalling = w.paragraph(("Recalling", "i"), " its resolution ")
    w.tracked(recalling, inserted="70/1", deleted="69/313")
    w.run(recalling, ",")
    w.paragraph("1. Decides to convene a high-level meeting of the General Assembly on the")
    w.paragraph("implementation of the present resolution, which is to be held during the")
    w.paragraph("seventy-third session;")
    w.paragraph("2. Requests the Secretary-General to report.")
    imported = run_import(w.save(tmp_path / "tracked.docx"), registry)
    lines = imported.text.splitlines()
    assert lines[-3:] == [
        "Recalling its resolution 70/1,",
        "1. Decides to convene a high-level meeting of the General Assembly on the "
        "implementation of the present resolution, which is to be held during the "
        "seventy-third session;",
        "2. Requests the Secretary-General to report.",
    ]
    assert [item.kind for item in imported.result.items].count(ItemKind.CONTINUATION) == 2
    assert imported.result.concerns[0].message == (
        "it holds tracked changes: imported as if all were accepted"
    )
    assert "joined to the paragraph before it (it continues it)" in imported.report
