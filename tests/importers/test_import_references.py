"""Importing the two reference resolutions (French text extracted from PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from draftdesk.export.text import layout_to_text
from draftdesk.importers.build import Built, build_document
from draftdesk.importers.compare import check_rendering
from draftdesk.importers.importer import import_file
from draftdesk.importers.report import format_report
from draftdesk.importers.result import ChangeKind, ImportResult, ItemKind
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.render.builder import build_layout
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.test_reference_texts import UN_ACCEPTED, _assert_same, _split_export, _split_reference

GOLDEN = Path(__file__).parent.parent / "golden"
UN_REFERENCE = GOLDEN / "reference-un-a-72-l20.fr.txt"
OIC_REFERENCE = GOLDEN / "reference-oic-cfm-48-1.fr.txt"
UN_TITLE = (
    "Coopération entre l’Organisation des Nations Unies et l’Organisation de la "
    "coopération islamique"
)
# The typos and extraction artefacts of the UN reference the importer corrects, each of
# which its report must list (before, after).
UN_CORRECTED = [
    ("d omaines", "domaines"),
    ("le ur", "leur"),
    ("objec tifs", "objectifs"),
    ("Moyen -Orient", "Moyen-Orient"),
    ("Bosnie -Herzégovine", "Bosnie-Herzégovine"),
    ("ONU -Femmes", "ONU-Femmes"),
    ("générale ,", "générale,"),
]


@pytest.fixture(scope="module")
def un_import(registry: PackRegistry) -> tuple[ImportResult, Built]:
    """The UN reference imported once for the module (tests must not change it)."""
    result = import_file(UN_REFERENCE, registry)
    return result, build_document(result, registry.get(result.pack_id))


@pytest.fixture(scope="module")
def oic_import(registry: PackRegistry) -> tuple[ImportResult, Built]:
    """The OIC reference imported once for the module."""
    result = import_file(OIC_REFERENCE, registry)
    return result, build_document(result, registry.get(result.pack_id))


def test_un_reference_structure(un_import: tuple[ImportResult, Built]) -> None:
    result, built = un_import
    document = built.document
    assert (result.lang, result.pack_id, result.body) == ("fr", "un-ga", "general-assembly")
    assert len(document.preamble) == 27
    assert len(document.operative) == 25
    assert document.metadata.languages == ["fr"]
    assert document.metadata.title == {"fr": UN_TITLE}
    counts = result.counts()
    assert (counts.footnotes, counts.symbol_notes, counts.references) == (6, 1, 8)
    assert sorted(counts.repeated) == ["2", "5"]
    sponsors_note = document.footnote("fn-sponsors")
    assert sponsors_note is not None and sponsors_note.symbol == "*"
    assert document.metadata.sponsors_note == "fn-sponsors"
    assert [note.id for note in document.footnotes] == [
        "fn-sponsors", *(f"fn-{n}" for n in range(1, 7)),
    ]  # fmt: skip


def test_un_reference_openers_and_clauses_match_the_example(
    un_import: tuple[ImportResult, Built],
) -> None:
    """The hand-made example is the reference encoded by a person: same openers, clauses."""
    example = fileformat.load(UN_EXAMPLE)
    imported = list(un_import[1].document.all_paragraphs())
    expected = [(p.opener, p.clause) for p in example.all_paragraphs()]
    assert [(p.opener, p.clause) for p in imported] == expected
    by_id = {p.id: p for p in imported}
    assert by_id["op-24"].slots == {
        "session": 73,
        "subject": {
            "fr": "de l’état de la coopération entre l’Organisation des Nations Unies et "
            "l’Organisation de la coopération islamique"
        },
    }
    assert [c["symbol"] for c in by_id["pp-01"].slots["resolutions"]][-2:] == ["67/264", "69/317"]
    assert by_id["pp-01"].slots["resolutions"][0] == {"symbol": "37/4", "date": "1982-10-22"}


def test_un_reference_french_export_matches_the_reference(
    un_import: tuple[ImportResult, Built], registry: PackRegistry
) -> None:
    """Word for word, with the typos corrected; sponsors filled in as a user would."""
    _, built = un_import
    built.document.metadata.sponsors = {"fr": ["Turquie"]}
    try:
        layout = build_layout(built.document, registry.get("un-ga"), "fr")
    finally:
        built.document.metadata.sponsors = {}
    body, notes = _split_export(layout_to_text(layout), UN_TITLE)
    # The example also decapitalises "Coopération islamique", an editorial choice the
    # importer does not make: every other accepted difference applies.
    accepted = [pair for pair in UN_ACCEPTED if not pair[0].startswith("Coopération")]
    expected_body, expected_notes = _split_reference(UN_REFERENCE, accepted)
    _assert_same(expected_body, body, "the body")
    assert sorted(notes) == sorted(expected_notes) == ["*", "1", "2", "3", "4", "5", "6"]
    for mark, tokens in expected_notes.items():
        _assert_same(tokens, notes[mark], f"footnote {mark}")


def test_un_reference_export_equals_the_example_from_the_title(
    un_import: tuple[ImportResult, Built], registry: PackRegistry
) -> None:
    pack = registry.get("un-ga")
    imported = layout_to_text(build_layout(un_import[1].document, pack, "fr")).splitlines()
    example = layout_to_text(build_layout(fileformat.load(UN_EXAMPLE), pack, "fr")).splitlines()
    imported = imported[imported.index(UN_TITLE) :]
    example = example[example.index(UN_TITLE) :]
    example.remove(  # the sponsors' note: the reference has no sponsors line
        "[*] Au nom des États Membres de l’Organisation des Nations Unies qui sont membres "
        "de l’Organisation de la coopération islamique."
    )
    differing = [(a, b) for a, b in zip(example, imported, strict=True) if a != b]
    assert len(differing) == 1
    assert differing[0][1] == differing[0][0].replace(
        "l’Organisation de la coopération islamique, l’Organisation des",
        "l’Organisation de la Coopération islamique, l’Organisation des",
    )


def test_un_reference_corrections_are_reported(un_import: tuple[ImportResult, Built]) -> None:
    result, _ = un_import
    changes = result.changes + [c for item in result.items for c in item.changes]
    made = {(c.before, c.after) for c in changes if c.kind is ChangeKind.CORRECTED}
    assert set(UN_CORRECTED) <= made
    removed = [c for c in changes if c.kind is ChangeKind.REMOVED]
    assert [c.where for c in removed] == [
        "lines 64–90", "lines 213–216", "lines 332–335", "lines 443–444",
    ]  # fmt: skip
    item = next(i for i in result.items if i.label == "21")
    assert item.kind is ItemKind.OPERATIVE and item.opener == "encourages"


def test_un_reference_report(
    un_import: tuple[ImportResult, Built], registry: PackRegistry
) -> None:
    result, built = un_import
    check = check_rendering(result, built, registry.get("un-ga"))
    assert [(c.before, c.after) for _, c in check.changes] == [("21", "21.")]
    report = format_report(result, built, check)
    assert report == (GOLDEN / "import-un-a-72-l20.report.txt").read_text(encoding="utf-8")


def test_oic_reference_structure(oic_import: tuple[ImportResult, Built]) -> None:
    result, built = oic_import
    document = built.document
    meta = document.metadata
    assert (result.lang, result.pack_id, result.body) == (
        "fr", "oic-cfm", "council-of-foreign-ministers",
    )  # fmt: skip
    assert (len(document.preamble), len(document.operative)) == (5, 5)
    assert meta.session == 48
    assert meta.fields == {
        "resolution_number": "1",
        "committee_code": "IT",
        "theme": {"fr": "Partenariats pour l’Unité, la Justice et le Développement"},
        "reference_line": "RMB-CFM48-27-3-2022-11:00",
    }
    assert meta.meeting is not None
    assert meta.meeting.place == {"fr": "Islamabad, République islamique du Pakistan"}
    assert (meta.meeting.start, meta.meeting.end) == (date(2022, 3, 22), date(2022, 3, 23))
    assert meta.meeting.hijri is None  # "19 – 20 chaâbane 1443" is what DraftDesk computes
    assert meta.title == {"fr": "Le « Projet de transformation numérique du Secrétariat "
                          "général de l'OCI »"}  # fmt: skip
    # Verbs in capitals are openers; the example's clauses are recognised with their slots.
    example = fileformat.load(OIC_EXAMPLE)
    imported = list(document.all_paragraphs())
    assert [(p.opener, p.clause) for p in imported] == [
        (p.opener, p.clause) for p in example.all_paragraphs()
    ]
    assert imported[6].slots == {
        "years": 3,
        "purpose": {
            "fr": "pour que le projet se déroule par étapes successives à compter de 2020"
        },
    }
    assert imported[9].slots == {"session": 49}


def test_oic_reference_export_is_the_examples(
    oic_import: tuple[ImportResult, Built], registry: PackRegistry
) -> None:
    """The French export of the import is the example's, character for character."""
    layout = build_layout(oic_import[1].document, registry.get("oic-cfm"), "fr")
    expected = (GOLDEN / "oic-cfm-48-digital-transformation.fr.txt").read_text(encoding="utf-8")
    assert layout_to_text(layout) == expected


def test_oic_reference_report(
    oic_import: tuple[ImportResult, Built], registry: PackRegistry
) -> None:
    result, built = oic_import
    check = check_rendering(result, built, registry.get("oic-cfm"))
    report = format_report(result, built, check)
    assert report == (GOLDEN / "import-oic-cfm-48-1.report.txt").read_text(encoding="utf-8")
