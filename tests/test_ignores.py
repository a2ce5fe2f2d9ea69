"""Ignored findings: kept in the file (optional field), undoable commands, honoured by check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.commands import Editor
from draftdesk.errors import CommandError, DocumentError
from draftdesk.model import fileformat
from draftdesk.model.document import Ignore
from draftdesk.proofing.findings import Finding, Report, Severity, Target
from draftdesk.proofing.ignores import (
    AddIgnores,
    RemoveIgnores,
    hides,
    ignore_command,
    ignore_for,
    split_ignored,
    without_ignored,
)
from tests.conftest import UN_EXAMPLE
from tests.proofing.seeded import seeded_document


def _finding(paragraph: str = "op-1", word: str = "Djeddah", lang: str = "fr") -> Finding:
    return Finding(
        "spelling",
        Severity.ERROR,
        lang,
        f"“{word}” is not in the French dictionary.",
        Target.TEXT,
        paragraph,
        4,
        4 + len(word),
        word,
    )


def _raw(**extra: object) -> dict[str, object]:
    data = json.loads(UN_EXAMPLE.read_text(encoding="utf-8"))
    data.update(extra)
    return data


# Matching -------------------------------------------------------------------------------


def test_an_ignore_hides_its_finding_only_in_its_paragraph() -> None:
    here, there = _finding("op-1"), _finding("op-2")
    ignore = ignore_for(here)
    assert ignore == Ignore("spelling", "fr", "Djeddah", "op-1")
    assert hides(ignore, here) and not hides(ignore, there)
    # Offsets are not part of the key: the same word after an edit stays ignored.
    moved = Finding(**{**_asdict(here), "start": 40, "end": 47})
    assert hides(ignore, moved)
    assert not hides(ignore, _finding("op-1", "Djeda"))
    assert not hides(ignore, _finding("op-1", lang="en"))


def test_ignore_all_hides_the_word_in_every_paragraph() -> None:
    everywhere = ignore_for(_finding("op-1"), everywhere=True)
    assert everywhere == Ignore("spelling", "fr", "Djeddah")
    findings = [_finding("op-1"), _finding("op-7"), _finding("op-7", "Oummah")]
    shown, hidden = split_ignored(findings, [everywhere])
    assert [f.excerpt for f in shown] == ["Oummah"]
    assert [f.paragraph_id for f in hidden] == ["op-1", "op-7"]


def test_without_ignored_counts_and_keeps_notices() -> None:
    report = Report([_finding("op-1"), _finding("op-2", "Oummah")], ["LanguageTool is off"])
    kept, count = without_ignored(report, [Ignore("spelling", "fr", "Oummah", "op-2")])
    assert count == 1
    assert [f.excerpt for f in kept.findings] == ["Djeddah"]
    assert kept.notices == ["LanguageTool is off"]


# Commands --------------------------------------------------------------------------------


def test_ignore_and_stop_ignoring_are_undoable_steps() -> None:
    document = fileformat.load(UN_EXAMPLE)
    editor = Editor(document)
    finding = _finding(document.operative[0].id)
    editor.execute(ignore_command([finding]))
    assert document.ignores == [Ignore("spelling", "fr", "Djeddah", document.operative[0].id)]
    assert editor.undo() == "Ignore"
    assert document.ignores == []
    editor.redo()
    editor.execute(ignore_command([finding], everywhere=True))
    assert len(document.ignores) == 2
    assert editor.undo_stack[-1].name == "Ignore all"
    editor.execute(RemoveIgnores([finding]))
    assert document.ignores == []  # both entries hid it: both go
    assert editor.undo() == "Stop ignoring"
    assert [i.paragraph_id for i in document.ignores] == [document.operative[0].id, None]


def test_ignoring_twice_or_unignoring_nothing_is_refused() -> None:
    document = fileformat.load(UN_EXAMPLE)
    AddIgnores([Ignore("spelling", "fr", "x")]).apply(document)
    with pytest.raises(CommandError, match="already ignored"):
        AddIgnores([Ignore("spelling", "fr", "x")]).apply(document)
    with pytest.raises(CommandError, match="none of these findings is ignored"):
        RemoveIgnores([_finding()]).apply(document)
    assert document.ignores == [Ignore("spelling", "fr", "x")]


# File format -----------------------------------------------------------------------------


def test_ignores_round_trip_through_the_file(tmp_path: Path) -> None:
    document = fileformat.load(UN_EXAMPLE)
    assert document.ignores == []  # an older file, without the field
    document.ignores = [
        Ignore("spelling", "fr", "Djeddah", document.operative[0].id),
        Ignore("grammar", "en", "a errors"),
        Ignore("double-space", "en", "  ", footnote_id=document.footnotes[0].id),
    ]
    path = tmp_path / "ignored.draftdesk"
    fileformat.save(document, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    first, note = document.operative[0].id, document.footnotes[0].id
    assert data["ignores"] == [
        {"rule": "spelling", "lang": "fr", "text": "Djeddah", "paragraph": first},
        {"rule": "grammar", "lang": "en", "text": "a errors"},
        {"rule": "double-space", "lang": "en", "text": "  ", "footnote": note},
    ]
    assert fileformat.load(path).ignores == document.ignores


def test_a_document_without_ignores_writes_no_field() -> None:
    data = json.loads(fileformat.dumps(fileformat.load(UN_EXAMPLE)))
    assert "ignores" not in data


@pytest.mark.parametrize(
    ("ignores", "where", "message"),
    [
        ("spelling", "$.ignores", "expected a list, found text"),
        ([["spelling"]], "$.ignores[0]", "expected an object, found a list"),
        ([{"lang": "fr", "text": "x"}], "$.ignores[0].rule", "missing"),
        ([{"rule": "spelling", "lang": "de", "text": "x"}], "$.ignores[0].lang", "'de'"),
        ([{"rule": " ", "lang": "fr", "text": "x"}], "$.ignores[0].rule", "empty rule id"),
        (
            [{"rule": "spelling", "lang": "fr", "text": 3}],
            "$.ignores[0].text",
            "expected text, found a number",
        ),
        (
            [{"rule": "spelling", "lang": "fr", "text": "x", "paragraph": "Op 1"}],
            "$.ignores[0].paragraph",
            "'Op 1' is not a valid id",
        ),
        (
            [{"rule": "spelling", "lang": "fr", "text": "x", "offset": 3}],
            "$.ignores[0].offset",
            "unknown field",
        ),
    ],
)
def test_malformed_ignores_are_named(ignores: object, where: str, message: str) -> None:
    raw = json.dumps(_raw(ignores=ignores))
    with pytest.raises(DocumentError) as info:
        fileformat.loads(raw, source="doc.draftdesk")
    assert info.value.path == where
    assert message in info.value.detail
    assert str(info.value).startswith(f"doc.draftdesk: {where}: ")


def test_ignore_of_a_deleted_paragraph_still_loads() -> None:
    raw = json.dumps(
        _raw(ignores=[{"rule": "spelling", "lang": "en", "text": "x", "paragraph": "gone-1"}])
    )
    assert fileformat.loads(raw).ignores == [Ignore("spelling", "en", "x", "gone-1")]


# draftdesk check ------------------------------------------------------------------------


@pytest.fixture
def seeded_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("DRAFTDESK_DATA_DIR", str(tmp_path / "data"))
    document = seeded_document()
    document.operative = [p for p in document.operative if p.id != "op-footnote"]
    path = tmp_path / "seeded.draftdesk"
    fileformat.save(document, path)
    return path


def test_check_leaves_ignored_findings_out_and_says_how_many(
    seeded_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(seeded_file), "--lang", "en", "--json"])
    before = json.loads(capsys.readouterr().out)
    spelling = next(f for f in before["findings"] if f["rule"] == "spelling")
    assert before["ignored"] == 0
    document = fileformat.load(seeded_file)
    document.ignores = [Ignore("spelling", "en", spelling["excerpt"], spelling["paragraph"])]
    fileformat.save(document, seeded_file)

    main(["check", str(seeded_file), "--lang", "en", "--json"])
    after = json.loads(capsys.readouterr().out)
    assert after["ignored"] == 1
    assert after["errors"] == before["errors"] - 1
    assert spelling not in after["findings"]
    assert len(after["findings"]) == len(before["findings"]) - 1

    main(["check", str(seeded_file), "--lang", "en"])
    assert capsys.readouterr().out.splitlines()[-1].endswith(" notes; 1 ignored")
    main(["check", str(seeded_file), "--lang", "en", "--json", "--show-ignored"])
    assert spelling in json.loads(capsys.readouterr().out)["findings"]


def test_ignoring_every_error_makes_check_pass(
    seeded_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(seeded_file), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    document = fileformat.load(seeded_file)
    document.ignores = [
        Ignore(f["rule"], f["lang"], f["excerpt"], f["paragraph"], f.get("footnote"))
        for f in findings
        if f["severity"] == "error"
    ]
    fileformat.save(document, seeded_file)
    assert main(["check", str(seeded_file)]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith(f"{seeded_file}: 0 errors, ")
    assert summary.endswith(f"; {len(document.ignores)} ignored")


def _asdict(finding: Finding) -> dict[str, object]:
    return {name: getattr(finding, name) for name in Finding.__dataclass_fields__}
